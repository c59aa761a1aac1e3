"""Shape the checked data for pages and published files (plain Python, nothing of MkDocs)."""
