"""The phone and text numbers the site shows, against the list a reviewer has checked (data/numbers.yml).

A wrong number can hurt someone, so every number is checked by a person on the organisation's own
website. A correct edit still passes: a number that is not on the list is named as new, "to be
confirmed by a reviewer", by `make check` and in the pull request's job summary, and the data check
stays green. The list is marked for review in .github/CODEOWNERS, so a number reaches it only
through a reviewer. Which numbers may be shown at all is the schemas' phone pattern (vrp.data.validate).
"""
from __future__ import annotations

from pathlib import Path

from vrp.data.problems import Problem
from vrp.data.validate import NUMBER_IN_TEXT, _records, all_texts, locate
from vrp.data.yamlsource import Source, read

LIST = "data/numbers.yml"
NEW = "is new, to be confirmed by a reviewer"
NEW_FIX = ("nothing for you to do: before the change is merged, a reviewer checks the number on the "
           "organisation's own website and adds it to data/numbers.yml with that page")


def digits(number: str) -> str:
    return "".join(c for c in str(number) if c.isdigit())


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def shown(sources: dict[str, Source], root: Path) -> list[tuple[str, Problem]]:
    """Every number the site shows, with where it is written: (number, a Problem naming the place)."""
    found = []

    def at(source, path, number, line=None):
        record, field = locate(source, path)
        found.append((number, Problem(source.path, line or source.line(path), "", "", record, field)))

    if "resources" in sources:
        for path, record in _records(sources["resources"], "resources"):
            if isinstance(record.get("phone"), str):
                at(sources["resources"], path + ["phone"], record["phone"])
    if "help" in sources:
        for path, line in _records(sources["help"], "situations", "lines"):
            for field in ("number", "text"):
                if isinstance(line.get(field), str):
                    at(sources["help"], path + [field], line[field])
    for source in sources.values():
        if source.path == LIST:
            continue
        for path, text in all_texts(source.data, []):
            for number in NUMBER_IN_TEXT.findall(text):
                at(source, path, number, source.line_of(path, number))
    for page in sorted((Path(root) / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in NUMBER_IN_TEXT.finditer(text):
            found.append((match.group(0), Problem(page.relative_to(root).as_posix(), _line(text, match.start()), "", "")))
    return found


def checked(source: Source | None) -> set[str]:
    """The numbers of data/numbers.yml, as digits."""
    records = source.data.get("numbers") if source is not None and isinstance(source.data, dict) else None
    return {digits(r.get("number")) for r in records or [] if isinstance(r, dict)}


def read_sources(root: Path) -> dict[str, Source]:
    sources = {}
    for file in sorted((Path(root) / "data").glob("*.yml")):
        source = read(file, f"data/{file.name}")[0]
        if source is not None:
            sources[file.stem] = source
    return sources


def new_numbers(root: Path, sources: dict[str, Source] | None = None) -> list[Problem]:
    """Each number the site shows that is not in data/numbers.yml, once, where it is first written."""
    sources = read_sources(root) if sources is None else sources
    known, said, new = checked(sources.get("numbers")), set(), []
    for number, where in shown(sources, root):
        key = digits(number)
        if key not in known and key not in said:
            said.add(key)
            new.append(Problem(where.file, where.line, f'"{number}" {NEW}', NEW_FIX, where.record, where.field))
    return new


def unused_numbers(root: Path, sources: dict[str, Source] | None = None) -> list[Problem]:
    """Numbers of data/numbers.yml the site no longer shows: a content warning, so the list stays true."""
    sources = read_sources(root) if sources is None else sources
    source = sources.get("numbers")
    if source is None:
        return []
    used = {digits(number) for number, _ in shown(sources, root)}
    found = []
    for path, record in _records(source, "numbers"):
        if isinstance(record.get("number"), str) and digits(record["number"]) not in used:
            label, field = locate(source, path + ["number"])
            found.append(Problem(source.path, source.line(path + ["number"]), "is not shown anywhere on the site any more",
                                 "remove it from this list (three lines: number, name and checked_on)", label, field))
    return found
