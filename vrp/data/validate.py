"""Check every data file against its JSON Schema and against the other files.

Every problem is collected with its file, line, record and field, and a fix an editor can act on;
the caller fails once with all of them. The schemas in schemas/ are the single model of the data.
"""
from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from functools import cache
from pathlib import Path

from jsonschema.protocols import Validator
from jsonschema.validators import validator_for

from vrp.data.files import RECORD_NAMES
from vrp.data.problems import Problem
from vrp.data.yamlsource import Source, as_date
from vrp.model import LIST_FOLDERS
from vrp.render import long_date, markdown_html
from vrp.search.words import words as search_words

KIND = {"string": "text", "array": "a list", "object": "a group of fields", "integer": "a whole number",
        "number": "a number", "boolean": "true or false"}
MAX_TITLE = 80
LINK = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)")  # the target of a Markdown link
REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]*)", re.M)  # `[name]: target`, for a [link][name]
MARKDOWN_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)")
IMAGE = re.compile(r"!\[[^\]\n]*\]\(")
HTML_TAG = re.compile(r"<!--|</?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?>")  # <b>, <br/>, <img/src=x onerror=...>
ATX_HEADING = re.compile(r"^ {0,3}#{1,2}(?:[ \t].*)?$", re.M)  # `# TODO: ask Sam`, `## Title`
SETEXT_HEADING = re.compile(r"^ {0,3}(\S.*)\n {0,3}(=+|-+)[ \t]*$", re.M)  # a line of text, then === or --- under it
CURLY = "“”‘’„‚"
NUMBER_IN_TEXT = re.compile(r"(?<![\w.])0(?:[ -]?[0-9]){7,10}(?![\w])")  # a UK number in the words of a text
HTML_FIX = ("remove it: in this field write **bold** for bold, leave a blank line between paragraphs, and write "
            "[words](https://...) for a link")
MARKDOWN = "text/markdown"  # the schemas' contentMediaType for a field whose text is Markdown


@cache
def schema(root: Path, name: str) -> Validator:
    """The validator for a data file, of the JSON Schema draft its schema names."""
    spec = json.loads((root / "schemas" / f"{name}.schema.json").read_text())
    return validator_for(spec)(spec)


def closest(word, choices, labels: dict | None = None) -> str:
    """'did you mean "x"?' for a likely typo (or a word of a label: "bath" -> "banes"), else the allowed values."""
    choices = [str(c) for c in choices]
    match = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    words = search_words(str(word))
    by_label = [c for c, label in (labels or {}).items() if words and all(w in label.lower() for w in words)]
    if match or len(by_label) == 1:
        return f'did you mean "{(match or by_label)[0]}"?'
    return "use one of: " + ", ".join(choices)


def _describe(value) -> str:
    if isinstance(value, str):
        return "text"
    return KIND.get({list: "array", dict: "object", bool: "boolean", int: "integer", float: "number"}.get(type(value), ""),
                    "empty" if value is None else type(value).__name__)


def locate(source: Source, path) -> tuple[str, str]:
    """The record label ('resource "childline"') and field ('contact.email') for a value's path."""
    path = list(path)
    record, start = "", 0
    node = source.data
    for i, key in enumerate(path):
        if isinstance(key, int) and i > 0 and isinstance(path[i - 1], str) and path[i - 1] in RECORD_NAMES:
            item = node[key] if isinstance(node, list) and key < len(node) else None
            if isinstance(item, dict):  # a list of records, not of plain values such as `areas: [banes]`
                name = RECORD_NAMES[path[i - 1]]
                ident = item.get("id") or item.get("name")
                key_name = "id" if item.get("id") else "name"
                ident = source.written(path[:i + 1] + [key_name]) or ident
                record = f'{name} "{ident}"' if isinstance(ident, (str, int)) else f"{name} number {key + 1}"
                start = i + 1
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            node = None
    field = ""
    for key in path[start:]:
        field += f"[{key + 1}]" if isinstance(key, int) else (f".{key}" if field else str(key))
    return record, field


def _field_name(path) -> str:
    named = [key for key in path if isinstance(key, str)]
    return named[-1] if named else "value"


