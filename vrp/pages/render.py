"""Turn editor text into safe HTML, and give templates an environment that escapes by default.

Text from data/ is escaped before Markdown sees it, so an editor can never inject markup or
script: `<script>` in a description reaches the reader as the characters "<script>".
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from vrp.data.yamlsource import as_date


_MARKDOWN = markdown.Markdown(extensions=["sane_lists"], output_format="html")  # one, reset for each text
# A text with none of these is one plain paragraph to Markdown: no need to run it (10,000 entries: seconds).
_SYNTAX = re.compile(r"[\\`*_\[\]{}()#+!<>&|~=:\n]|^\s|^-|^\d+[.)]|\s$| {2}")


def markdown_html(text: str, inline: bool = False) -> Markup:
    """Editor Markdown (escaped first) as HTML; `inline` drops the wrapping paragraph."""
    if text and not _SYNTAX.search(text):
        html = f"<p>{escape(text)}</p>"
    else:
        html = _MARKDOWN.reset().convert(str(escape(text)))
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def long_date(value) -> str:
    """2019-09-27 -> 27 September 2019, as GOV.UK writes dates."""
    day = as_date(value)
    return f"{day.day} {day:%B %Y}" if day else str(value)


def money(amount: int) -> str:
    return f"£{amount:,}"


def tel(number: str) -> str:
    """The tel: form of a UK number as people write it."""
    digits = "".join(c for c in str(number) if c.isdigit())
    return f"tel:{digits}"


FILTERS = {"markdown": markdown_html, "long_date": long_date, "money": money, "tel": tel,
           "iso_date": lambda v: as_date(v).isoformat() if as_date(v) else str(v)}


class Undefined(StrictUndefined):
    """Strict when printed, but an absent optional field simply tests false in `{% if %}`."""

    __bool__ = lambda self: False  # noqa: E731


def environment(template_dir: Path) -> Environment:
    """The Jinja environment for generated pages: autoescaping, strict about undefined names."""
    env = Environment(loader=FileSystemLoader(str(template_dir)), autoescape=True, undefined=Undefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(FILTERS)
    env.globals["today"] = dt.date.today()
    return env
