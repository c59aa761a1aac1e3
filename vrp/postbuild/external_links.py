"""Mark every link to another site `rel="noreferrer"`, so the sites our readers go on to are
not told which page of ours they came from (belt and braces with the no-referrer policy)."""
import re

EXTERNAL = re.compile(r'<a\s(?![^>]*\brel=)([^>]*\bhref="https?://[^"]*"[^>]*)>')


def mark(html: str) -> str:
    return EXTERNAL.sub(r'<a rel="noreferrer" \1>', html)