def _read_as(written: str, value) -> str:
    if isinstance(value, bool):
        return f"{written} is read by YAML as a yes-or-no value ({'true' if value else 'false'}), not as text"
    if isinstance(value, (int, float)) and written.lstrip("+-").startswith("0") and written.strip("+-0") != "":
        return f"{written} is read by YAML as the number {value}, not as text (a leading zero makes it a number)"
    return f"{written} is read by YAML as a number, not as text"


def _in_quotes(path, written: str) -> str:
    return f'put the value in quotes: {_field_name(path)}: "{written}"'


def _subschema_hint(error) -> str:
    hint = error.schema.get("description", "") if isinstance(error.schema, dict) else ""
    return hint[0].lower() + hint[1:] if hint else ""


def schema_problems(source: Source, validator: Validator) -> list[Problem]:
    problems = []
    for error in validator.iter_errors(source.data):
        path = list(error.absolute_path)
        kind, value = error.validator, error.instance
        if kind == "required":
            missing = next((m for m in error.validator_value if not (isinstance(value, dict) and m in value)), "")
            record, field = locate(source, path + [missing])
            desc = error.schema["properties"].get(missing, {}).get("description", "")
            problems.append(Problem(source.path, source.line(path), "is missing",
                                    f"add it{': ' + desc if desc else ''}", record, field))
            continue
        if kind == "additionalProperties":
            known = list(error.schema.get("properties", {}))
            for extra in sorted(set(value) - set(known)):
                record, field = locate(source, path + [extra])
                near = closest(extra, known)
                parts = [k for k in known if k in re.split(r"[^a-z]+", str(extra).lower())]
                if not near.startswith("did you mean") and len(parts) == 1:  # phone_number, email_address
                    near = f'did you mean "{parts[0]}"?'
                fix = (f"{near} (known fields: {', '.join(known)})" if near.startswith("did you mean")
                       else f"use one of the known fields: {', '.join(known)}")
                problems.append(Problem(source.path, source.key_lines.get(tuple(path + [extra]), source.line(path)),
                                        "is not a known field", fix, record, field))
            continue
        record, field = locate(source, path)
        line = source.line(path)
        written = source.written(path)
        if kind == "type":
            want = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
            message, fix = f"should be {KIND.get(want, want)}, not {_describe(value)}", _subschema_hint(error) or "change its value"
            if want == "array":
                fix = "write it as a list, e.g. [public] or one '- item' per line"
            elif want == "string" and value is None:
                message, fix = "has no value", "write it after the colon, or remove the line if the field is optional"
            elif want == "string" and isinstance(value, dict) and tuple(path) in source.key_lines:
                # `answer:` with its text on the lines below, one of which has ": ": read as fields
                line = source.key_lines[tuple(path)]
                name = _field_name(path)
                message = 'should be text, but the lines below it were read as fields (one of them has ": ")'
                fix = f'write "{name}: |" on line {line}, so the indented lines below are its text'
            elif want == "string" and written is not None:
                message, fix = _read_as(written, value), _in_quotes(path, written)
        elif kind == "enum":
            message, fix = f'"{written or value}" is not allowed here', closest(written or value, error.validator_value)
            if isinstance(value, (bool, int, float)) and written is not None:
                message = f"{_read_as(written, value)}, and it is not one of the values allowed here"
                fix = f"{closest(written, error.validator_value)} Put it in quotes: {_field_name(path)}: \"{written}\""
        elif kind == "pattern":
            message, fix = f'"{value}" is not in the right form', error.schema.get("patternErrorMessage", "check its form")
            if error.schema == validator.schema.get("$defs", {}).get("phone") and re.fullmatch(r"[0-9 ]+", str(value)):
                message = f'"{value}" is not a number the site can show'
        elif kind == "minLength":
            message, fix = "is empty", "write it, or remove the field if it is optional"
        elif kind == "maxLength":
            message, fix = (f"is {len(value)} characters long; the limit is {error.validator_value}",
                            _shorten(source, validator.schema, path, len(value) - error.validator_value))
        elif kind == "minItems":
            message, fix = f"needs at least {error.validator_value} entr{'y' if error.validator_value == 1 else 'ies'}", "add one"
        elif kind == "maxItems":
            message, fix = f"has more than {error.validator_value} entries", "remove the extra ones"
        elif kind == "uniqueItems":
            message, fix = "lists the same value twice", "remove the repeat"
        elif kind in ("minimum", "maximum", "exclusiveMinimum"):
            message, fix = f"{value} is out of range", error.message
        else:
            message, fix = error.message, _subschema_hint(error) or "check this value"
        problems.append(Problem(source.path, line, message, fix, record, field))
    return problems


