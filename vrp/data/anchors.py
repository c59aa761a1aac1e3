"""The anchors (#ids) of every page, known before the build, so that the data check can say at
once, with the file and line, that a link such as `faq.md#no-such-question` in data/ is broken.

- Hand-written pages in docs/ are run through Python-Markdown with the extensions mkdocs.yml
  names, as the build does: headings get the same ids (toc's slugify) and `{ #id }` ids count.
- Pages made from data (spokes/<id>.md, updates/<id>.md) are made from their templates in
  overrides/generated/ with the record, then read the same way.
- Macros in a page add the ids their data gives (FAQ sections and questions, directory entries).
  A page that calls any other macro may have ids we cannot know: links to it are checked only as
  far as we know, and the strict build checks the rest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import yaml
from jinja2 import meta

from vrp.pages.render import environment

# data file -> (list key, page of each record, template, the template's name for the record)
GENERATED = {"spokes": ("spokes", "spokes/{id}.md", "generated/spoke.md", "spoke"),
             "updates": ("items", "updates/{id}.md", "generated/update.md", "item")}
# the hand-written page each data file's text belongs to (vrp.data.links never suggests it for a mistyped page)
SHOWN_ON = {"faq": "faq.md", "resources": "resources.md", "help": "help.md",
            "north-somerset-strategy": "strategies/north-somerset-2021-22.md"}
IDS = re.compile(r"""\sid=["']([^"']+)["']""")
NO_ANCHORS = ("picture", "latest_updates", "spoke_cards", "front_doors", "directory_links", "ns_totals_table",
              "ns_beat_table", "ns_beat_chart", "open_data_files", "open_data_mapping", "open_data_ids")
MACRO = re.compile(r"\{\{-?\s*(\w+)\s*\(")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


@dataclass
class Page:
    anchors: set[str] = field(default_factory=set)
    complete: bool = True  # False: the page may have ids we cannot know before the build

    def has(self, anchor: str) -> bool | None:
        """True or False, or None when the page may have ids we cannot know."""
        return True if anchor in self.anchors else (False if self.complete else None)


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!ENV` tags are not plain YAML."""


_Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)


