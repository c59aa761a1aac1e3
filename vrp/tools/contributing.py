"""The editors' field reference, CONTRIBUTING-fields.md, written from schemas/ so the guide cannot
drift from the data; and the copy-and-change templates of CONTRIBUTING.md, read back so a test can
apply each one exactly as an editor would.

`python -m vrp.tools.contributing` rewrites the reference; `--check` fails if it is out of date (a test and
the pre-commit hook run that, so a schema change without the guide fails CI).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from vrp.data.files import RECORD_NAMES

REFERENCE = "CONTRIBUTING-fields.md"
ORDER = ["resources", "retired", "vocabularies", "synonyms", "places", "faq", "updates", "spokes", "help", "numbers",
         "north-somerset-strategy"]
MARKDOWN = "text/markdown"
# In CONTRIBUTING.md, a template is a ```yaml block right after a comment naming where it goes:
# <!-- template: data/faq.yml sections[].questions -->  ([] = the list inside any one record)
TEMPLATE = re.compile(r"<!--\s*template:\s*(\S+)\s+(\S+)\s*-->\s*\n(?:[^\n]*\n){0,3}?```yaml\n(.*?)```", re.S)


@dataclass
class Template:
    file: str  # e.g. data/faq.yml
    where: str  # e.g. sections[].questions
    text: str  # the YAML an editor copies


def templates(guide: str) -> list[Template]:
    return [Template(file, where, text) for file, where, text in TEMPLATE.findall(guide)]


def _resolve(spec: dict, defs: dict) -> dict:
    if "$ref" in spec:
        return {**defs.get(spec["$ref"].split("/")[-1], {}), **{k: v for k, v in spec.items() if k != "$ref"}}
    return spec


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!", ")")) else text + "."


def _record_name(key: str) -> str:
    return RECORD_NAMES.get(key) or (key[:-1] if key.endswith("s") else key)


def _what(spec: dict, defs: dict, below: str) -> str:
    """The rules of one field, in words."""
    kind, parts = spec.get("type"), []
    if kind == "string":
        if spec.get("contentMediaType") == MARKDOWN:
            parts.append("**Markdown**: paragraphs, lists, `**bold**` and links written as `[words](https://...)`.")
        elif not spec.get("pattern", "").startswith("^") and "enum" not in spec:
            parts.append("Plain text: no links or HTML.")
        if "patternErrorMessage" in spec:
            parts.append(_sentence(spec["patternErrorMessage"]))
        if "maxLength" in spec:
            parts.append(f"At most {spec['maxLength']} characters.")
    elif kind in ("integer", "number"):
        parts.append("A whole number, without commas." if kind == "integer" else "A number.")
    elif kind == "boolean":
        parts.append("`true` or `false`.")
    elif kind == "array":
        items = _resolve(spec.get("items", {}), defs)
        if items.get("type") == "object":
            parts.append(f"A list of entries, each as described {below}.")
        else:
            parts.append("A list, written as `[first, second]` or one `- item` per line.")
            if items.get("patternErrorMessage"):
                parts.append("Each: " + items["patternErrorMessage"] + ".")
            elif items.get("type") == "string" and "enum" not in items:
                parts.append("Each is plain text.")
        if spec.get("minItems"):
            parts.append(f"At least {spec['minItems']}.")
    elif kind == "object":
        parts.append(f"A group of fields, described {below}.")
    if "enum" in spec:
        parts.append("One of: " + ", ".join(f"`{v}`" for v in spec["enum"]) + ".")
    return " ".join(parts)


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _tables(props: dict, required: list, defs: dict, title: str, owner: str):
    """A table for one kind of record, then one for each kind of record or group inside it.
    `owner` names whose fields these are, as in "a spoke's" or "the file's"."""
    rows, inner = [], []
    for name, spec in props.items():
        spec = _resolve(spec, defs)
        items = _resolve(spec.get("items", {}), defs)
        if spec.get("type") == "object" and "properties" in spec:
            heading = f"{owner[0].upper() + owner[1:]} `{name}`"
            inner.append((spec, heading, f"{owner} `{name}`:"))
        elif spec.get("type") == "array" and items.get("type") == "object" and "properties" in items:
            record = _record_name(name)
            heading = f"Each {record} (in {owner} `{name}:` list)"
            inner.append((items, heading, f"{_a(record)}'s"))
        else:
            heading = ""
        below = f"under “{heading}” below" if heading else "below"
        text = " ".join(part for part in (_sentence(spec.get("description", "")), _what(spec, defs, below)) if part)
        rows.append(f"| `{name}` | {'yes' if name in required else 'no'} | {text} |")
    yield from [f"### {title}", "", "| field | needed? | what to write |", "|---|---|---|", *rows, ""]
    for spec, heading, inner_place in inner:
        yield from _tables(spec["properties"], spec.get("required", []), defs, heading, inner_place)


def reference(root: Path) -> str:
    lines = ["# What each field means", "",
             "A reference for [the editors' guide](CONTRIBUTING.md). It is made from the schemas in `schemas/` by "
             "`make contributing`, so it always says what the checks expect: do not edit it by hand.", "",
             "**Plain text** fields show exactly what you type: a link or an HTML tag in one is reported as a mistake. "
             "**Markdown** fields may have paragraphs, lists, `**bold**` and links written as "
             "`[words that say where the link goes](https://...)`.", "",
             "The files: " + " · ".join(f"[`data/{name}.yml`](#data{name.replace('-', '')}yml)" for name in ORDER), ""]
    for name in ORDER:
        schema = json.loads((root / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        defs = schema.get("$defs", schema.get("definitions", {}))
        lines += [f"## `data/{name}.yml`", "", _sentence(schema["description"].split(": ", 1)[-1]), ""]
        lines += _tables(schema["properties"], schema.get("required", []), defs, "The file's own fields", "the file's")
    return "\n".join(lines).rstrip() + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help=f"fail if {REFERENCE} is out of date")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    target = args.root / REFERENCE
    new = reference(args.root)
    if args.check:
        if not target.exists() or target.read_text(encoding="utf-8") != new:
            print(f"{REFERENCE} is out of date with schemas/: run `make contributing`.", file=sys.stderr)
            return 1
        return 0
    target.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
