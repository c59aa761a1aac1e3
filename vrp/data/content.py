"""Content warnings: things that are not errors today but make the site worse over time.

Each is a Problem like a data error (file, line, record and field, and what to do), so an editor
finds it the same way; `make check` lists them, `make content-check` fails on them.
"""
from __future__ import annotations

import re
from pathlib import Path

from vrp.data.numbers import unused_numbers
from vrp.data.problems import Problem
from vrp.data.validate import all_texts, locate
from vrp.data.yamlsource import read

VAGUE = re.compile(r"\[\s*(click here|here|read more|more|this link|link|this page)\s*\]", re.I)
NO_ALT = re.compile(r"!\[\s*\]\(")
HTML_IMG_NO_ALT = re.compile(r"<img(?![^>]*\balt=\"[^\"]+\")[^>]*>", re.I)
VAGUE_FIX = 'name where the link goes, e.g. "Read the Serious Violence Duty guidance"'
NO_ALT_FIX = 'describe it in the [brackets] or alt="..."'
# Each area's readers should find at least this many services of their own. Fewer is a warning, never an
# error: taking out a service that has closed is a right edit and must not stop the site being built.
MIN_LOCAL_ENTRIES = 12


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def warnings(site, root: Path) -> list[Problem]:
    root = Path(root)
    found = []
    sources = {}
    for name in site.data:
        file = root / "data" / f"{name}.yml"
        source = read(file, f"data/{name}.yml")[0] if file.exists() else None
        if source is not None:
            sources[name] = source
    resources = sources.get("resources")
    ids = [r.get("id") for r in site.resources]
    for r in site.due_for_review():
        path = ["resources", ids.index(r["id"]), "last_reviewed"]
        record, field = locate(resources, path) if resources else (f'resource "{r["id"]}"', "last_reviewed")
        found.append(Problem("data/resources.yml", resources.line(path) if resources else 1,
                             f"last reviewed {r['last_reviewed']}, over a year ago",
                             "check the entry is still right and update last_reviewed", record, field))
    found += local_coverage_warnings(site, resources.line(["resources"]) if resources else 1)
    found += unused_numbers(root, sources)
    for name, source in sources.items():
        for path, text in all_texts(source.data, []):
            record, field = locate(source, path)
            for match in VAGUE.finditer(text):
                found.append(Problem(source.path, source.line_of(path, match.group(0)),
                                     f'link text "{match.group(1)}" says nothing on its own', VAGUE_FIX, record, field))
            image = NO_ALT.search(text) or HTML_IMG_NO_ALT.search(text)
            if image:
                found.append(Problem(source.path, source.line_of(path, image.group(0)),
                                     "an image has no alternative text", NO_ALT_FIX, record, field))
    for page in sorted((root / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        shown = page.relative_to(root).as_posix()
        for match in VAGUE.finditer(text):
            found.append(Problem(shown, _line_at(text, match.start()),
                                 f'link text "{match.group(1)}" says nothing on its own', VAGUE_FIX))
        for match in (*NO_ALT.finditer(text), *HTML_IMG_NO_ALT.finditer(text)):
            found.append(Problem(shown, _line_at(text, match.start()), "an image has no alternative text", NO_ALT_FIX))
    return found


def local_coverage_warnings(site, line: int = 1) -> list[Problem]:
    """An area with fewer than MIN_LOCAL_ENTRIES entries of its own (not those for [all])."""
    found = []
    for area in site.vocabularies["areas"]:
        count = sum(area["id"] in r["areas"] for r in site.resources)
        if count < MIN_LOCAL_ENTRIES:
            found.append(Problem("data/resources.yml", line,
                                 f"has {count} local entr{'y' if count == 1 else 'ies'}, fewer than {MIN_LOCAL_ENTRIES}",
                                 f"add services that work there, with {area['id']} in their areas and a source, so "
                                 f"readers in {area['label']} find help near them", f'area "{area["id"]}" ({area["label"]})'))
    return found
