"""The directory as open data: JSON with every field and labels, and a flat CSV."""
from __future__ import annotations

import csv
import io
import json

from vrp.model import Entry, Site

FIELDS = ["id", "title", "organisation", "description", "url", "phone", "email", "type",
          "audiences", "topics", "areas", "last_reviewed"]
LISTS = {"audiences": "audiences", "topics": "topics", "areas": "areas"}


def _written(entry: Entry, field: str):
    """A field as data/resources.yml has it: dates as YYYY-MM-DD."""
    value = getattr(entry, field)
    return value.isoformat() if field == "last_reviewed" else value


def records(site: Site) -> list[dict]:
    out = []
    for e in site.entries:
        record = {field: _written(e, field) for field in FIELDS}
        record["type"] = {"id": e.type, "label": e.type_label}
        for field, kind in LISTS.items():
            record[field] = [{"id": v, "label": site.labels[kind][v]} for v in getattr(e, field)]
        out.append(record)
    return out


def to_json(site: Site) -> str:
    vocab = {kind: [{k: e[k] for k in ("id", "label", "description") if k in e} for e in entries]
             for kind, entries in site.vocabularies.items()}
    return json.dumps({"resources": records(site), "vocabularies": vocab}, ensure_ascii=False, indent=1) + "\n"


def _cell(value) -> str:
    """Stop a spreadsheet from running text that starts like a formula."""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def to_csv(site: Site) -> str:
    """One row per resource; list fields hold ids separated by ';', with a labels column beside each."""
    buffer = io.StringIO()
    header = []
    for field in FIELDS:
        header.append(field)
        if field in LISTS or field == "type":
            header.append(f"{field}_labels" if field != "type" else "type_label")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for e in site.entries:
        row = []
        for field in FIELDS:
            if field == "type":
                row += [e.type, e.type_label]
            elif field in LISTS:
                row += [";".join(getattr(e, field)), ";".join(site.labels[LISTS[field]][v] for v in getattr(e, field))]
            else:
                row.append(_cell(_written(e, field) or ""))
        writer.writerow(row)
    return buffer.getvalue()
