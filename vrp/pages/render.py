"""Turn editor text into safe HTML, and give templates an environment that escapes by default.

Text from data/ is escaped before Markdown sees it, so an editor can never inject markup or
script: `<script>` in a description reaches the reader as the characters "<script>". Every Markdown
field of data/ is rendered here, wherever it is shown, so its links are made right for the page it
lands on (vrp.data.links): the `markdown` filter takes the way from that page to the site's root.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import markdown
from markdown.treeprocessors import Treeprocessor
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from vrp.data.yamlsource import as_date


class _Links(Treeprocessor):
    """Each link's address as `rewrite(address)` gives it (none: as written)."""

    rewrite = None

    def run(self, root):
        if self.rewrite is not None:
            for link in root.iter("a"):
                link.set("href", self.rewrite(link.get("href", "")))


_MARKDOWN = markdown.Markdown(extensions=["sane_lists"], output_format="html")  # one, reset for each text
_LINKS = _Links(_MARKDOWN)
_MARKDOWN.treeprocessors.register(_LINKS, "vrp-links", 0)  # last: after the links are made
# A text with none of these is one plain paragraph to Markdown: no need to run it (10,000 entries: seconds).
_SYNTAX = re.compile(r"[\\`*_\[\]{}()#+!<>&|~=:\n]|^\s|^-|^\d+[.)]|\s$| {2}")
# Stands for the way to the site's root in HTML made once and shown on pages at several depths.
SITE_ROOT = "\x00root\x00"


def markdown_html(text: str, inline: bool = False, root: str | None = None, links=None) -> Markup:
    """Editor Markdown (escaped first) as HTML; `inline` drops the wrapping paragraph. With `links`
    (target, root -> href, from vrp.data.links) each link to our pages is made relative to the page at
    `root`, the way from it to the site's root ('../../', or SITE_ROOT to fill in later)."""
    if text and not _SYNTAX.search(text):
        html = f"<p>{escape(text)}</p>"
    else:
        _LINKS.rewrite = (lambda href: links(href, root)) if links is not None and root is not None else None
        try:
            html = _MARKDOWN.reset().convert(str(escape(text)))
        finally:
            _LINKS.rewrite = None
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def at_root(html: str, root: str) -> Markup:
    """HTML made with SITE_ROOT, for the page at `root`."""
    return Markup(str(html).replace(SITE_ROOT, root))


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


def environment(template_dir: Path, links=None) -> Environment:
    """The Jinja environment for generated pages: autoescaping, strict about undefined names. Its
    `markdown` filter takes the way from the page to the site's root, `text|markdown(root)`, and makes
    the text's links right for that page with `links` (the Site's, from vrp.data.links)."""
    env = Environment(loader=FileSystemLoader(str(template_dir)), autoescape=True, undefined=Undefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(FILTERS)
    env.filters["markdown"] = lambda text, root, inline=False: markdown_html(text, inline, root, links)
    env.globals["today"] = dt.date.today()
    return env
