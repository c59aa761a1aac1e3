"""Content warnings: things that are not errors today but make the site worse over time."""
from __future__ import annotations

import re
from pathlib import Path

VAGUE = re.compile(r"\[\s*(click here|here|read more|more|this link|link|this page)\s*\]", re.I)
NO_ALT = re.compile(r"!\[\s*\]\(")
HTML_IMG_NO_ALT = re.compile(r"<img(?![^>]*\balt=\"[^\"]+\")[^>]*>", re.I)


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
    sources = [(f"data/{name}.yml", data) for name, data in site.data.items()]
    for file, data in sources:
        for field, text in _texts(data):
            found += _text_warnings(f"{file}: {field}", text)
    for page in sorted((root / "docs").rglob("*.md")):
        found += _text_warnings(str(page.relative_to(root)), page.read_text(encoding="utf-8"))
    return found


def _text_warnings(where: str, text: str) -> list[str]:
    found = []
    for match in VAGUE.finditer(text):
        found.append(f'{where}: link text "{match.group(1)}" says nothing on its own — name where the link goes, '
                     'e.g. "Read the Serious Violence Duty guidance"')
    if NO_ALT.search(text) or HTML_IMG_NO_ALT.search(text):
        found.append(f"{where}: an image has no alternative text — describe it in the [brackets] or alt=\"...\"")
    return found
