"""Turn editor text into safe HTML, and give our templates the theme's environment, escaping by default.

Text from data/ is escaped before Markdown sees it, so an editor can never inject markup or
script: `<script>` in a description reaches the reader as the characters "<script>". Every Markdown
field of data/ is rendered here, wherever it is shown, so its links are made right for the page it
lands on (vrp.data.links): the `markdown` filter takes the way from that page to the site's root.
"""
from __future__ import annotations

import re

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


def iso_date(value) -> str:
    day = as_date(value)
    return day.isoformat() if day else str(value)


FILTERS = {"markdown": markdown_html, "long_date": long_date, "money": money, "iso_date": iso_date, "at_root": at_root}


class Undefined(StrictUndefined):
    """Strict when printed, but an absent optional field simply tests false in `{% if %}`."""

    __bool__ = lambda self: False  # noqa: E731


def environment(template_dirs) -> Environment:
    """An environment like the theme's (MkDocs' Theme.get_env: a loader over the theme's folders, our overrides/
    first), for where no engine gives us its own: the data check, vrp.prebuild, the tests."""
    return Environment(loader=FileSystemLoader([str(d) for d in template_dirs]), auto_reload=False)


def configure(env: Environment, links=None) -> Environment:
    """Add the project's filters to `env`, the theme's environment, and return the view of it that our own
    templates (overrides/generated/, overrides/partials/) are rendered through: the same loader, filters and
    globals (Environment.overlay shares them), but escaping every value, strict about undefined names, and
    without the blank lines block tags would leave. The theme's templates keep the theme's settings. The
    `markdown` filter takes the way from the page to the site's root, `text|markdown(root)`, and makes the
    text's links right for that page with `links` (the Site's, from vrp.data.links)."""
    env.filters.update(FILTERS)
    env.filters["markdown"] = lambda text, root, inline=False: markdown_html(text, inline, root, links)
    ours = env.overlay(autoescape=True, undefined=Undefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)
    cards: dict[str, str] = {}

    def card(entry, root: str) -> Markup:
        """An entry's card (partials/resource.html), rendered once a build and then shown at any depth: at
        10,000 entries each card is on three or four pages of lists."""
        if entry.id not in cards:
            cards[entry.id] = ours.get_template("partials/resource.html").render(c=entry.card, root=SITE_ROOT)
        return at_root(cards[entry.id], root)

    env.globals["card"] = card
    return ours
