"""Content warnings: things that are not errors today but make the site worse over time."""
from __future__ import annotations

import re
from pathlib import Path

VAGUE = re.compile(r"\[\s*(click here|here|read more|more|this link|link|this page)\s*\]", re.I)
NO_ALT = re.compile(r"!\[\s*\]\(")
HTML_IMG_NO_ALT = re.compile(r"<img(?![^>]*\balt=\"[^\"]+\")[^>]*>", re.I)
# Each area's readers should find at least this many services of their own. Fewer is a warning, never an
# error: taking out a service that has closed is a right edit and must not stop the site being built.
MIN_LOCAL_ENTRIES = 12


def _texts(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _texts(value, f"{path}[{i + 1}]")
    elif isinstance(node, str):
        yield path, node


def warnings(site, root: Path) -> list[str]:
    found = [f'data/resources.yml: resource "{r["id"]}": last reviewed {r["last_reviewed"]}, over a year ago '
             "— check the entry is still right and update last_reviewed" for r in site.due_for_review()]
    found += local_coverage_warnings(site)
    sources = [(f"data/{name}.yml", data) for name, data in site.data.items()]
    for file, data in sources:
        for field, text in _texts(data):
            found += _text_warnings(f"{file}: {field}", text)
    for page in sorted((root / "docs").rglob("*.md")):
        found += _text_warnings(str(page.relative_to(root)), page.read_text(encoding="utf-8"))
    return found


def local_coverage_warnings(site) -> list[str]:
    """An area with fewer than MIN_LOCAL_ENTRIES entries of its own (not those for [all])."""
    found = []
    for area in site.vocabularies["areas"]:
        count = sum(area["id"] in r["areas"] for r in site.resources)
        if count < MIN_LOCAL_ENTRIES:
            found.append(f'data/resources.yml: area "{area["id"]}" ({area["label"]}) has {count} local '
                         f"entr{'y' if count == 1 else 'ies'}, fewer than {MIN_LOCAL_ENTRIES} — add services "
                         f'that work there, with {area["id"]} in their areas and a source, so readers in '
                         f"{area['label']} find help near them")
    return found


def _text_warnings(where: str, text: str) -> list[str]:
    found = []
    for match in VAGUE.finditer(text):
        found.append(f'{where}: link text "{match.group(1)}" says nothing on its own — name where the link goes, '
                     'e.g. "Read the Serious Violence Duty guidance"')
    if NO_ALT.search(text) or HTML_IMG_NO_ALT.search(text):
        found.append(f"{where}: an image has no alternative text — describe it in the [brackets] or alt=\"...\"")
    return found
