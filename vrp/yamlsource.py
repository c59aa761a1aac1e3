"""Read a YAML file into plain Python data while remembering the line of every value.

Editors need messages that point at a line; PyYAML's composed nodes carry it, so we keep a
map from each value's path (the same path JSON Schema reports) to its 1-based line.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from vrp.problems import Problem


@dataclass
class Source:
    path: str  # as shown to editors, e.g. "data/faq.yml"
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)
    key_lines: dict[tuple, int] = field(default_factory=dict)  # where a field's name is written
    text: str = ""

    def line(self, path) -> int:
        """The line of the value at `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def line_of(self, path, needle: str) -> int:
        """The line inside a long text value where `needle` is written (a link in an answer, say)."""
        start = self.line(path)
        for number, line in enumerate(self.text.splitlines()[start - 1:start + 200], start):
            if needle in line:
                return number
        return start


# libyaml's parser where PyYAML was built with it (ten times quicker on a large file), else PyYAML's own;
# both give the same nodes, lines and errors.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """SafeLoader that keeps dates as strings, so a schema can say what is wrong with one."""


# Drop the implicit timestamp resolver: "2024-13-01" must reach validation, not crash here.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct(node):
    """The plain data of a composed document, without reading the text a second time."""
    loader = _Loader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _walk(node, path, lines, key_lines):
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            key_lines[path + (key.value,)] = key.start_mark.line + 1
            _walk(value, path + (key.value,), lines, key_lines)
            if isinstance(value, yaml.ScalarNode) and value.style in ("|", ">"):
                lines[path + (key.value,)] = key.start_mark.line + 1  # the line that names the field
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), lines, key_lines)


def _duplicate_keys(node, shown, problems):
    """PyYAML silently keeps the last of two equal keys; an editor needs to hear about it."""
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            if key.value in seen:
                problems.append(Problem(shown, key.start_mark.line + 1,
                                        f'the field "{key.value}" appears twice in one record',
                                        "keep only one of them", field=str(key.value)))
            seen.add(key.value)
            _duplicate_keys(value, shown, problems)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _duplicate_keys(item, shown, problems)


def read(file: Path, shown: str) -> tuple[Source | None, list[Problem]]:
    """Parse `file`. Returns no Source when it cannot be read as data at all."""
    text = file.read_text(encoding="utf-8")
    tabs = [Problem(shown, number, "this line is indented with a tab",
                    "YAML needs spaces: replace the tab with spaces (2 per level)")
            for number, line in enumerate(text.splitlines(), 1)
            if "\t" in line[: len(line) - len(line.lstrip())]]
    if tabs:
        return None, tabs
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = error.problem or "this is not valid YAML"
        return None, [Problem(shown, mark.line + 1 if mark else 1, f"YAML syntax error: {what}",
                              "check the indentation on this line and the one before, and put "
                              "text that contains ': ' or starts with a quote or * in quotes")]
    if node is None:
        return None, [Problem(shown, 1, "the file is empty",
                              "restore its content from the last version on GitHub")]
    problems: list[Problem] = []
    _duplicate_keys(node, shown, problems)
    data = _construct(node)
    lines: dict[tuple, int] = {}
    key_lines: dict[tuple, int] = {}
    _walk(node, (), lines, key_lines)
    return Source(shown, data, lines, key_lines, text), problems


def as_date(value) -> dt.date | None:
    """A YYYY-MM-DD string as a date, or None if it is not a real date."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None
