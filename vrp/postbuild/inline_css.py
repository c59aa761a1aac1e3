"""Put a page's own stylesheets into the page, so its first paint waits for no second request.

A stylesheet link holds the first paint for one more round trip to the server, and GitHub Pages
lets a browser keep a stylesheet for ten minutes only, so later visits pay that round trip again
to check it. Our stylesheets come to about 17 kB gzip once trimmed (vrp/postbuild/unused_css.py), less
than a round trip on a slow mobile connection. Only links to this site's own files are inlined.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin, urlsplit

LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">')


def inline(html: str, page_url: str, site_prefix: str, read: Callable[[str], str | None]) -> str:
    """`html` with each stylesheet link that `read` can find (by path under the site, e.g.
    "assets/stylesheets/site.css") replaced by a <style> element holding that file."""
    def style(link: re.Match) -> str:
        path = urlsplit(urljoin(page_url, link.group(1))).path
        text = read(path[len(site_prefix):]) if path.startswith(site_prefix) else None
        return link.group(0) if text is None else f"<style>{text}</style>"
    return LINK.sub(style, html)


def site_reader(site: Path) -> Callable[[str], str | None]:
    def read(path: str) -> str | None:
        file = site / path
        return file.read_text(encoding="utf-8") if path.endswith(".css") and file.is_file() else None
    return read


def inline_site(site: Path, site_url: str, kept_linked: set[str]) -> None:
    """Every page of the built site with its stylesheets inside, but those in `kept_linked` (site paths of their
    HTML, e.g. "resources/_shell/index.html": pages whose front matter says `inline_styles: false`)."""
    base = site_url or "http://localhost/"
    prefix, read = urlsplit(base).path, site_reader(site)
    for file in site.rglob("*.html"):
        path = file.relative_to(site).as_posix()
        if path not in kept_linked:
            file.write_text(inline(file.read_text(encoding="utf-8"), base + path, prefix, read), encoding="utf-8")
