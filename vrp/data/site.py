"""Load every data file once, check it all, and make it the site's model (vrp.model).

`read_all(root)` reads and checks every file, alone and against the others, and returns every problem found;
`make_site` makes the read data the model; `link_problems` checks the links in its text against our pages
(vrp.build.load runs the three: it is the whole check). Which files there are, and what is checked in each
beyond its schema, is one table: vrp.data.files.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from vrp.data import help as help_checks, links, validate
from vrp.data.files import FILES
from vrp.data.problems import Problem
from vrp.data.yamlsource import Source, read
from vrp.model import Site

SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/{}.schema.json"


def _normal_question(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def read_all(root: Path, today: dt.date) -> tuple[dict[str, Source], list[Problem]]:
    """Read and check every file; return what could be read and every problem found."""
    sources, problems = {}, []
    phone = validate.phone_rule(root)
    for name, spec in FILES.items():
        shown = spec.path
        file = root / shown
        if not file.exists():
            problems.append(Problem(shown, 1, "the file is missing", "restore it from the last version on GitHub"))
            continue
        source, found = read(file, shown)
        problems += found
        if source is None:
            continue
        sources[name] = source
        first = source.text.split("\n", 1)[0].strip()
        if first != SCHEMA_LINE.format(name):
            problems.append(Problem(shown, 1, "the first line should name the file's schema",
                                    f"make the first line exactly: {SCHEMA_LINE.format(name)}"))
        problems += validate.schema_problems(source, validate.schema(root, name))
        problems += validate.text_problems(source, validate.schema(root, name), phone)
        for keys in spec.ids:
            problems += validate.duplicate_problems(source, keys, "id", "id")
        if spec.date:
            problems += validate.date_problems(source, *spec.date, today)
    retired = validate.retired_by_id(sources.get("retired"))
    if "faq" in sources:
        problems += validate.duplicate_problems(sources["faq"], ("sections", "questions"), "question", "question",
                                                _normal_question)
    if {"resources", "vocabularies"} <= sources.keys():
        problems += validate.vocabulary_problems(sources["resources"], sources["vocabularies"])
    if "resources" in sources:
        problems += validate.reserved_id_problems(sources["resources"])
    if {"resources", "retired"} <= sources.keys():
        problems += validate.retired_problems(sources["retired"], sources["resources"])
    if {"spokes", "vocabularies"} <= sources.keys():
        problems += validate.spoke_problems(sources["spokes"], sources["vocabularies"])
    if {"spokes", "resources"} <= sources.keys():
        problems += validate.front_door_problems(sources["spokes"], sources["resources"], retired)
        problems += validate.team_problems(sources["spokes"], sources["resources"], retired)
    if "vocabularies" in sources:
        for name, records, field, kind in (("synonyms", "groups", "topics", "topics"), ("places", "places", "areas", "areas"),
                                           ("help", "situations", "topics", "topics")):
            if name in sources:
                problems += validate.known_id_problems(sources[name], records, field, sources["vocabularies"], kind)
    if {"help", "resources"} <= sources.keys():
        problems += help_checks.problems(sources["help"], sources["resources"], retired)
    if "updates" in sources:
        problems += validate.when_problems(sources["updates"])
    if "places" in sources:
        problems += validate.duplicate_problems(sources["places"], ("places",), "name", "place name", str.lower)
    if "numbers" in sources:
        problems += validate.duplicate_problems(sources["numbers"], ("numbers",), "number", "number",
                                                lambda n: re.sub(r"\D", "", n))
    # One message per value: an id that is not in the vocabularies is told "did you mean", not also its form.
    unknown = {(p.file, p.line, p.field) for p in problems if "is not a known" in p.message}
    problems = [p for p in problems if not ((p.file, p.line, p.field) in unknown and "not in the right form" in p.message)]
    return sources, problems


def make_site(sources: dict[str, Source], today: dt.date) -> Site:
    """The model of data that has been read (vrp.model): the records, and the resolver of links in their text."""
    data = {name: source.data for name, source in sources.items()}
    ids = {r["id"] for r in data["resources"]["resources"]} | {r["id"] for r in data["retired"]["retired"]}
    return Site(data, today, links.render_links(ids))


def link_problems(sources: dict[str, Source], pages: dict[str, links.Page], root: Path) -> list[Problem]:
    """Every link in the data's Markdown text against our pages and their anchors (`pages`, rendered from docs/
    and the manifest: vrp.manifest.pages). Links can only be checked once every file is read: one that could not
    be would make every link into its pages look broken, so its own problem is reported alone until fixed."""
    if sources.keys() != FILES.keys():
        return []
    checker = links.Checker(pages, validate.entries_by_id(sources["resources"]), validate.retired_by_id(sources["retired"]))
    problems = []
    for name, source in sources.items():
        problems += validate.link_problems(source, checker, validate.schema(Path(root), name),
                                           lambda path, spec=FILES[name], data=source.data: spec.page_at(path, data))
    return problems
