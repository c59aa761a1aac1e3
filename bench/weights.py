"""Page weights on disk: a page's HTML plus the stylesheets and scripts its markup loads.

That is the transfer of a first visit before anything is cached. Sizes are given raw and gzipped,
as a server such as GitHub Pages sends them (gzip level 6, a common server default).
"""
from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

HOST = "http://bench.invalid"


def sizes(data: bytes) -> dict:
    return {"raw": len(data), "gzip": len(gzip.compress(data, compresslevel=6, mtime=0))}


def local_file(site: Path, prefix: str, url: str) -> Path | None:
    """The file in `site` that `url` (absolute, under `prefix`) names, or None if it is elsewhere."""
    path = urlsplit(url).path
    if not path.startswith(prefix):
        return None
    file = site / path[len(prefix):]
    return file / "index.html" if path.endswith("/") or file.is_dir() else file


def page(site: Path, path: str, prefix: str = "/") -> dict:
    """Weights of the page at `path` (e.g. "resources/") and of the CSS and JS it loads."""
    url = urljoin(HOST + prefix, path)
    html = local_file(site, prefix, url).read_bytes()
    soup = BeautifulSoup(html, "html.parser")
    links = [tag["href"] for tag in soup.select('link[rel~="stylesheet"][href]')]
    links += [tag["src"] for tag in soup.select("script[src]")]
    total = sizes(html)
    assets, elsewhere = [], []
    for link in links:
        full = urljoin(url, link)
        file = local_file(site, prefix, full) if full.startswith(HOST) else None
        if file is None:
            elsewhere.append(link)
            continue
        weight = sizes(file.read_bytes())
        assets.append({"file": str(file.relative_to(site)), **weight})
        total = {k: total[k] + weight[k] for k in total}
    return {"html": sizes(html), "assets": assets, "elsewhere": elsewhere, "total": total}


def search_index(site: Path) -> dict:
    """The site search's whole index on disk (a query fetches only some of it: chromium.site_search)."""
    files = [f for f in (site / "search").rglob("*") if f.is_file()]
    each = [sizes(f.read_bytes()) for f in files]
    return {"files": len(files), "raw": sum(s["raw"] for s in each), "gzip": sum(s["gzip"] for s in each)}


def html_pages(site: Path) -> int:
    """How many pages a reader can visit: every HTML file but the 404 page."""
    return sum(1 for p in site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html")


def directory_pages(site: Path) -> dict:
    """The directory's own pages: one per entry (resources/<id>/), and the static lists."""
    folders = [p for p in (site / "resources").iterdir() if (p / "index.html").exists()]
    lists = sum(1 for name in ("page", "area") for _ in (site / "resources" / name).rglob("index.html"))
    return {"entries": sum(1 for p in folders if p.name not in ("page", "area")), "lists": lists}


def scripts(site: Path, paths: list[str]) -> dict:
    """Sizes of the scripts named, one by one and together."""
    files = {path: sizes((site / path).read_bytes()) for path in paths}
    return {"files": files, "total": {k: sum(f[k] for f in files.values()) for k in ("raw", "gzip")}}
