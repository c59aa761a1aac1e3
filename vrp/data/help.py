"""What the schema cannot check in data/help.yml: directory entries that exist, each number listed once, a
number for every help-bar line, ids the Get help page keeps for itself, and numbers kept out of the prose."""
from __future__ import annotations

import re

from vrp.data.problems import Problem
from vrp.data.validate import _records, closest, entries_by_id, locate
from vrp.data.yamlsource import Source
from vrp.model import LOCAL_PREFIX, RESERVED_LINE_IDS, digits

TEL_LINK = re.compile(r"\]\(\s*<?tel:", re.I)


def problems(help_src: Source, resources: Source, retired: dict | None = None) -> list[Problem]:
    """Every problem of data/help.yml that needs data/resources.yml (`retired`: id -> when it was taken out)."""
    entries = entries_by_id(resources)
    found, seen = [], {}

    def problem(path, message, fix, entry=None):
        record, field = locate(help_src, path)
        about = (resources.path, f'resource "{entry}"') if entry else ()
        found.append(Problem(help_src.path, help_src.line(path), message, fix, record, field, about))

    for path, situation in _records(help_src, "situations"):
        ident = situation.get("id")
        if isinstance(ident, str) and (ident.startswith(LOCAL_PREFIX) or ident in RESERVED_LINE_IDS):
            problem(path + ["id"], f'"{ident}" is a link the page uses for itself',
                    'choose another id (ids starting "local-" are kept for the local help)')
        if isinstance(situation.get("summary"), str) and TEL_LINK.search(situation["summary"]):
            problem(path + ["summary"], "has a phone link", "put the number in a line of its own, so it is shown once")
    for path, line in _records(help_src, "situations", "lines"):
        ref = line.get("resource")
        entry = entries.get(ref) if isinstance(ref, str) else None
        if isinstance(ref, str) and entry is None and ref in (retired or {}):
            problem(path + ["resource"], f'"{ref}" is no longer listed: it was taken out of the directory {retired[ref]} '
                                         "(data/retired.yml)",
                    f'remove this line or choose another entry: take out this service\'s lines (from "- resource: {ref}" '
                    'to the next "- "), or write the id of another entry')
        elif isinstance(ref, str) and entry is None:
            near = closest(ref, [i for i in entries if isinstance(i, str)])
            problem(path + ["resource"], f'"{ref}" is not an entry in data/resources.yml',
                    (near if near.startswith("did you mean") else "use the id of an entry in data/resources.yml")
                    + " (or add the entry to the directory first)")
        for field in ("number", "url"):
            if ref is not None and field in line:
                problem(path + [field], f"is given here and in the directory entry \"{ref}\"",
                        f"remove it here; to change it, change the entry's {'phone' if field == 'number' else 'url'} "
                        "in data/resources.yml")
        if ref is None and "name" not in line:
            problem(path, "has no name", "add name (who you reach), or resource (the id of its directory entry)")
        number = line.get("number") or (entry or {}).get("phone")
        if line.get("compact") and not number and not (isinstance(ref, str) and entry is None):  # said above
            problem(path + ["compact"], "is shown in the help bar, which needs a phone number",
                    "give the line a number, or remove compact", ref if entry else None)
        if isinstance(line.get("what_happens"), str) and TEL_LINK.search(line["what_happens"]):
            problem(path + ["what_happens"], "has a phone link", "put the number in the line's number, so it is shown once")
        if "text" in line and "text_word" not in line:
            problem(path + ["text"], "has no text_word", "add text_word: the word to send, e.g. SHOUT")
        keys = [(f"entry {ref}", f'"{ref}"') if isinstance(ref, str) else None,
                (digits(number), number) if number else None,
                (f"text {line['text']}", line["text"]) if "text" in line else None]
        repeated = next(((key, what) for key, what in filter(None, keys) if key in seen), None)
        if repeated:
            problem(path, f"repeats {repeated[1]}, already listed on line {seen[repeated[0]]}",
                    "list each service once, under the situation it fits best; other situations can mention it in their summary")
        for key, _ in filter(None, keys):
            seen.setdefault(key, help_src.line(path))
    return found
