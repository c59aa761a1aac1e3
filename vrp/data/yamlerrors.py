"""Say what is wrong with a YAML file that cannot be read, in plain English, at the line where the
mistake most likely is.

PyYAML reports where it gave up ("expected <block end>, but found '<block sequence start>'"),
which for an unclosed quote can be many lines after the mistake. Each rule below looks at the
text around that place for the mistake an editor usually makes there, and names its line.
"""
from __future__ import annotations

import re

import yaml

from vrp.data.files import RECORD_NAMES
from vrp.data.problems import Problem

KEY = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*):(?:\s+(.*?))?\s*$")  # `  - title: text`
RECORD_START = re.compile(r"^(\s*)-\s+(?:id|name):\s*(.+?)\s*$")
LIST_KEY = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*):\s*(#.*)?$")
SPECIAL = {"*": "an asterisk", "&": "an ampersand", "!": "an exclamation mark", "@": "an at sign",
           "`": "a backtick", "|": "a vertical bar", ">": "a greater-than sign", "%": "a percent sign",
           "?": "a question mark", "[": "a square bracket", "{": "a curly bracket"}
GENERIC_FIX = ("compare it with the lines around it: check the spaces at the start of the line, and put text "
               "that contains \": \" or starts with a quote, [, {, *, & or ! inside quotes")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _spaces(n: int) -> str:
    return f"{n} space{'' if n == 1 else 's'}"


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _quoted(key: str, value: str, dash: str = "") -> str:
    """The line written with its text in quotes, as an editor would fix it (curly quotes around the
    whole text would be shown on the site: straight ones take their place)."""
    if len(value) > 1 and value[0] in "“”‘’" and value[-1] in "“”‘’":
        value = value[1:-1].strip()
    if '"' in value and "'" not in value:
        return f"{dash}{key}: '{value}'"
    return f'{dash}{key}: "' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Explainer:
    def __init__(self, shown: str, text: str):
        self.shown = shown
        self.lines = text.splitlines() or [""]

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def previous_content(self, number: int) -> int:
        for n in range(number - 1, 0, -1):
            if _is_content(self.line(n)):
                return n
        return 0

    def where(self, number: int) -> tuple[str, str]:
        """A best guess at the record and field of a line: the nearest `- id:` or `- name:` line it
        lies inside, and the field named on the line."""
        text = self.line(number).expandtabs(4)  # a tab-indented line: guess its level
        key = KEY.match(text)
        field = key.group(2) if key else ""
        if RECORD_START.match(text):
            return self._record(number), field
        level = _indent(text)
        for n in range(number - 1, 0, -1):
            above = self.line(n).expandtabs(4)
            if not _is_content(above) or _indent(above) >= level:
                continue
            level = _indent(above)
            if RECORD_START.match(above):
                return self._record(n), field
            if level == 0:
                break
        return "", field

    def _record(self, start: int) -> str:
        """'resource "childline"' for the `- id: childline` on line `start`, from the list it is in."""
        ident = RECORD_START.match(self.line(start)).group(2).strip("\"'")
        for m in range(start - 1, 0, -1):
            parent = LIST_KEY.match(self.line(m))
            if parent and _indent(self.line(m)) < _indent(self.line(start)):
                name = RECORD_NAMES.get(parent.group(2))
                return f'{name} "{ident}"' if name else ""
        return ""

    def problem(self, number: int, message: str, fix: str) -> Problem:
        record, field = self.where(number)
        return Problem(self.shown, number, message, fix, record, field)

    # --- the mistakes, most specific first -------------------------------------------------

    def unclosed_quote(self, upto: int) -> Problem | None:
        """The first line up to `upto` whose text opens a quote it does not close."""
        for n in range(1, min(upto, len(self.lines)) + 1):
            text = self.line(n)
            m = re.match(r"^(\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:\s+)?)([\"'])", text)
            if not m or text.lstrip().startswith("#"):
                continue
            quote, rest = m.group(2), text[m.end():]
            closed = (re.search(r'(?<!\\)(\\\\)*"', rest) if quote == '"'
                      else re.search(r"'", rest.replace("''", "")))
            if not closed:
                fixed = text.strip() + quote
                return self.problem(n, f"the quote ({quote}) opened on line {n} is never closed",
                                    f"end the text with {quote} on the same line: {fixed}")
        return None

    def misindented(self, number: int) -> Problem:
        """Line `number` is not lined up with the line it belongs with."""
        text = self.line(number)
        dash = text.lstrip().startswith("- ")
        here = _indent(text)
        for n in range(number - 1, 0, -1):
            other = self.line(n)
            if not _is_content(other) or other.lstrip().startswith("- ") != dash:
                continue
            there = _indent(other)
            if there == here:
                break  # a line like it at the same indentation: look no further
            if abs(there - here) <= 3:
                more = "more" if here > there else "less"
                above = " above it" if n == self.previous_content(number) else ""
                return self.problem(number, f"line {number} is indented {_spaces(abs(here - there))} {more} "
                                            f"than line {n}{above}",
                                    f"start it with {_spaces(there)}, like line {n} (2 spaces for each level)")
        return self.problem(number, f"line {number} is not indented like the lines around it",
                            "line it up with the other fields of the same entry: 2 spaces for each level")

    def dash_without_space(self, upto: int) -> Problem | None:
        for n in range(upto, max(upto - 3, 0), -1):
            m = re.match(r"^(\s*)-([A-Za-z_][\w-]*:.*)$", self.line(n))
            if m:
                return self.problem(n, f'line {n} has no space after the "-" that starts an entry',
                                    f"put a space after the dash: - {m.group(2).strip()}")
        return None

    def colon_in_text(self, number: int, column: int) -> Problem | None:
        key = KEY.match(self.line(number))
        if key and key.group(3) and ": " in key.group(3) and column > self.line(number).index(":"):
            dash = "- " if self.line(number).lstrip().startswith("- ") else ""
            return self.problem(number, f'the text on line {number} contains ": ", which YAML reads as the start '
                                        "of another field",
                                f"put the whole text in quotes: {_quoted(key.group(2), key.group(3), dash)}")
        return None

    def special_start(self, number: int) -> Problem | None:
        key = KEY.match(self.line(number))
        value = key.group(3) if key else None
        if value and value[0] in SPECIAL and not (value[0] in "|>" and value[1:].strip(" -+0123456789") == ""):
            if value[0] in "[{" and value.rstrip().endswith("]}"[value[0] == "{"]) and key.group(2) not in ("title", "name"):
                return None  # a list written as [a, b] that failed for another reason
            dash = "- " if self.line(number).lstrip().startswith("- ") else ""
            return self.problem(number, f"the text on line {number} starts with {SPECIAL[value[0]]} ({value[0]}), "
                                        "which has a special meaning in YAML",
                                f"put the whole text in quotes: {_quoted(key.group(2), value, dash)}")
        return None

    def quote_then_text(self, number: int) -> Problem | None:
        key = KEY.match(self.line(number))
        value = key.group(3) if key else ""
        if value and value[0] in "\"'":
            end = value.find(value[0], 1)
            if 0 < end < len(value) - 1:
                dash = "- " if self.line(number).lstrip().startswith("- ") else ""
                return self.problem(number, f"the text on line {number} starts with a quote, so YAML ends it at the "
                                            f"next quote and cannot read the rest ({value[end + 1:].strip()})",
                                    f"put the whole text in quotes of the other kind: "
                                    f"{_quoted(key.group(2), value, dash)}")
        return None

    def block_text_less_indented(self, number: int) -> Problem | None:
        """A line of a `|` text that is indented less than the text's first line."""
        here = _indent(self.line(number))
        for n in range(number - 1, 0, -1):
            text = self.line(n)
            if re.search(r":\s*[|>][-+0-9]*\s*$", text):
                first = next((m for m in range(n + 1, number) if self.line(m).strip()), None)
                if first and _indent(text) < here < _indent(self.line(first)):
                    return self.problem(number, f"line {number} is indented less than the text above it (line {first}), "
                                                "so YAML takes the text to have ended",
                                        f"start it with {_spaces(_indent(self.line(first)))}, like line {first}")
                return None
            if _is_content(text) and _indent(text) < here:
                return None
        return None

    def text_ended(self, number: int) -> Problem | None:
        """Line `number` is text (not a field) that goes on from a field's text above it, but is indented
        no more than that field's name: YAML takes the text to have ended and the line to be a field."""
        text = self.line(number)
        if not _is_content(text) or KEY.match(text) or text.lstrip().startswith("-"):
            return None
        above = self.previous_content(number)
        if not above:
            return None
        for k in range(above, 0, -1):  # the field whose text the line above is part of
            key = KEY.match(self.line(k))
            if key and (k == above or key.start(2) < _indent(self.line(above))):
                break
        else:
            return None
        column, value, here = key.start(2), key.group(3) or "", _indent(text)
        if here > column:
            return None
        if re.fullmatch(r"[|>][-+0-9]*(\s+#.*)?", value) and k < above:
            first = next(m for m in range(k + 1, number) if _is_content(self.line(m)))
            return self.problem(number, f"line {number} is indented less than the text above it (line {first}), "
                                        "so YAML takes the text to have ended",
                                f"start it with {_spaces(_indent(self.line(first)))}, like line {first}")
        if value and value[0] not in "\"'|>[{" and k == above:
            return self.problem(number, f'line {number} is not indented under the field "{key.group(2)}" on line {k}, '
                                        "so YAML cannot tell that it goes on with that text",
                                f"if it goes on with the text, start it with {_spaces(column + 2)} (2 more than "
                                f'"{key.group(2)}"); if it is a field of its own, write its name and ": " first')
        return None

    def text_without_bar(self, upto: int) -> Problem | None:
        """`answer:` left empty with its text on the lines below, indented further: the text needs `|`
        after the colon to belong to the field (YAML reads its lines as fields and gives up later)."""
        for n in range(upto, max(upto - 40, 0), -1):
            m = LIST_KEY.match(self.line(n))
            if not m:
                continue
            below = next((k for k in range(n + 1, upto + 1) if _is_content(self.line(k))), 0)
            text = self.line(below) if below else ""
            if below and _indent(text) > _indent(self.line(n)) and not text.lstrip().startswith("- ") \
                    and not KEY.match(text):
                key = m.group(2)
                return self.problem(n, "nothing follows the colon, so the indented text below is not part of this field",
                                    f'write "{key}: |" on line {n}, so the indented lines below are its text')
            return None  # the nearest field above is not one like that
        return None

    def no_space_after_colon(self, number: int) -> Problem | None:
        m = re.match(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(\S.*)$", self.line(number))
        if m and not m.group(3).startswith("//"):
            return self.problem(number, f"line {number} has no space after the colon",
                                f"put a space after it: {m.group(1).strip() + ' ' if m.group(1).strip() else ''}"
                                f"{m.group(2)}: {m.group(3)}")
        return None

    def explain(self, error: yaml.YAMLError) -> Problem:
        problem = getattr(error, "problem", None) or ""
        context = getattr(error, "context", None) or ""
        mark = getattr(error, "problem_mark", None)
        context_mark = getattr(error, "context_mark", None)
        at = mark.line + 1 if mark else (context_mark.line + 1 if context_mark else 1)
        column = mark.column if mark else 0
        began = context_mark.line + 1 if context_mark else at

        if "quoted scalar" in context:
            return self.unclosed_quote(began) or self.problem(
                began, f"the quote opened on line {began} is never closed", "end the text with the same quote")
        if "flow sequence" in context or "flow mapping" in context:
            bracket, close = ("[", "]") if "sequence" in context else ("{", "}")
            if close in self.line(began)[self.line(began).find(bracket):]:
                return self.unclosed_quote(at) or self.special_start(began) or self.misindented(at)
            return self.unclosed_quote(at) or self.problem(
                began, f'the list that starts with "{bracket}" on line {began} is not closed',
                f'end it with "{close}" on the same line, e.g. topics: [knife-crime, drugs]')
        if "mapping values are not allowed" in problem:
            return (self.unclosed_quote(at) or self.text_without_bar(at) or self.colon_in_text(at, column)
                    or self.dash_without_space(self.previous_content(at)) or self._indented_under_text(at)
                    or self.problem(at, f'line {at} contains ": " where YAML does not expect a new field',
                                    "if it is text, put the whole text in quotes; if it is a field, line it up "
                                    "with the fields above it"))
        if "could not find expected ':'" in problem:
            return (self.unclosed_quote(at) or self.no_space_after_colon(began) or self.text_ended(began)
                    or self.text_without_bar(began)
                    or self.problem(began, f'line {began} should be a field written as "name: value"',
                                    'if it is a field, add ": " after its name; if it goes on with the text above '
                                    "it, line it up with that text"))
        if "cannot start any token" in problem or "alias" in context or "alias" in problem \
                or "block scalar" in context or "mapping keys are not allowed" in problem \
                or "constructor for the tag" in problem or "anchor" in context:
            return self.special_start(at) or self.unclosed_quote(at) or self.problem(at, f"line {at} could not be read", GENERIC_FIX)
        if "single document" in problem + context:
            return self.problem(at, f'line {at} starts a second document ("---")',
                                "remove that line: each data file holds one document")
        if "<block sequence start>" in problem or "<block mapping start>" in problem:
            return (self.unclosed_quote(at) or self.dash_without_space(at) or self.block_text_less_indented(at)
                    or self.text_ended(at) or self.misindented(at))
        if "expected <block end>" in problem or "did not find expected" in problem or "expected <" in problem:
            return (self.unclosed_quote(at) or self.quote_then_text(at) or self.special_start(at)
                    or self.dash_without_space(at) or self.block_text_less_indented(at) or self.misindented(at))
        return self.unclosed_quote(at) or self.problem(at, f"line {at} could not be read", GENERIC_FIX)

    def _indented_under_text(self, number: int) -> Problem | None:
        """A field indented further than a `field: text` line above it, so it reads as more text."""
        above = self.previous_content(number)
        key = KEY.match(self.line(above))
        if above and key and key.group(3) and not key.group(3).startswith(("|", ">")) \
                and _indent(self.line(number)) > _indent(self.line(above)):
            return self.misindented(number)
        if above and _indent(self.line(number)) > _indent(self.line(above)):
            return self.misindented(number)
        return None
