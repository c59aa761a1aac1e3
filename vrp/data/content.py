"""Content warnings: things that are not errors today but make the site worse over time (reviews due,
vague link text, images without alternative text, areas short of local services, checked numbers no
longer shown) or may be a mistake between two records (an area's contact and its team's entry that
differ, an entry that repeats another under a new id).

Each is a Problem like a data error (file, line, record and field, and what to do), so an editor
finds it the same way; `make check` lists them, `make content-check` fails on them.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

from vrp.data.numbers import unused_numbers
from vrp.data.problems import Problem
from vrp.data.validate import _records, all_texts, locate
from vrp.data.yamlsource import read
from vrp.search.words import name_key

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
    ids = [e.id for e in site.entries]
    for e in site.due_for_review():
        path = ["resources", ids.index(e.id), "last_reviewed"]
        record, field = locate(resources, path) if resources else (f'resource "{e.id}"', "last_reviewed")
        found.append(Problem("data/resources.yml", resources.line(path) if resources else 1,
                             f"last reviewed {e.last_reviewed.isoformat()}, over a year ago",
                             "check the entry is still right and update last_reviewed", record, field))
    found += local_coverage_warnings(site, resources.line(["resources"]) if resources else 1)
    found += unused_numbers(root, sources)
    if resources is not None:
        found += duplicate_entry_warnings(resources)
        if "spokes" in sources:
            found += team_contact_warnings(sources["spokes"], resources)
    for source in sources.values():
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


def duplicate_entry_warnings(resources) -> list[Problem]:
    """A new entry that repeats one already listed under another id: nearly the same title, or the same
    phone number and organisation. A warning, since two services can share a switchboard."""
    found, titles, phones = [], {}, {}
    for path, record in _records(resources, "resources"):
        title, phone, org = record.get("title"), record.get("phone"), record.get("organisation")
        if not isinstance(title, str):
            continue
        key = name_key(title)
        bucket = titles.setdefault(key[:3], [])  # compare only with titles that start alike: fast at 10,000
        near = next((other for other in bucket if other[0] == key
                     or (len(key) >= 8 and difflib.SequenceMatcher(None, key, other[0]).ratio() >= 0.95)), None)
        label, field = locate(resources, path + ["title"])
        if near:
            found.append(Problem(resources.path, resources.line(path + ["title"]),
                                 f'has nearly the same title as "{near[1]}" (line {near[2]})',
                                 "if both are the same service, keep one entry (to take one out, see CONTRIBUTING.md); "
                                 "if they are different services, make their titles say how", label, field))
        bucket.append((key, title, resources.line(path + ["title"])))
        if isinstance(phone, str) and isinstance(org, str):
            same = (re.sub(r"\D", "", phone), name_key(org))
            if same in phones and not near:
                found.append(Problem(resources.path, resources.line(path + ["phone"]),
                                     f'has the same phone number and organisation as "{phones[same][0]}" (line {phones[same][1]})',
                                     "if both are the same service, keep one entry (to take one out, see CONTRIBUTING.md); "
                                     "if not, check the number on the organisation's own website", *locate(resources, path + ["phone"])))
            phones.setdefault(same, (title, resources.line(path + ["title"])))
    return found


def team_contact_warnings(spokes, resources) -> list[Problem]:
    """An area's contact and its team's own directory entry (`team_entry:`) should give the same email and web
    address: a change made in one place and not the other leaves the old one on the site."""
    entries, lines = {}, {}
    for path, record in _records(resources, "resources"):
        entries.setdefault(record.get("id"), record)
        lines.setdefault(record.get("id"), path)
    found = []
    for path, spoke in _records(spokes, "spokes"):
        entry, contact = entries.get(spoke.get("team_entry")), spoke.get("contact")
        if entry is None or not isinstance(contact, dict):
            continue
        for field, words in (("email", "email"), ("url", "web address")):
            ours, theirs = contact.get(field), entry.get(field)
            if ours is None or str(ours).strip().lower().rstrip("/") == str(theirs).strip().lower().rstrip("/"):
                continue
            at = path + ["contact", field]
            label, where = locate(spokes, at)
            entry_line = resources.line(lines[spoke["team_entry"]] + [field])
            found.append(Problem(spokes.path, spokes.line(at),
                                 f'differs from the {words} on the team\'s own directory entry, "{spoke["team_entry"]}": '
                                 f'{theirs or "none"} (data/resources.yml, line {entry_line})',
                                 f"if the {words} has changed, change it in both places: here and in data/resources.yml "
                                 f"at line {entry_line}", label, where))
    return found


def local_coverage_warnings(site, line: int = 1) -> list[Problem]:
    """An area with fewer than MIN_LOCAL_ENTRIES entries of its own (not those for [all])."""
    found = []
    for area in site.areas:
        count = sum(area.id in e.areas for e in site.entries)
        if count < MIN_LOCAL_ENTRIES:
            found.append(Problem("data/resources.yml", line,
                                 f"has {count} local entr{'y' if count == 1 else 'ies'}, fewer than {MIN_LOCAL_ENTRIES}",
                                 f"add services that work there, with {area.id} in their areas and a source, so "
                                 f"readers in {area.label} find help near them", f'area "{area.id}" ({area.label})'))
    return found