def _shorten(source: Source, root: dict, path: list, over: int) -> str:
    """How to shorten a text: into another field of the same record that can say more, or by itself."""
    field, node = _field_name(path), _resolve(root, root)
    for key in path[:-1]:  # down to the record that holds the text
        node = _child(root, node, key) if node is not None else None
    props = node.get("properties", {}) if node else {}
    longer = [name for name, spec in props.items() if name != field and is_markdown(_resolve(root, spec))]
    if longer and not is_markdown(_resolve(root, props.get(field, {}))):
        return f'shorten it by at least {over} characters: say the rest in the field "{longer[0]}"'
    if "url" in props:
        return (f"shorten it by at least {over} characters: keep what a reader needs to choose it, and leave the "
                "rest to the page its url links to")
    return f"shorten it by at least {over} characters"


def _records(source: Source, *keys):
    """Yield (path, record) for records under a chain of list keys, e.g. ('sections', 'questions')."""
    def walk(node, path, keys):
        if not keys:
            yield path, node
            return
        items = node.get(keys[0]) if isinstance(node, dict) else None
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                yield from walk(item, path + [keys[0], i], keys[1:])
    yield from walk(source.data, [], keys)


def duplicate_problems(source: Source, keys: tuple, field: str, what: str, normal=lambda v: v) -> list[Problem]:
    seen, problems = {}, []
    for path, record in _records(source, *keys):
        value = record.get(field)
        if not isinstance(value, str):
            continue
        if normal(value) in seen:
            label, fieldname = locate(source, path + [field])
            problems.append(Problem(source.path, source.line(path + [field]), f"repeats the {what} on line {seen[normal(value)]}",
                                    f"give each {what} only once: change or remove one of them", label, fieldname))
        else:
            seen[normal(value)] = source.line(path + [field])
    return problems


def date_problems(source: Source, keys: tuple, field: str, today: dt.date) -> list[Problem]:
    problems = []
    for path, record in _records(source, *keys):
        value = record.get(field)
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            continue  # the schema reports these
        label, fieldname = locate(source, path + [field])
        day = as_date(value)
        if day is None:
            problems.append(Problem(source.path, source.line(path + [field]), f'"{value}" is not a real date',
                                    "check the day and month (YYYY-MM-DD)", label, fieldname))
        elif day > today:
            problems.append(Problem(source.path, source.line(path + [field]), f"{value} is in the future",
                                    "use the date it really happened (today or earlier)", label, fieldname))
    return problems


def when_problems(source: Source) -> list[Problem]:
    """An update's `when` ("2023/24") is shown instead of its date, so it must name the date's year:
    otherwise the page and the order of the list would disagree."""
    problems = []
    for path, record in _records(source, "items"):
        when, date = record.get("when"), record.get("date")
        if isinstance(when, str) and isinstance(date, str) and as_date(date) and date[:4] not in when:
            label, fieldname = locate(source, path + ["when"])
            problems.append(Problem(source.path, source.line(path + ["when"]), f'"{when}" does not name the year of the date, {date}',
                                    "make `when` and `date` agree: `date` is the first day of the period `when` names", label, fieldname))
    return problems


def _resolve(root: dict, node):
    """A subschema with its `$ref` followed (only local refs such as #/$defs/source)."""
    seen = 0
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/") and seen < 20:
        target = root
        for part in node["$ref"][2:].split("/"):
            target = target.get(part.replace("~1", "/").replace("~0", "~"), {}) if isinstance(target, dict) else {}
        node, seen = {**target, **{k: v for k, v in node.items() if k != "$ref"}}, seen + 1
    return node if isinstance(node, dict) else {}


