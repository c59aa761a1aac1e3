"""The directory's own pages, written after the build from shells: a page for every entry (and every entry taken
out of it, data/retired.yml), and the static lists for readers without JavaScript (vrp.pages.directory).

Why they are not pages of the engine: at 10,000 entries that would be 10,000 more pages, each parsed again by
the link checker, which indexes every file again for every page (time that grows with the square of the
pages). Instead the engine builds one small hidden "shell" page for each folder depth these pages live at
(vrp.manifest: `shell` outputs), through the theme like any page, so each shell has the site's header, help
bar, exit control, footer and, once vrp.postbuild has run, its Content-Security-Policy; between two markers
its body is a real page of that depth, so the link check and the CSS trimming see that markup. `write_pages`
then writes each page as its shell with its own title, description, address and body, removes the shells and
lists the pages in the sitemap. The bodies add no inline script or style, so the shell's policy holds for each.
"""
from __future__ import annotations

import gzip
import html
import shutil
from pathlib import Path

from vrp.manifest import SHELLS, SLOT, Output, render
from vrp.pages.directory import depth
from vrp.pages.macros import page_url
from vrp.postbuild.html_whitespace import collapse

BODY_START, BODY_END = "<!--vrp-slot-->", "<!--/vrp-slot-->"
ADDRESS = "\x00address\x00"


def _shell_parts(site_dir: Path, shell: str, site_url: str) -> list[str]:
    """The built shell cut where each page's own text goes: title, description, address, body."""
    text = (site_dir / shell / "index.html").read_text(encoding="utf-8")
    if text.count(BODY_START) != 1 or text.count(BODY_END) != 1:
        raise ValueError(f"{shell}: the shell page has lost the markers of its body ({BODY_START} {BODY_END})")
    head, rest = text.split(BODY_START, 1)
    tail = rest.rsplit(BODY_END, 1)[1]
    address = site_url + shell
    if head.count(address) != 1 or shell in tail:
        raise ValueError(f"{shell}: expected the shell's address once, in its head")
    return [head.replace(address, ADDRESS), tail]


def _fill(part: str, page: Output, site_url: str) -> str:
    return (part.replace(SLOT["title"], html.escape(page.title)).replace(SLOT["description"], html.escape(page.description))
            .replace(ADDRESS, site_url + page.url))


def write_pages(site_dir: Path, outputs: list[Output], templates, site_url: str) -> None:
    """Write every `later` output of the manifest from the built shell of its depth, then take the shells out and
    put the pages in the sitemap. The last step over the built site: each shell is final (whitespace,
    stylesheets, policy), and each page is written as it will be served."""
    shells = {n: page_url(src) for n, src in SHELLS.items()}
    parts = {n: _shell_parts(site_dir, shell, site_url) for n, shell in shells.items()}
    listed = []
    for page in (o for o in outputs if o.kind == "later"):
        head, tail = parts[depth(page.url)]
        text = (_fill(head, page, site_url).rstrip("\n") + "\n" + collapse(render(page, templates)).strip("\n")
                + "\n" + _fill(tail, page, site_url).lstrip("\n"))
        target = site_dir / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        if page.listed:
            listed.append(page.url)
    for shell in shells.values():
        shutil.rmtree(site_dir / shell.split("_shell", 1)[0] / "_shell", ignore_errors=True)
    _sitemap(site_dir, site_url, listed)


def _sitemap(site_dir: Path, site_url: str, listed: list[str]) -> None:
    """The sitemap (which leaves the shells out: overrides/sitemap.xml) lists the pages written here too."""
    file = site_dir / "sitemap.xml"
    if not file.exists():
        return
    added = "".join(f"    <url>\n         <loc>{html.escape(site_url + p)}</loc>\n    </url>\n" for p in listed)
    file.write_text(file.read_text(encoding="utf-8").replace("</urlset>", added + "</urlset>"), encoding="utf-8")
    with gzip.GzipFile(site_dir / "sitemap.xml.gz", "wb", mtime=0) as out:
        out.write(file.read_bytes())
