"""Every page and file made from the data, as one list: the manifest.

`outputs(site, ...)` lists them as `Output`s, in plain Python (no engine): a path from the top of the docs
folder, and either a template of overrides/ with the context it is rendered with, or the text of a data file.
Four kinds:

- `page`: a Markdown page the engine builds like any page of docs/ (an area, an update);
- `file`: a file the engine copies as it is (the feed, the exports, the HSDS files, the directory's pieces);
- `shell`: a hidden page the engine builds for each folder depth the directory's own pages live at;
- `later`: one of those pages (an entry, a retired entry, a static list), written after the build from the
  shell of its depth (vrp.postbuild.directory says why and how).

hooks/outputs.py hands the list to MkDocs and vrp.prebuild writes it to a folder any MkDocs-family engine can
build. `pages()` renders every Markdown page, those of docs/ with their macros and those of the list, and
reads their anchors: the data check tests each link in data text against what the pages really have.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import markdown
import yaml
from markupsafe import Markup

from vrp.data.links import Page
from vrp.model import Site
from vrp.pages import exports, hsds
from vrp.pages.directory import PER_PAGE, Directory, depth, local_to
from vrp.pages.feed import FEED, feed
from vrp.pages.macros import Macros, page_url
from vrp.postbuild.html_whitespace import collapse

SHOWN = 25  # entries an area's page lists: it stays the same size however large the directory grows
SHELLS = {2: "resources/_shell.md", 3: "resources/page/_shell.md", 4: "resources/area/_shell/_shell.md"}
SLOT = {"title": "VRP-SLOT-TITLE", "description": "VRP-SLOT-DESCRIPTION"}  # a shell's words each page replaces
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)?---\n", re.S)
IDS = re.compile(r"""\sid=["']([^"']+)["']""")


@dataclass(frozen=True)
class Output:
    path: str  # from the top of the docs folder: "spokes/bristol.md", "feed.xml", "resources/childline/index.html"
    kind: str = "page"  # page, file, shell or later (above)
    template: str | None = None  # under overrides/
    context: dict = field(default_factory=dict, compare=False)
    content: str | None = None  # a file's text, when it has no template
    title: str = ""  # a `later` page's own title and description, written into its shell
    description: str = ""
    listed: bool = True  # a `later` page in the sitemap

    @property
    def url(self) -> str:
        """Its address from the site's root: "spokes/bristol/", "feed.xml", "resources/childline/"."""
        return page_url(self.path) if self.path.endswith(".md") else self.path.removesuffix("index.html")


def render(output: Output, templates) -> str:
    """What an output holds: its template rendered with its context, or its text. A shell holds the body of a
    page of its depth, one line per element, so the link check and the CSS trimming see that markup."""
    if output.template is None:
        return output.content
    context = output.context
    if output.kind == "shell":
        context = {**context, "body": Markup(collapse(render(context["sample"], templates)).strip())}
    return templates.get_template(output.template).render(**context)


def _root(url: str) -> str:
    return "../" * depth(url) if url else ""


def area_pages(site: Site) -> list[Output]:
    """A page per area that data/spokes.yml describes: its facts, then its directory services in the area's
    order in the directory (front doors, then those for this area alone), then its other entries (guidance,
    plans, partnerships), the first SHOWN of each."""
    everywhere = len(site.national)
    out = []
    for area in site.spokes:
        local = local_to(site, area.id)
        services = sorted((e for e in local if e.kind == "service"), key=lambda e: not e.report_a_concern)
        others = [e for e in local if e.kind != "service"]
        out.append(Output(area.page, template="generated/spoke.md", context={
            "spoke": area, "local": services[:SHOWN], "more": len(services) - len(services[:SHOWN]),
            "total": len(services), "others": others[:SHOWN], "others_total": len(others),
            "types": site.labels["types"], "everywhere": everywhere, "root": _root(area.path)}))
    return out


