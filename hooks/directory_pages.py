"""The directory's own pages and data: a page per entry, the static lists, and the script's pieces.

Reads the validated Site (`config.extra["vrp"]`) through vrp.pages.directory. Makes resources/<id>/ for every
entry (and for every entry taken out of it, data/retired.yml: "This service is no longer listed"), resources/page/<n>/ and resources/area/<id>/[<n>/] for readers without JavaScript, and the
pieces of JSON the directory's script fetches (assets/directory/<version>/); lists each entry in the
sitemap (the site search finds the entries from the data: hooks/site_search.py).

Why the pages are not MkDocs pages: at 10,000 entries that would be 10,000 more pages, each parsed
again by the search and link-checking plugins, and the link checker indexes every file again for
every page (time that grows with the square of the pages). Instead MkDocs builds one small hidden
"shell" page for each folder depth these pages live at, through the theme and every hook like any
page, so each shell has the site's header, help bar, exit control, footer and Content-Security-Policy;
while it is built its body is a real entry or list, so the link check and the CSS trimming see that
markup. After the build each page is written as its shell with its own title, description, address
and body, and the shells are removed. The bodies add no inline script or style, so the shell's
Content-Security-Policy holds for each page.
"""
from __future__ import annotations

import gzip
import html
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from vrp.pages.directory import PER_PAGE, Directory, depth, entry_path
from vrp.postbuild.html_whitespace import collapse
from vrp.pages.render import SITE_ROOT, at_root, environment

SLOT = {"title": "VRP-SLOT-TITLE", "description": "VRP-SLOT-DESCRIPTION", "body": "VRP-SLOT-BODY"}
BODY_START, BODY_END = "<!--vrp-slot-->", "<!--/vrp-slot-->"
SHELLS = {2: "resources/_shell.md", 3: "resources/page/_shell.md", 4: "resources/area/_shell/_shell.md"}

state: dict = {}


class Later(File):
    """A page this hook writes after the build, listed among the files so links to it are checked."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


def shell_path(depth_: int) -> str:
    return SHELLS[depth_].removesuffix(".md") + "/"


@event_priority(50)  # before htmlproofer takes its list of files, so links to these pages are checked
def on_files(files, config):
    directory = Directory.of(config.extra["vrp"])
    templates = environment(Path(config.config_file_path).parent / "overrides", directory.site.links)
    state.clear()
    state.update(directory=directory, templates=templates, cards={})
    for name, text in directory.files.items():
        files.append(File.generated(config, directory.data_dir + name, content=text))
    shell = templates.get_template("generated/directory-shell.md").render(slot=SLOT)
    for src in SHELLS.values():
        files.append(File.generated(config, src, content=shell, inclusion=InclusionLevel.NOT_IN_NAV))
    retired = [entry_path(r) for r in directory.site.retired]
    for path in [entry_path(r) for r in directory.entries] + retired + [p.path for p in directory.lists]:
        files.append(Later(path + "index.html", None, config.site_dir, config.use_directory_urls))
    return files


def card(r, root: str) -> str:
    """An entry's card, rendered once per build and then put into each page at its depth."""
    cards = state["cards"]
    if r["id"] not in cards:
        d = state["directory"]
        cards[r["id"]] = collapse(state["templates"].get_template("partials/resource.html").render(
            r=r, description=d.described[r["id"]], labels=d.site.labels, root=SITE_ROOT))
    return at_root(cards[r["id"]], root)  # rendered, and escaped, by the template above


def lists_context(d) -> dict:
    """What the "Browse the directory" links need."""
    return {"vocabularies": d.site.vocabularies, "local": d.local_counts, "total": len(d.entries),
            "per_page": PER_PAGE}


def list_body(page, root: str) -> str:
    d = state["directory"]
    groups = []
    for r in page.entries:
        if not groups or groups[-1][0]["id"] != r["type"]:
            groups.append(({"id": r["type"], "label": d.site.labels["types"][r["type"]]}, []))
        groups[-1][1].append(r)
    return state["templates"].get_template("partials/directory-list.html").render(
        page=page, groups=groups, cards={r["id"]: card(r, root) for r in page.entries}, root=root,
        **lists_context(d))


