"""Take out the indentation and blank lines the templates leave in each page.

Outside preformatted text, a browser shows any run of spaces and line breaks as one space, so a
page looks and reads the same with one line break in place of each such run; it is about a tenth
smaller after gzip. Where whitespace counts (pre, textarea, code, kbd) or is a script's own text
(script, style: the Content-Security-Policy hashes it), nothing is touched.
"""
from __future__ import annotations

import re

KEPT = re.compile(r"<(pre|textarea|code|kbd|script|style)\b.*?</\1\s*>", re.S | re.I)
RUN = re.compile(r"[ \t\r]*\n[ \t\r\n]*")  # a run of whitespace holding a line break; not \s: that takes &nbsp; too


def collapse(html: str) -> str:
    """`html` with each run of whitespace that holds a line break made one line break."""
    out, last = [], 0
    for kept in KEPT.finditer(html):
        out += [RUN.sub("\n", html[last:kept.start()]), kept.group(0)]
        last = kept.end()
    out.append(RUN.sub("\n", html[last:]))
    return "".join(out).lstrip()