def _child(root: dict, node: dict, key) -> dict | None:
    node = _resolve(root, node)
    found = node.get("items") if isinstance(key, int) else node.get("properties", {}).get(key)
    if found is None:
        for branch in node.get("allOf", []) + node.get("anyOf", []) + node.get("oneOf", []):
            found = _child(root, branch, key)
            if found is not None:
                return found
        return None
    return _resolve(root, found)


def texts(source: Source, schema: dict):
    """Yield (path, text, its subschema, the subschema of the record holding it) for every text."""
    def walk(node, spec, parent, path):
        if isinstance(node, dict):
            for key, value in node.items():
                sub = _child(schema, spec, key) if spec is not None else None
                yield from walk(value, sub, spec, path + [key])
        elif isinstance(node, list):
            for i, value in enumerate(node):
                sub = _child(schema, spec, i) if spec is not None else None
                yield from walk(value, sub, parent, path + [i])
        elif isinstance(node, str):
            yield path, node, spec or {}, _resolve(schema, parent) if parent is not None else {}
    yield from walk(source.data, _resolve(schema, schema), None, [])


def is_markdown(spec: dict) -> bool:
    return spec.get("contentMediaType") == MARKDOWN


def _where_links_go(record_spec: dict, root: dict) -> str:
    """Where a link can go instead, from the fields of the same record."""
    props = record_spec.get("properties", {})
    rich = [name for name, spec in props.items() if is_markdown(_resolve(root, spec))]
    if rich:
        names = " or ".join(f'"{name}"' for name in rich)
        return f"remove the link: write it in the field {names} of this entry, which can hold links"
    if "url" in props:
        return 'remove the link: put the web address in this entry\'s "url" field'
    if "source" in props or "sources" in props:
        return "remove the link: name the page as this entry's source instead"
    return "remove the link and write the words alone: this field cannot hold links"


def _heading(value: str, markdown: bool) -> tuple[str, str] | None:
    """(the line, the heading it makes) for a level 1 or 2 heading in a text: a `# ` or `## ` line, or in
    Markdown a line of text underlined with === or ---."""
    found = ATX_HEADING.search(value)
    if found:
        return found.group(0).strip(), found.group(0).strip().lstrip("#").strip()
    if markdown and SETEXT_HEADING.search(value):
        html = str(markdown_html(value))
        if "<h1>" in html or "<h2>" in html:
            found = SETEXT_HEADING.search(value)
            return found.group(2).strip(), found.group(1).strip()
    return None


def _unquoted(path, inner: str) -> str:
    """The line an editor writes for a text without its curly quotes."""
    name = _field_name(path)
    if ": " in inner or " #" in inner or inner[:1] in "\"'[]{}*&!@%`|>-?,":
        return f'{name}: "' + inner.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name}: {inner}"