def markdown_extensions(root: Path) -> tuple[list, dict]:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant) or {}
    names, configs = [], {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if options:
            configs[name] = options
    if "toc" not in names:
        names.append("toc")
    return names, configs


def _macro_ids(sources) -> dict:
    """The ids a macro puts in a page, from the data it shows."""
    def data(name):
        source = sources.get(name)
        return source.data if source is not None and isinstance(source.data, dict) else {}

    def faq():
        ids = set()
        for section in data("faq").get("sections") or []:
            if isinstance(section, dict):
                ids.add(str(section.get("id")))
                ids |= {str(q.get("id")) for q in section.get("questions") or [] if isinstance(q, dict)}
        return ids

    def directory():
        # an entry's card on the directory page is linked as resources.md#<id>, which vrp.data.links
        # sends to the entry's own page: the page itself adds no anchor a data link may use
        return set()

    def help_page():
        from vrp.pages import get_help  # here: get_help reads the checks, which read this module
        situations = [s for s in data("help").get("situations") or [] if isinstance(s, dict)]
        ids = {str(s.get("id")) for s in situations} | {get_help.LOCAL_ID, get_help.EVERY_AREA_ID}
        ids |= {f"local-{a.get('id')}" for a in data("vocabularies").get("areas") or [] if isinstance(a, dict)}
        if all(isinstance(s.get("lines"), list) and all(isinstance(l, dict) for l in s["lines"]) for s in situations):
            ids |= {i for line_ids in get_help._line_ids(situations) for i in line_ids}
        return ids

    def update_list():
        years = {str(i.get("date"))[:4] for i in data("updates").get("items") or [] if isinstance(i, dict)}
        return _html_ids("\n\n".join(f"## {year}" for year in sorted(years)), (["toc"], {}))

    def action_plan():
        ids = set()
        for programme in data("north-somerset-strategy").get("programmes") or []:
            if isinstance(programme, dict):
                ids.add(f"programme-{programme.get('id')}")
                ids |= {f"action-{str(a.get('id')).replace('.', '-')}" for a in programme.get("actions") or []
                        if isinstance(a, dict)}
        return ids

    ids = {"faq_sections": faq, "directory": directory, "ns_action_plan": action_plan, "help_page": help_page,
           "update_list": update_list, "help_block": lambda: {"get-help-now"}}
    # macros whose output has no anchor a link from data/ may use (table captions at most)
    ids.update({name: set for name in NO_ANCHORS})
    return ids


def _html_ids(text: str, extensions) -> set[str]:
    names, configs = extensions
    html = markdown.markdown(FRONT_MATTER.sub("", text), extensions=names, extension_configs=configs)
    return set(IDS.findall(html))


def _loadable(extensions) -> tuple[list, dict]:
    """The extensions that can be loaded here: one this environment lacks changes no heading's id."""
    names, configs = extensions
    kept = []
    for name in names:
        try:
            markdown.Markdown(extensions=[name], extension_configs={name: configs[name]} if name in configs else {})
            kept.append(name)
        except Exception:  # noqa: BLE001  (ImportError, or an extension that needs MkDocs)
            continue
    return kept, {name: configs[name] for name in kept if name in configs}


def pages(root: Path, sources: dict) -> dict[str, Page]:
    """Every page of the site by its Markdown path, with the anchors it will have."""
    root = Path(root)
    found: dict[str, Page] = {}
    try:
        extensions = _loadable(markdown_extensions(root))
    except (OSError, yaml.YAMLError):
        extensions = (["toc", "attr_list"], {})
    macros = _macro_ids(sources)
    docs = root / "docs"
    for file in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        text = file.read_text(encoding="utf-8")
        page = Page(_html_ids(text, extensions))
        for name in MACRO.findall(text):
            if name in macros:
                page.anchors |= macros[name]()
            else:
                page.complete = False
        found[file.relative_to(docs).as_posix()] = page
    templates = environment(root / "overrides")
    for name, (key, address, template_name, variable) in GENERATED.items():
        source = sources.get(name)
        records = source.data.get(key) if source is not None and isinstance(source.data, dict) else None
        try:
            template = templates.get_template(template_name)
            others = meta.find_undeclared_variables(templates.parse(template_source(templates, template_name)))
        except Exception:  # noqa: BLE001  no such template here: its pages' anchors are unknown
            template, others = None, set()
        for record in records or []:
            if isinstance(record, dict) and "id" in record:
                found[address.format(id=record["id"])] = _generated(template, others, variable, record, extensions)
    return found


def template_source(templates, name: str) -> str:
    return templates.loader.get_source(templates, name)[0]


class _Empty(list):
    """Nothing, whether the template reads it as a list or as a mapping."""

    def get(self, key, default=None):
        return default


def _generated(template, others: set, variable: str, record: dict, extensions) -> Page:
    if template is None:
        return Page(complete=False)
    context = {name: _Empty() for name in others}  # what the page shows beside the record: no headings of its own
    context[variable] = record
    try:
        return Page(_html_ids(template.render(**context), extensions))
    except Exception:  # noqa: BLE001  a record the template cannot show without the build: check nothing
        return Page(complete=False)


def page_of(name: str, path: list, data) -> str | None:
    """The page on which the value at `path` of data file `name` appears."""
    if name in GENERATED:
        key, address = GENERATED[name][:2]
        if len(path) > 1 and path[0] == key and isinstance(data, dict):
            records = data.get(key) or []
            if isinstance(path[1], int) and path[1] < len(records) and isinstance(records[path[1]], dict):
                return address.format(id=records[path[1]].get("id"))
        return None
    return SHOWN_ON.get(name)