def directory_pages(site: Site, site_url: str) -> list[Output]:
    """The directory's own pages, each written after the build from the shell of its depth, and the shells."""
    d = Directory.of(site)
    out = []
    for e in d.entries:
        out.append(Output(e.path + "index.html", "later", "partials/resource-page.html",
                          {"r": e, "labels": site.labels, "root": _root(e.path), "address": site_url + e.path},
                          title=e.title, description=f"{e.title}, {e.organisation}: what it offers, who it is for and how to contact it."))
    for r in site.retired:  # kept answering, but not offered to search engines
        out.append(Output(r.path + "index.html", "later", "partials/retired-page.html", {"r": r, "root": _root(r.path)},
                          title=f"{r.title}: no longer listed",
                          description=f"{r.title} is no longer listed in the resource directory.", listed=False))
    browse = {"vocabularies": site.vocabularies, "local": d.local_counts, "services": d.service_counts, "total": len(d.entries), "per_page": PER_PAGE}
    for page in d.lists:
        groups = []
        for e in page.entries:
            if not groups or groups[-1][0]["id"] != e.type:
                groups.append(({"id": e.type, "label": e.type_label}, []))
            groups[-1][1].append(e)
        area = site.area(page.area) if page.area and page.number == 1 else None
        doors = [(who, area.front_doors[kind]) for kind, who in (("children", "a child"), ("adults", "an adult at risk"))
                 if area and kind in area.front_doors]  # the daytime numbers first, before any helpline of the list
        out.append(Output(page.path + "index.html", "later", "partials/directory-list.html",
                          {"page": page, "groups": groups, "root": _root(page.path), "doors": doors, **browse},
                          title=page.title, description=page.about))
    lists = [o for o in out if o.template == "partials/directory-list.html"]
    for n, src in SHELLS.items():
        sample = next((o for o in out if depth(o.url) == n), lists[0])  # what a page at this depth holds
        sample = replace(sample, context={**sample.context, "root": "../" * n})
        out.append(Output(src, "shell", "generated/directory-shell.md", {"slot": SLOT, "sample": sample}))
    return out


def markdown_pages(site: Site) -> list[Output]:
    """The Markdown pages made from the data: a page per area, then a page per update."""
    return area_pages(site) + [Output(u.page, template="generated/update.md", context={"item": u, "root": _root(u.path)})
                               for u in site.updates]


def outputs(site: Site, site_url: str, site_name: str) -> list[Output]:
    """Every page and file made from the data, in the order an engine is given them."""
    if not site_url:
        raise ValueError("set site_url in mkdocs.yml: the feed and the open data give every address in full")
    out = markdown_pages(site)
    out.append(Output(FEED, "file", "generated/updates-feed.xml",
                      {"feed": feed(site.updates, site_url), "site_name": site_name}))
    out += [Output("resources.json", "file", content=exports.to_json(site)),
            Output("resources.csv", "file", content=exports.to_csv(site))]
    out += [Output(path, "file", content=text) for path, text in hsds.files(site, site_url, site_name).items()]
    d = Directory.of(site)
    out += [Output(d.data_dir + name, "file", content=text) for name, text in d.files.items()]
    out += directory_pages(site, site_url)
    return out


# --- the pages' anchors, for the data check -----------------------------------------------------------------

class Converter:
    """Markdown to HTML as the engine converts a page (mkdocs.yml's extensions), to read the ids it will have."""

    def __init__(self, names: list, configs: dict):
        kept = []
        for name in names:
            try:
                markdown.Markdown(extensions=[name], extension_configs={name: configs[name]} if name in configs else {})
                kept.append(name)
            except Exception:  # noqa: BLE001  an extension this environment lacks changes no heading's id
                continue
        self.md = markdown.Markdown(extensions=kept, extension_configs={n: configs[n] for n in kept if n in configs})

    def html(self, text: str) -> str:
        return self.md.reset().convert(FRONT_MATTER.sub("", text, count=1))

    def ids(self, text: str) -> set[str]:
        return set(IDS.findall(self.html(text)))


def front_matter(text: str) -> dict:
    found = FRONT_MATTER.match(text)
    try:
        meta = yaml.safe_load(found.group(1) or "") if found else {}
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def rendered_page(src: str, text: str, macros: Macros) -> str:
    """A page of docs/ as the engine gets it once its macros have run (`render_macros: true`)."""
    if not front_matter(text).get("render_macros"):
        return text
    found = FRONT_MATTER.match(text)
    head, body = (text[:found.end()], text[found.end():]) if found else ("", text)
    page = Macros(macros.site, macros.templates, macros.site_url, macros.icons, src, page_url(src))
    return head + macros.templates.from_string(body).render(**page.functions())


def pages(docs: Path, outputs_: list[Output], macros: Macros, converter: Converter,
          rendered: dict[str, str] | None = None) -> dict[str, Page]:
    """Every Markdown page of the site, those in docs/ and those of the manifest, with the anchors it has. A page
    whose macros fail here (a picture this environment has no theme for) may have ids we cannot know. Each page
    of docs/ whose macros ran is kept in `rendered`, by its path, so that the build need not run them again."""
    found: dict[str, Page] = {}
    for file in sorted(Path(docs).rglob("*.md")):
        src = file.relative_to(docs).as_posix()
        try:
            text = file.read_text(encoding="utf-8")
            page = rendered_page(src, text, macros)
            found[src] = Page(converter.ids(page))
            if rendered is not None and page is not text:
                rendered[src] = page
        except Exception:  # noqa: BLE001  the build reports the macro's error with its page
            found[src] = Page(converter.ids(file.read_text(encoding="utf-8")), complete=False)
    for output in outputs_:
        if output.kind == "page":
            try:
                found[output.path] = Page(converter.ids(render(output, macros.templates)))
            except Exception:  # noqa: BLE001  a record with a mistake of its own, reported by the check
                found[output.path] = Page(complete=False)
    return found