def entry_body(r, root: str, site_url: str) -> str:
    d = state["directory"]
    return state["templates"].get_template("partials/resource-page.html").render(
        r=r, description=at_root(d.described[r["id"]], root), labels=d.site.labels, root=root,
        address=site_url + entry_path(r), host=urlsplit(r["url"]).hostname.removeprefix("www."))


def retired_body(r, root: str) -> str:
    return state["templates"].get_template("partials/retired-page.html").render(r=r, root=root)


def pages(site_url: str):
    """(path, title, description, body maker, in the sitemap?) of every page this hook writes."""
    d = state["directory"]
    for r in d.entries:
        yield (entry_path(r), r["title"], f"{r['title']}, {r['organisation']}: what it offers, who it is for and how to contact it.",
               lambda r=r: entry_body(r, "../../", site_url), True)
    for r in d.site.retired:  # kept answering, but not offered to search engines
        yield (entry_path(r), f"{r['title']}: no longer listed", f"{r['title']} is no longer listed in the resource directory.",
               lambda r=r: retired_body(r, "../../"), False)
    for page in d.lists:
        yield page.path, page.title, page.about, lambda page=page: list_body(page, "../" * depth(page.path)), True


def on_page_context(context, page, config, nav):
    if page.file.src_uri in SHELLS.values():
        depth_ = next(n for n, src in SHELLS.items() if src == page.file.src_uri)
        d, root = state["directory"], "../" * depth_
        if depth_ == 2:
            body = entry_body(d.entries[0], root, config.site_url or "")
        else:
            body = list_body(next((p for p in d.lists if depth(p.path) == depth_), d.lists[0]), root)
        slot = f"<p>{SLOT['body']}</p>"
        if slot not in page.content:
            raise PluginError(f"{page.file.src_uri}: the shell page has lost its slot for the body")
        page.content = page.content.replace(slot, BODY_START + body + BODY_END)
    return context


def _shell_parts(site_dir: Path, depth_: int, site_url: str) -> list[str]:
    """The built shell cut where each page's own text goes: title, description, address, body."""
    text = (site_dir / shell_path(depth_) / "index.html").read_text(encoding="utf-8")
    head, rest = text.split(BODY_START, 1)
    tail = rest.rsplit(BODY_END, 1)[1]
    address = site_url + shell_path(depth_)
    if head.count(address) != 1 or shell_path(depth_) in tail:
        raise PluginError(f"{shell_path(depth_)}: expected the shell's address once, in its head")
    return [head.replace(address, "\x00address\x00"), tail]


def _fill(part: str, path: str, title: str, description: str, site_url: str) -> str:
    return (part.replace(SLOT["title"], html.escape(title)).replace(SLOT["description"], html.escape(description))
            .replace("\x00address\x00", site_url + path))


@event_priority(-100)  # after every other hook, so each shell is final: whitespace, stylesheets, CSP
def on_post_build(config):
    site_dir, site_url = Path(config.site_dir), config.site_url or ""
    shells = {n: _shell_parts(site_dir, n, site_url) for n in SHELLS}
    written = []
    for path, title, description, body, listed in pages(site_url):
        head, tail = shells[depth(path)]
        out = (_fill(head, path, title, description, site_url).rstrip("\n") + "\n" + collapse(body()).strip("\n")
               + "\n" + _fill(tail, path, title, description, site_url).lstrip("\n"))
        target = site_dir / path / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(out, encoding="utf-8")
        if listed:
            written.append(path)
    for src in SHELLS.values():
        shutil.rmtree(site_dir / (src.split("_shell", 1)[0] + "_shell"), ignore_errors=True)
    _sitemap(site_dir, site_url, written)


def _sitemap(site_dir: Path, site_url: str, written: list[str]) -> None:
    """The sitemap lists the generated pages instead of the shells."""
    file = site_dir / "sitemap.xml"
    if not file.exists():
        return
    text = re.sub(r"\s*<url>\s*<loc>[^<]*/_shell/</loc>.*?</url>", "", file.read_text(encoding="utf-8"), flags=re.S)
    added = "".join(f"    <url>\n         <loc>{html.escape(site_url + p)}</loc>\n    </url>\n" for p in written)
    file.write_text(text.replace("</urlset>", added + "</urlset>"), encoding="utf-8")
    with gzip.GzipFile(site_dir / "sitemap.xml.gz", "wb", mtime=0) as out:
        out.write(file.read_bytes())
