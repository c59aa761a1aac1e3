"""Write the field reference in CONTRIBUTING.md from schemas/, so the guide cannot drift from the data.

`python -m vrp.contributing` rewrites the part between the markers; `--check` fails if it is out of date
(a test runs that, so a schema change without the guide fails CI).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

START, END = "<!-- fields:start -->", "<!-- fields:end -->"
ORDER = ["resources", "vocabularies", "synonyms", "places", "faq", "updates", "spokes", "help", "north-somerset-strategy"]


def _rules(spec: dict) -> str:
    rules = []
    if spec.get("type") == "array":
        rules.append("a list")
        items = spec.get("items", {})
        if items.get("pattern") and items.get("patternErrorMessage"):
            rules.append("each: " + items["patternErrorMessage"])
    if "patternErrorMessage" in spec:
        rules.append(spec["patternErrorMessage"])
    if "maxLength" in spec:
        rules.append(f"at most {spec['maxLength']} characters")
    if "enum" in spec:
        rules.append("one of " + ", ".join(f"`{v}`" for v in spec["enum"]))
    if spec.get("type") in ("integer", "number"):
        rules.append("a number")
    return "; ".join(rules)


def _rows(props: dict, required: list, defs: dict, prefix: str = ""):
    for name, spec in props.items():
        spec = defs.get(spec.get("$ref", "").split("/")[-1], spec) if "$ref" in spec else spec
        label = f"`{prefix}{name}`"
        desc = spec.get("description", "")
        yield f"| {label} | {'yes' if name in required else 'no'} | {desc} | {_rules(spec)} |"
        items = spec.get("items", {})
        items = defs.get(items.get("$ref", "").split("/")[-1], items) if "$ref" in items else items
        if spec.get("type") == "object" and "properties" in spec:
            yield from _rows(spec["properties"], spec.get("required", []), defs, f"{prefix}{name}.")
        elif items.get("type") == "object" and "properties" in items:
            yield from _rows(items["properties"], items.get("required", []), defs, f"{prefix}{name}[].")


def reference(root: Path) -> str:
    parts = []
    for name in ORDER:
        schema = json.loads((root / "schemas" / f"{name}.schema.json").read_text())
        parts += [f"### `data/{name}.yml`", "", schema["description"].split(": ", 1)[-1].capitalize(), "",
                  "| field | required | what it means | rules |", "|---|---|---|---|",
                  *_rows(schema["properties"], schema.get("required", []), schema.get("$defs", {})), ""]
    return "\n".join(parts)


def updated(text: str, root: Path) -> str:
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n\n{reference(root)}\n{END}{tail}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if CONTRIBUTING.md is out of date")
    args = parser.parse_args(argv)
    root = Path.cwd()
    guide = root / "CONTRIBUTING.md"
    text = guide.read_text(encoding="utf-8")
    new = updated(text, root)
    if args.check:
        if new != text:
            print("CONTRIBUTING.md's field reference is out of date: run `make contributing`.", file=sys.stderr)
            return 1
        return 0
    guide.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
