"""`make content-report`: every phone number and email address on the site, with the page it was
checked on, so that a reviewer can check each one again. A report, never a gate: it exits 0 whenever
the data can be read.

Where each comes from, and the page it was checked on:

- a directory entry's `phone` and `email`: its `source` (the page its facts come from), and its own
  `url` when that is another page;
- a help line's `number` and `text` (a line that names a directory entry is that entry's row): the
  line's `url`;
- an area's published `contact.email`: the local team's page, `contact.url`;
- a number or address written in any text (a description, an answer, an update): the source of the
  record it is in.

Usage: python -m vrp.tools.content_report [--root DIR] [--output FILE]  (Markdown; to stdout by default)
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from vrp.data.files import RECORD_NAMES
from vrp.data.problems import DataError
from vrp.build import load
from vrp.data.validate import all_texts, locate
from vrp.data.yamlsource import Source, read

# A UK number as people write it in text: 0 and 7 to 10 more digits, single spaces allowed between.
NUMBER = re.compile(r"(?<![\d/.:-])0\d(?: ?\d){6,9}(?![\d/-])")  # not the tel: form of a link
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
FILES = ("resources", "help", "spokes", "updates", "faq", "north-somerset-strategy")
FIELDS = {"phone", "email", "number", "text", "url"}  # read as fields, not searched as text


@dataclass(frozen=True, order=True)
class Row:
    value: str  # the number or address, as written
    where: str  # file:line and record
    checked_on: str  # the page it was checked on
    also: str = ""  # the record's own page, when that is another


def _record(source: Source, path: list) -> tuple[list, dict]:
    """The path and value of the record (a resource, a spoke, a help line...) that holds `path`."""
    node, found, at = source.data, ([], source.data), []
    for key in path:
        if isinstance(node, (dict, list)):
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                break
            at = at + [key]
            if isinstance(key, int) and len(at) > 1 and at[-2] in {*RECORD_NAMES, "lines"} and isinstance(node, dict):
                found = (at, node)
    return found


def _where(source: Source, path: list) -> str:
    record, field = locate(source, path)
    return f"{source.path}:{source.line(path)}" + (f" {record}" if record else "") + (f', "{field}"' if field else "")


def _pages(record: dict) -> tuple[str, str]:
    """The page a record's facts were checked on, and its own page if that is another."""
    cited = record.get("source")
    cited = cited.get("url", "") if isinstance(cited, dict) else ""
    if not cited:
        listed = record.get("sources") or record.get("contact", {}) and [record["contact"]]
        cited = next((s.get("url", "") for s in listed or [] if isinstance(s, dict) and s.get("url")), "")
    own = record.get("url", "") if isinstance(record.get("url"), str) else ""
    if not cited:
        return own or "(no page given)", ""
    return cited, own if own and own != cited else ""


def rows(root: Path) -> list[Row]:
    load(root)  # the report is of valid data only: a DataError says what to fix first
    found: list[Row] = []
    for name in FILES:
        source, _ = read(root / "data" / f"{name}.yml", f"data/{name}.yml")
        if source is None:
            continue
        for path, text in all_texts(source.data, []):
            key = path[-1] if path else ""
            record_path, record = _record(source, path)
            if name == "spokes" and path[-2:] == ["contact", "email"]:
                contact = record.get("contact", {})
                found.append(Row(text, _where(source, path), contact.get("url") or _pages(record)[0]))
            elif key in ("phone", "email") or (name == "help" and key in ("number", "text")):
                checked, also = _pages(record)
                found.append(Row(text, _where(source, path), checked, also))
            elif key not in FIELDS:
                for match in (*NUMBER.finditer(text), *EMAIL.finditer(text)):
                    checked, also = _pages(record)
                    found.append(Row(match.group(0), _where(source, path) + " (in the text)", checked, also))
    return sorted(found, key=lambda r: (re.sub(r"\D", "", r.value) or r.value.lower(), r.where))


def markdown(found: list[Row]) -> str:
    numbers = [r for r in found if "@" not in r.value]
    emails = [r for r in found if "@" in r.value]
    lines = ["# Phone numbers and email addresses on the site", "",
             f"{len(numbers)} phone numbers and {len(emails)} email addresses, each with the page it was checked on. "
             "Open the page, find the number or address there, and if it has changed, correct the data and "
             "its `last_reviewed`.", ""]
    for title, group in (("Phone numbers", numbers), ("Email addresses", emails)):
        lines += [f"## {title}", "", "| number or address | where it is written | checked on | its own page |",
                  "|---|---|---|---|"]
        lines += [f"| {r.value} | {r.where} | {r.checked_on} | {r.also} |" for r in group]
        lines.append("")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--output", type=Path, help="write the Markdown report here instead of to the screen")
    args = parser.parse_args(argv)
    try:
        text = markdown(rows(args.root))
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
