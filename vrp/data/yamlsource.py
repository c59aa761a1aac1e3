"""Read a YAML file into plain Python data while remembering the line of every value.

Editors need messages that point at a line; PyYAML's composed nodes carry it, so we keep a
map from each value's path (the same path JSON Schema reports) to its 1-based line.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from vrp.data.problems import Problem
from vrp.data.yamlerrors import GENERIC_FIX, Explainer


@dataclass
class Source:
    path: str  # as shown to editors, e.g. "data/faq.yml"
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)
    key_lines: dict[tuple, int] = field(default_factory=dict)  # where a field's name is written
    text: str = ""  # the file as an editor sees it, without a byte-order mark
    plain: dict[tuple, str] = field(default_factory=dict)  # unquoted values as written

    def written(self, path) -> str | None:
        """An unquoted value exactly as the editor wrote it (`no`, `0700`), or None."""
        return self.plain.get(tuple(path))

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


class _PyLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as strings, so a schema can say what is wrong with one."""


# Drop the implicit timestamp resolver: "2024-13-01" must reach validation, not crash here.
_PyLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# libyaml's parser where PyYAML was built with it: ten times quicker on a large file, with the same
# nodes and lines. Its error messages are worded differently, so a file it cannot read is read again
# by PyYAML's own parser, whose messages vrp/data/yamlerrors.py explains.
_Loader = type("_Loader", (getattr(yaml, "CSafeLoader", _PyLoader),),
               {"yaml_implicit_resolvers": _PyLoader.yaml_implicit_resolvers})


def _construct(node, loader_class=_Loader):
    """The plain data of a composed document, without reading the text a second time."""
    loader = loader_class("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _walk(node, path, lines, key_lines, plain):
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            key_lines[path + (key.value,)] = key.start_mark.line + 1
            _walk(value, path + (key.value,), lines, key_lines, plain)
            if isinstance(value, yaml.ScalarNode) and value.style in ("|", ">"):
                lines[path + (key.value,)] = key.start_mark.line + 1  # the line that names the field
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), lines, key_lines, plain)
    elif isinstance(node, yaml.ScalarNode) and not node.style:  # None from PyYAML, "" from libyaml
        plain[path] = node.value  # as written: `no` or `0700` before YAML made it false or 448


def _duplicate_keys(node, explainer, problems):
    """PyYAML silently keeps the last of two equal keys; an editor needs to hear about it."""
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            if key.value in seen:
                line = key.start_mark.line + 1
                record, _ = explainer.where(line)
                fix = "keep only one of them"
                if key.value in ("id", "name"):
                    fix += ', or if it starts a new entry, begin that line with "- " like the entries above'
                problems.append(Problem(explainer.shown, line, f'the field "{key.value}" appears twice in one record',
                                        fix, record, str(key.value)))
            seen.add(key.value)
            _duplicate_keys(value, explainer, problems)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _duplicate_keys(item, explainer, problems)


def _tab_lines(text: str) -> list[int]:
    return [number for number, line in enumerate(text.splitlines(), 1)
            if "\t" in line[: len(line) - len(line.lstrip(" \t"))]]


def _compose(text: str, shown: str):
    """Compose `text`, reading a tab inside a line's text as a space (YAML itself accepts it there;
    PyYAML does not). Returns (node, data, problems)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
        return node, None if node is None else _construct(node), []  # tags such as `!Important` fail here
    except yaml.MarkedYAMLError:
        pass  # read again below by PyYAML's own parser, for its messages and the tabs it can be helped past
    for _ in range(text.count("\t") + 1):
        try:
            node = yaml.compose(text, Loader=_PyLoader)
            return node, None if node is None else _construct(node, _PyLoader), []
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark
            if mark and "'\\t'" in (error.problem or "") and text[mark.index:mark.index + 1] == "\t":
                line = text.splitlines()[mark.line]
                if line[: mark.column].strip(" \t"):  # inside the text, not the indentation
                    text = text[:mark.index] + " " + text[mark.index + 1:]
                    continue
                explainer = Explainer(shown, text)
                return None, text, [Problem(shown, number, "this line is indented with a tab",
                                            "YAML needs spaces: replace the tab with spaces (2 per level)",
                                            *explainer.where(number))
                                    for number in _tab_lines(text)]
            return None, text, [Explainer(shown, text).explain(error)]
    return None, text, [Problem(shown, 1, "the file could not be read", GENERIC_FIX)]


def read(file: Path, shown: str) -> tuple[Source | None, list[Problem]]:
    """Parse `file`. Returns no Source when it cannot be read as data at all."""
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark, as some editors save, is not content
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, "the file is not saved as UTF-8 text (a character on this line, "
                                           "such as £ or a curly quote, is in another encoding)",
                              "save the file as UTF-8, or retype that character in GitHub's editor")]
    node, data, problems = _compose(text, shown)
    if problems:
        return None, problems
    if node is None:
        return None, [Problem(shown, 1, "the file is empty",
                              "restore its content from the last version on GitHub")]
    _duplicate_keys(node, Explainer(shown, text), problems)
    lines: dict[tuple, int] = {}
    key_lines: dict[tuple, int] = {}
    plain: dict[tuple, str] = {}
    _walk(node, (), lines, key_lines, plain)
    return Source(shown, data, lines, key_lines, text, plain), problems


def as_date(value) -> dt.date | None:
    """A YYYY-MM-DD string as a date, or None if it is not a real date."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None
