"""One mistake in the data, worded for the editor who has to fix it."""
from __future__ import annotations

from dataclasses import dataclass, replace

@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str  # what is wrong
    fix: str  # what to do about it, in plain English
    record: str = ""  # e.g. 'resource "childline"'
    field: str = ""  # e.g. "url" or "contact.email"
    depends_on: tuple = ()  # (file, record) this is about besides its own, e.g. the entry a help line names
    cause: str = ""  # "data/resources.yml:43" once that record is found to have a mistake of its own

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:"
        if self.record:
            where += f" {self.record}:"
        if self.field:
            where += f' field "{self.field}":'
        return f"{where} {self.message} — {self.fix}"


def root_causes_first(problems: list[Problem]) -> list[Problem]:
    """A problem about a record that has a mistake of its own follows from it (a help line whose entry's
    phone is under a misspelt field has "no number"): it names that mistake as the one to fix first and
    gives no advice of its own, which could undo something right (remove the line from the help bar)."""
    own = {}
    for p in sorted(problems):
        if p.record and not p.depends_on:
            own.setdefault((p.file, p.record), p)
    out = []
    for p in problems:
        cause = own.get(p.depends_on) if p.depends_on else None
        if cause is not None:
            p = replace(p, cause=f"{cause.file}:{cause.line}",
                        fix=f"this follows from the mistake in {cause.file} at line {cause.line} ({cause.record}): "
                            "fix that first, and this may need no change")
        out.append(p)
    return out


class DataError(Exception):
    """Raised with every problem found, so an editor fixes them all in one go: the causes first, then
    what follows from them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(root_causes_first(problems)), key=lambda p: (bool(p.cause), p))
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the site's data; nothing was built:"]
        lines += [f"  {p}" for p in self.problems]
        super().__init__("\n".join(lines))