def text_problems(source: Source, validator, phone: re.Pattern | None = None) -> list[Problem]:
    """Rules for text the schema alone cannot say, so that nothing is published that the editor did not
    mean: not blank; no HTML tags (the site shows them as typed); no heading of level 1 or 2 (a `# TODO`
    line would be a large title on the page); not wrapped in curly quotes; no number the public should not
    call (`phone`: the pattern of schemas/resources.schema.json's phone); in Markdown no pictures from
    other sites, and in plain-text fields no Markdown links (the site would show them as typed)."""
    root, problems = validator.schema, []
    for path, value, spec, record_spec in texts(source, root):
        label, field = locate(source, path)

        def problem(needle, message, fix, path=path, label=label, field=field):  # this text's, bound now
            line = source.line_of(path, needle) if needle else source.line(path)
            problems.append(Problem(source.path, line, message, fix, label, field))

        if value and not value.strip():
            problem(None, "has only spaces in it", "write the text, or remove the field if it is optional")
            continue
        markdown = is_markdown(spec)
        tag = HTML_TAG.search(value)
        if tag:
            problem(tag.group(0), f"has an HTML tag ({tag.group(0)[:40]}), which the site would show as typed",
                    HTML_FIX if markdown else "remove it: this field is plain text, and the site shows tags as they are typed")
        heading = _heading(value, markdown)
        if heading and heading[0].startswith("#"):
            problem(heading[0], f'has the line "{heading[0][:60]}", which the site would show '
                                f'{"as a large heading" if markdown else "to readers"}',
                    "if it is a note to yourself, delete the line (put notes in the pull request instead)"
                    + ('; for a small heading inside the text, start the line with "### "' if markdown else ""))
        elif heading:
            problem(heading[0], f'has a line of "{heading[0][:10]}" under "{heading[1][:60]}", which makes that '
                                "text a large heading on the page",
                    "delete the line of dashes or equals signs; leave a blank line between paragraphs instead")
        text = value.strip()
        if len(text) > 1 and text[0] in CURLY and text[-1] in CURLY:
            problem(None, f"is written inside curly quotes ({text[:40]}{'...' if len(text) > 40 else ''}), which the "
                          "site would show as part of the text",
                    "remove them" + (f": {_unquoted(path, text[1:-1].strip())}" if "\n" not in text else
                                     " from the start and the end of the text"))
        for number in NUMBER_IN_TEXT.findall(value) if phone is not None and "pattern" not in spec else ():
            if not phone.fullmatch(number.replace("-", " ")):
                problem(number, f'mentions "{number}", which is not a number for the public to call (premium-rate, '
                                "service-charge, personal or pager)",
                        "remove it: give a number the public can call at the normal rate, or link to the "
                        "organisation's contact page")
        if markdown:
            image = IMAGE.search(value)
            if image:
                problem(image.group(0), "has a picture (![...](...)), which this site does not show from data files",
                        "remove it, or link to the page that shows the picture: [words](https://...)")
        else:
            link = MARKDOWN_LINK.search(value)
            if link:
                problem(link.group(0), f"has a link ({link.group(0)[:60]}), but this field is plain text and the site "
                                       "would show the brackets as typed", _where_links_go(record_spec, root))
    return problems


def phone_rule(root: Path) -> re.Pattern:
    """The one rule for a number the site may show: the pattern of a directory entry's phone."""
    return re.compile(schema(root, "resources").schema["$defs"]["phone"]["pattern"])


def link_problems(source: Source, checker, validator, home_of=lambda path: None) -> list[Problem]:
    """Every link in the Markdown text of a file, checked as vrp.data.links says: a web address, or one
    of our pages by its file in docs/ written from the top of the site. `home_of(path)` is the page a
    text belongs to. Links in plain-text fields are left to text_problems."""
    problems = []
    for path, value, spec, _ in texts(source, validator.schema):
        if not is_markdown(spec):
            continue
        for target in LINK.findall(value) + REFERENCE.findall(value):
            said = checker.problem(target, home_of(path))
            if said:
                label, field = locate(source, path)
                problems.append(Problem(source.path, source.line_of(path, target), *said, label, field))
    return problems


def all_texts(node, path):
    """Every text in `node`, with its path: what a check of all the text of a file walks."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from all_texts(value, path + [key])
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from all_texts(value, path + [i])
    elif isinstance(node, str):
        yield path, node


def vocabulary_problems(resources: Source, vocab: Source) -> list[Problem]:
    """Every type, audience, topic and area in the directory must be defined in data/vocabularies.yml."""
    entries = {name: [e for e in vocab.data.get(name, []) if isinstance(e, dict)]
               for name in ("types", "audiences", "topics", "areas")}
    allowed = {name: [e.get("id") for e in found] for name, found in entries.items()}
    labels = {name: {e.get("id"): str(e.get("label", "")) for e in found} for name, found in entries.items()}
    allowed["areas"] = ["all"] + allowed["areas"]
    problems = []
    for path, record in _records(resources, "resources"):
        for field, vocab_name in (("type", "types"), ("audiences", "audiences"), ("topics", "topics"), ("areas", "areas")):
            values = record.get(field)
            values = [values] if isinstance(values, str) else values if isinstance(values, list) else []
            for i, value in enumerate(values):
                if isinstance(value, str) and value not in allowed[vocab_name]:
                    at = path + [field] + ([] if field == "type" else [i])
                    label, fieldname = locate(resources, at)
                    problems.append(Problem(resources.path, resources.line(at), f'"{value}" is not a known {vocab_name[:-1]}',
                                            f"{closest(value, allowed[vocab_name], labels[vocab_name])} (or add it to data/vocabularies.yml)",
                                            label, fieldname))
        areas = record.get("areas")
        if isinstance(areas, list) and "all" in areas and len(areas) > 1:
            label, fieldname = locate(resources, path + ["areas"])
            problems.append(Problem(resources.path, resources.line(path + ["areas"]), '"all" is listed with other areas',
                                    'write either [all] or the areas it covers, not both', label, fieldname))
    return problems


def spoke_problems(spokes: Source, vocab: Source) -> list[Problem]:
    areas = [e.get("id") for e in vocab.data.get("areas", []) if isinstance(e, dict)]
    problems = []
    for path, record in _records(spokes, "spokes"):
        if isinstance(record.get("id"), str) and record["id"] not in areas:
            label, field = locate(spokes, path + ["id"])
            problems.append(Problem(spokes.path, spokes.line(path + ["id"]), f'"{record["id"]}" is not an area in data/vocabularies.yml',
                                    closest(record["id"], areas), label, field))
    return problems


def entries_by_id(resources: Source) -> dict:
    """The directory's records by id; an id given twice is reported as such, and the first is the one meant."""
    entries = {}
    for _, record in _records(resources, "resources"):
        entries.setdefault(record.get("id"), record)
    return entries


