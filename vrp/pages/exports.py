"""The directory as open data: JSON with every field and labels, and a flat CSV."""
from __future__ import annotations

import csv
import io
import json

FIELDS = ["id", "title", "organisation", "description", "url", "phone", "email", "type",
          "audiences", "topics", "areas", "last_reviewed"]
LISTS = {"audiences": "audiences", "topics": "topics", "areas": "areas"}


def records(site) -> list[dict]:
    out = []
    for r in site.resources:
        record = {field: r.get(field) for field in FIELDS}
        record["type"] = {"id": r["type"], "label": site.labels["types"][r["type"]]}
        for field, kind in LISTS.items():
            record[field] = [{"id": v, "label": site.labels[kind][v]} for v in r[field]]
        out.append(record)
    return out


def to_json(site) -> str:
    vocab = {kind: [{k: e[k] for k in ("id", "label", "description") if k in e} for e in entries]
             for kind, entries in site.vocabularies.items()}
    return json.dumps({"resources": records(site), "vocabularies": vocab}, ensure_ascii=False, indent=1) + "\n"


def _cell(value) -> str:
    """Stop a spreadsheet from running text that starts like a formula."""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def to_csv(site) -> str:
    """One row per resource; list fields hold ids separated by ';', with a labels column beside each."""
    buffer = io.StringIO()
    header = []
    for field in FIELDS:
        header.append(field)
        if field in LISTS or field == "type":
            header.append(f"{field}_labels" if field != "type" else "type_label")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for r in site.resources:
        row = []
        for field in FIELDS:
            if field == "type":
                row += [r["type"], site.labels["types"][r["type"]]]
            elif field in LISTS:
                row += [";".join(r[field]), ";".join(site.labels[LISTS[field]][v] for v in r[field])]
            else:
                row.append(_cell(r.get(field) or ""))
        writer.writerow(row)
    return buffer.getvalue()
