"""The data files, in one table: adding a data file is one row here (and its schema in schemas/).

Each row says what the check needs to know of a file beyond its schema: the lists whose records carry an id
(unique in the file), what one record of each list is called in a message for an editor, the date field
checked as a real day not in the future, and the page its text is shown on, against which a link in that text
is checked (never suggested for a mistyped page). `{id}` in a page stands for the record's id: a page per
record (its first list).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DataFile:
    name: str
    ids: tuple[tuple[str, ...], ...] = ()  # the lists (by their keys from the top) whose records have a unique id
    records: dict[str, str] = field(default_factory=dict)  # list key -> what one of its records is called
    date: tuple[tuple[str, ...], str] | None = None  # (the records' list, the field) of a date
    page: str | None = None  # the page its text is shown on

    @property
    def path(self) -> str:
        return f"data/{self.name}.yml"

    @property
    def schema(self) -> str:
        return f"schemas/{self.name}.schema.json"

    def page_of(self, ident) -> str | None:
        """The page a record's text is shown on (`ident`: the id of a record of the first list)."""
        return self.page.format(id=ident) if self.page and "{id}" in self.page else self.page

    def page_at(self, path: list, data) -> str | None:
        """The page on which the value at `path` of this file (as read, maybe with mistakes) is shown."""
        if not (self.page and "{id}" in self.page):
            return self.page
        key = self.ids[0][0]
        records = data.get(key) if isinstance(data, dict) else None
        if len(path) > 1 and path[0] == key and isinstance(path[1], int) and isinstance(records, list) \
                and path[1] < len(records) and isinstance(records[path[1]], dict):
            return self.page_of(records[path[1]].get("id"))
        return None


FILES = {f.name: f for f in (
    DataFile("vocabularies", ids=(("areas",), ("types",), ("audiences",), ("topics",)),
             records={"areas": "area", "types": "type", "audiences": "audience", "topics": "topic"}),
    DataFile("resources", ids=(("resources",),), records={"resources": "resource"},
             date=(("resources",), "last_reviewed"), page="resources.md"),
    DataFile("retired", ids=(("retired",),), records={"retired": "retired entry"}, date=(("retired",), "date")),
    DataFile("faq", ids=(("sections",), ("sections", "questions")), records={"sections": "section", "questions": "question"},
             page="faq.md"),
    DataFile("spokes", ids=(("spokes",),), records={"spokes": "spoke", "documents": "document"},
             date=(("spokes",), "last_checked"), page="spokes/{id}.md"),
    DataFile("updates", ids=(("items",),), records={"items": "update", "partners": "partner"}, date=(("items",), "date"),
             page="updates/{id}.md"),
    DataFile("help", ids=(("situations",),), records={"situations": "situation"}, page="help.md"),
    DataFile("north-somerset-strategy", ids=(("programmes",),),
             records={"programmes": "programme", "actions": "action", "rows": "row"},
             page="strategies/north-somerset-2021-22.md"),
    DataFile("synonyms", records={"groups": "synonym group"}),
    DataFile("places", records={"places": "place"}),
    DataFile("numbers", records={"numbers": "checked number"}),
)}

# The list keys whose items are records, and what one record is called in a message.
RECORD_NAMES = {key: name for f in FILES.values() for key, name in f.records.items()}