CONCERN = {"children": "a child", "adults": "an adult at risk"}  # who a front door takes reports about


def retired_by_id(retired: Source | None) -> dict[str, str]:
    """The entries of data/retired.yml: id -> when it was taken out, in words ("on 1 October 2026")."""
    found = {}
    for _, record in _records(retired, "retired") if retired is not None else ():
        if isinstance(record.get("id"), str):
            found.setdefault(record["id"], f"on {long_date(record.get('date'))}" if as_date(record.get("date")) else "")
    return found


def retired_problems(retired: Source, resources: Source) -> list[Problem]:
    """An entry is either listed or retired, never both."""
    listed = {record.get("id"): path for path, record in _records(resources, "resources")}
    problems = []
    for path, record in _records(retired, "retired"):
        if record.get("id") in listed:
            label, field = locate(retired, path + ["id"])
            problems.append(Problem(retired.path, retired.line(path + ["id"]),
                                    f'"{record["id"]}" is still in data/resources.yml (line {resources.line(listed[record["id"]])})',
                                    "an entry is either listed or retired: cut it out of data/resources.yml to retire it, "
                                    "or remove it here to keep it listed", label, field))
    return problems


def front_doors_of(entries: dict, area: str, kind: str) -> list[str]:
    """The ids of an area's entries for reporting a concern about `kind` (children or adults): the only
    ones an area's `safeguarding` may name, and the only ones suggested there."""
    return [i for i, e in entries.items() if isinstance(i, str) and isinstance(e.get("areas"), list) and area in e["areas"]
            and isinstance(e.get("report_a_concern"), list) and kind in e["report_a_concern"]]


def front_door_problems(spokes: Source, resources: Source, retired: dict | None = None) -> list[Problem]:
    """An area's `safeguarding` entries must be that area's entries marked `report_a_concern` for the
    concern (children or adults): a reader who follows one to report a concern must reach the council's
    front door, never a service that happens to have a similar id. `retired`: id -> when it was retired."""
    entries, retired = entries_by_id(resources), retired or {}
    problems = []
    for path, record in _records(spokes, "spokes"):
        doors, area = record.get("safeguarding"), record.get("id")
        for kind, ident in (doors.items() if isinstance(doors, dict) else ()):
            if not isinstance(ident, str) or kind not in CONCERN:
                continue
            at = path + ["safeguarding", kind]
            label, field = locate(spokes, at)
            who, entry = CONCERN[kind], entries.get(ident)
            choices = front_doors_of(entries, area, kind)
            near = difflib.get_close_matches(ident, choices, n=1, cutoff=0.6)
            choose = (f'did you mean "{near[0]}"?' if near else
                      f"use {'one of ' if len(choices) > 1 else ''}this area's {'entries' if len(choices) > 1 else 'entry'} "
                      f"for reporting a concern about {who}: {', '.join(choices)}" if choices else
                      f"this area has no entry for reporting a concern about {who} yet: add the council's one to "
                      f"data/resources.yml first (with areas: [{area}] and report_a_concern: [{kind}]), then write its id here")

            def problem(message, fix, depends=True, at=at, label=label, field=field, ident=ident):  # bound now
                problems.append(Problem(spokes.path, spokes.line(at), message, fix, label, field,
                                        (resources.path, f'resource "{ident}"') if depends else ()))

            if entry is None and ident in retired:
                problem(f'"{ident}" is no longer listed: it was taken out of the directory {retired[ident]} (data/retired.yml)',
                        "choose another entry" + (f": {choose}" if choices else f"; {choose}"), False)
            elif entry is None:
                problem(f'"{ident}" is not an entry in data/resources.yml', choose, False)
            elif area not in (entry.get("areas") or []):
                problem(f'the entry "{ident}" is not for this area', choose)
            elif kind not in (entry.get("report_a_concern") or []):
                problem(f'the entry "{ident}" is not one for reporting a concern about {who}',
                        choose if choices else f'name the council\'s own entry for it; if "{ident}" is that entry, add '
                                               f"report_a_concern: [{kind}] to it in data/resources.yml")
    return problems


