"""The Get help page's data: situations, each with the lines to call, text or visit, and local help.

A line of data/help.yml may name a directory entry (`resource: samaritans`); its name, number and
website then come from data/resources.yml, so a number is written in one place. Each number is
listed once on the page, under the situation it fits best. Local help is the directory's own local
services, area by area, so it grows as editors add them.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from vrp.data.problems import Problem
from vrp.pages.render import tel
from vrp.data.validate import _records, closest, entries_by_id, locate
from vrp.data.yamlsource import Source

LOCAL_TYPE = "local-service"  # the directory's type for services run in our areas
LOCAL_ID = "local-help"  # the local section's link; each area's is local-<area id>, so "local-" is kept
EVERY_AREA_ID = "local-all-areas"
EVERY_AREA_TITLE = "Across Avon and Somerset"
FREE = ("080", "116", "999", "111")  # free from UK landlines and mobiles (Ofcom), and 999 and NHS 111
TEL_LINK = re.compile(r"\]\(\s*<?tel:", re.I)
REFERENCE_LINE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*$", re.M)  # a link definition, as validate.REFERENCE reads it
FIRST_SENTENCE = re.compile(r"(.+?[.!?])\s+(?=[A-Z])")


def _digits(number: str) -> str:
    return "".join(c for c in str(number) if c.isdigit())


def problems(help_src: Source, resources: Source, retired: dict | None = None) -> list[Problem]:
    """What the schema cannot check: directory entries that exist, each number listed once, a number
    for every help-bar line, ids the page keeps for itself, and numbers kept out of the prose."""
    entries = entries_by_id(resources)
    found, seen = [], {}

    def problem(path, message, fix, entry=None):
        record, field = locate(help_src, path)
        about = (resources.path, f'resource "{entry}"') if entry else ()
        found.append(Problem(help_src.path, help_src.line(path), message, fix, record, field, about))

    for path, situation in _records(help_src, "situations"):
        ident = situation.get("id")
        if isinstance(ident, str) and (ident.startswith("local-") or ident == "get-help"):
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
                (_digits(number), number) if number else None,
                (f"text {line['text']}", line["text"]) if "text" in line else None]
        repeated = next(((key, what) for key, what in filter(None, keys) if key in seen), None)
        if repeated:
            problem(path, f"repeats {repeated[1]}, already listed on line {seen[repeated[0]]}",
                    "list each service once, under the situation it fits best; other situations can mention it in their summary")
        for key, _ in filter(None, keys):
            seen.setdefault(key, help_src.line(path))
    return found


def _site(url: str) -> str:
    """The website's name as a reader would say it: www.samaritans.org -> samaritans.org."""
    return urlsplit(url).netloc.removeprefix("www.")


def _first_sentence(text: str) -> str:
    """What a service is, in its description's first sentence; the directory entry has the rest. The
    text's link definitions (`[name]: faq.md`) come along, for a link written as [words][name]."""
    definitions = [m.group(0).strip() for m in REFERENCE_LINE.finditer(str(text))]
    text = " ".join(REFERENCE_LINE.sub("", str(text)).split())
    found = FIRST_SENTENCE.match(text)
    return "\n\n".join([found.group(1) if found else text, *definitions])


def _line(raw: dict, entry: dict, ident: str) -> dict:
    number = raw.get("number") or entry.get("phone")
    url = raw.get("url") or entry.get("url")
    return {
        "id": ident, "name": raw.get("name") or entry["title"], "resource": entry.get("id"), "when": raw["when"],
        "number": number, "tel": tel(number) if number else None, "free": bool(number) and _digits(number).startswith(FREE),
        "text": raw.get("text"), "text_word": raw.get("text_word"), "sms": f"sms:{raw['text']}" if raw.get("text") else None,
        "hours": raw.get("hours"), "what_happens": raw.get("what_happens"),
        "url": url, "site": _site(url) if url else None, "compact": bool(raw.get("compact")),
    }


def _line_ids(situations: list[dict]) -> list[list[str]]:
    """A link for each line (its directory entry's id, or its name as a slug), unique on the page
    and never one the page keeps for its sections."""
    taken = {s["id"] for s in situations} | {"get-help"}
    ids = []
    for situation in situations:
        ids.append([])
        for raw in situation["lines"]:
            base = raw.get("resource") or re.sub(r"[^a-z0-9]+", "-", raw.get("name", "").lower()).strip("-") or "line"
            ident = base if base not in taken and not base.startswith("local-") else f"{situation['id']}-{base}"
            candidate, n = ident, 1
            while candidate in taken:
                n += 1
                candidate = f"{ident}-{n}"
            taken.add(candidate)
            ids[-1].append(candidate)
    return ids


def situations(data: dict, resources: list[dict], topic_labels: dict[str, str]) -> list[dict]:
    """Each situation with its lines filled in from the directory and its topics labelled."""
    entries = {r["id"]: r for r in resources}
    return [{"id": s["id"], "title": s["title"], "summary": s.get("summary"),
             "topics": [{"id": t, "label": topic_labels[t]} for t in s.get("topics", [])],
             "lines": [_line(raw, entries.get(raw.get("resource"), {}), ident) for raw, ident in zip(s["lines"], ids, strict=True)]}
            for s, ids in zip(data["situations"], _line_ids(data["situations"]), strict=True)]


def local_groups(areas: list[dict], by_area: dict[str, list[dict]], shown: list[dict]) -> list[dict]:
    """The directory's local services, area by area (by_area: each area's resources), leaving out
    those the situations already list. A service of every area is listed once, first; one of a few
    areas under each of them, each with its number, for readers who look only at their own area."""
    listed = {line["resource"] for s in shown for line in s["lines"]}
    numbers = {_digits(line["number"]) for s in shown for line in s["lines"] if line["number"]}
    local = {a["id"]: [r for r in by_area[a["id"]] if r["type"] == LOCAL_TYPE and r["id"] not in listed] for a in areas}
    everywhere = [r for r in local[areas[0]["id"]] if all(r in local[a["id"]] for a in areas)] if areas else []

    def entry(r):
        phone = r.get("phone") if r.get("phone") and _digits(r["phone"]) not in numbers else None
        return {"id": r["id"], "title": r["title"], "summary": _first_sentence(r["description"]),
                "phone": phone, "tel": tel(phone) if phone else None}

    groups = [{"id": EVERY_AREA_ID, "title": EVERY_AREA_TITLE, "area": None, "entries": [entry(r) for r in everywhere]}]
    groups = groups if everywhere else []
    groups += [{"id": f"local-{a['id']}", "title": a["label"], "area": a["id"],
                "entries": [entry(r) for r in local[a["id"]] if r not in everywhere]} for a in areas]
    return groups
