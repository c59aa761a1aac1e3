"""Steps run on each built page, in this order: whitespace, unused CSS, inline CSS (then hooks/csp.py)."""
