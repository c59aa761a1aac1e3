"""One mistake in the data, worded for the editor who has to fix it."""
from __future__ import annotations

from dataclasses import dataclass

# The list keys whose items are records, and what one record is called in a message.
RECORD_NAMES = {"groups": "synonym group", "places": "place", "resources": "resource", "sections": "section",
                "questions": "question", "spokes": "spoke", "items": "update", "programmes": "programme",
                "actions": "action", "rows": "row", "areas": "area", "types": "type", "audiences": "audience",
                "topics": "topic", "numbers": "checked number", "situations": "situation", "partners": "partner", "documents": "document"}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str  # what is wrong
    fix: str  # what to do about it, in plain English
    record: str = ""  # e.g. 'resource "childline"'
    field: str = ""  # e.g. "url" or "contact.email"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:"
        if self.record:
            where += f" {self.record}:"
        if self.field:
            where += f' field "{self.field}":'
        return f"{where} {self.message} — {self.fix}"


class DataError(Exception):
    """Raised with every problem found, so an editor fixes them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the site's data; nothing was built:"]
        lines += [f"  {p}" for p in self.problems]
        super().__init__("\n".join(lines))
