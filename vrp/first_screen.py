"""Which heading begins below the first screen of a page, so that the first paint can wait for it.

A browser may paint as soon as it has read the header; on a slow phone the title and the opening
then come in later paints, a few hundred milliseconds apart. Holding the first paint until the
parser reaches a heading that begins below the first screen (`<link rel=expect blocking=render>`)
puts all a reader first sees into one paint, without waiting for the rest of a long page.
"""
from __future__ import annotations

import html
import re

# Text that fills more than the first screen of a phone (412 x 823) or a laptop (1280 x 800)
# under the help bar and the header, counted in characters of the page's own content.
SCREEN = 1000

HEADING = re.compile(r"<h[2-6]\b[^>]*?\sid=\"([^\"]+)\"")
TAG = re.compile(r"<[^>]*>")


def first_heading_below(content: str, screen: int = SCREEN) -> str | None:
    """The id of the first heading after `screen` characters of text in `content` (a page's HTML
    body), or None if the page is shorter than that."""
    seen, last = 0, 0
    for heading in HEADING.finditer(content):
        seen += len(" ".join(html.unescape(TAG.sub(" ", content[last:heading.start()])).split()))
        last = heading.start()
        if seen >= screen:
            return heading.group(1)
    return None
