"""The Get help page's local section: the directory's own local services, area by area, so it grows as
editors add them. (The situations and their lines are records of the model, vrp.model; each number is
listed once on the page, under the situation it fits best: vrp.data.help checks it.)
"""
from __future__ import annotations

import re

from vrp.model import LOCAL_PREFIX, LOCAL_TYPE, Site, digits, tel
from vrp.pages.directory import area_path

EVERY_AREA_ID = LOCAL_PREFIX + "all-areas"
EVERY_AREA_TITLE = "Across Avon and Somerset"
REFERENCE_LINE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*$", re.M)  # a link definition, as vrp.data.validate.REFERENCE reads it
FIRST_SENTENCE = re.compile(r"(.+?[.!?])\s+(?=[A-Z])")


def _first_sentence(text: str) -> str:
    """What a service is, in its description's first sentence; the directory entry has the rest. The
    text's link definitions (`[name]: faq.md`) come along, for a link written as [words][name]."""
    definitions = [m.group(0).strip() for m in REFERENCE_LINE.finditer(str(text))]
    text = " ".join(REFERENCE_LINE.sub("", str(text)).split())
    found = FIRST_SENTENCE.match(text)
    return "\n\n".join([found.group(1) if found else text, *definitions])


def local_groups(site: Site) -> list[dict]:
    """The directory's local services, area by area, leaving out those the situations already list. A service
    of every area is listed once, first; one of a few areas under each of them, each with its number, for
    readers who look only at their own area."""
    shown = [line for s in site.help for line in s.lines]
    listed = {line.resource for line in shown}
    numbers = {digits(line.number) for line in shown if line.number}
    local = {a.id: [e for e in site.entries_for(a.id) if e.type == LOCAL_TYPE and e.id not in listed] for a in site.areas}
    everywhere = [e for e in local[site.areas[0].id] if all(e in local[a.id] for a in site.areas)] if site.areas else []

    def entry(e):
        phone = e.phone if e.phone and digits(e.phone) not in numbers else None
        return {"id": e.id, "title": e.title, "path": e.path, "summary": _first_sentence(e.description),
                "phone": phone, "tel": tel(phone) if phone else None}

    groups = [{"id": EVERY_AREA_ID, "title": EVERY_AREA_TITLE, "area": None, "entries": [entry(e) for e in everywhere]}]
    groups = groups if everywhere else []
    groups += [{"id": LOCAL_PREFIX + a.id, "title": a.label, "area": a.id,
                "entries": [entry(e) for e in local[a.id] if e not in everywhere],
                "services": sum(e.kind == "service" for e in site.entries_for(a.id)),  # as the area's page counts
                "list": area_path(a.id)} for a in site.areas]
    return groups