def team_problems(spokes: Source, resources: Source, retired: dict | None = None) -> list[Problem]:
    """An area's `team_entry` must be one of its own directory entries (its contact is compared with it)."""
    entries, retired = entries_by_id(resources), retired or {}
    problems = []
    for path, record in _records(spokes, "spokes"):
        ident, area = record.get("team_entry"), record.get("id")
        if not isinstance(ident, str):
            continue
        label, field = locate(spokes, path + ["team_entry"])
        entry = entries.get(ident)
        own = [i for i, e in entries.items() if isinstance(i, str) and area in (e.get("areas") or [])]
        near = difflib.get_close_matches(ident, own, n=1, cutoff=0.6)
        choose = (f'did you mean "{near[0]}"? If not, remove this line' if near else
                  "write the id of the team's own entry in data/resources.yml, or remove this line")
        if entry is None and ident in retired:
            said = (f'"{ident}" is no longer listed: it was taken out of the directory {retired[ident]} (data/retired.yml)',
                    "remove this line or choose another entry", ())
        elif entry is None:
            said = f'"{ident}" is not an entry in data/resources.yml', choose, ()
        elif area not in (entry.get("areas") or []):
            said = (f'the entry "{ident}" is not for this area', choose,
                    (resources.path, f'resource "{ident}"'))
        else:
            continue
        problems.append(Problem(spokes.path, spokes.line(path + ["team_entry"]), said[0], said[1], label, field, said[2]))
    return problems


def known_id_problems(source: Source, records: str, field: str, vocab: Source, kind: str) -> list[Problem]:
    """Every id in the list `field` of each record must be one of the `kind` (areas, topics...) of
    data/vocabularies.yml: a synonym group's topics, a place's areas."""
    entries = [e for e in vocab.data.get(kind, []) if isinstance(e, dict)]
    allowed = [e.get("id") for e in entries]
    labels = {e.get("id"): str(e.get("label", "")) for e in entries}
    problems = []
    for path, record in _records(source, records):
        values = record.get(field)
        for i, value in enumerate(values if isinstance(values, list) else []):
            if isinstance(value, str) and value not in allowed:
                at = path + [field, i]
                label, fieldname = locate(source, at)
                problems.append(Problem(source.path, source.line(at), f'"{value}" is not a known {kind[:-1]}',
                                        f"{closest(value, allowed, labels)} (or add it to data/vocabularies.yml)",
                                        label, fieldname))
    return problems


def reserved_id_problems(resources: Source) -> list[Problem]:
    """An entry's page is resources/<id>/: an id that is also the name of one of the directory's lists
    (resources/page/, resources/area/) would hide that list."""
    problems = []
    for path, record in _records(resources, "resources"):
        if record.get("id") in LIST_FOLDERS:
            label, field = locate(resources, path + ["id"])
            problems.append(Problem(resources.path, resources.line(path + ["id"]),
                                    f'"{record["id"]}" is the name of a list of the directory (resources/{record["id"]}/)',
                                    "choose another id, such as one that names the service", label, field))
    return problems
