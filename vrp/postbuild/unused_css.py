"""Drop the theme's CSS that can match nothing on this site.

Material ships one stylesheet for every feature it has (content tabs, annotations, code blocks,
blog, versions, twenty colour palettes...). Readers on a slow phone download and match all of it
before the first paint. A rule is kept if it could ever apply: a selector survives when every
class it needs appears in a built page's `class` attribute or anywhere in the site's scripts (the
theme's script may add it later), and every `[attribute=value]` it needs appears in a page or a
script. Classes inside `:not()` never remove a selector; `:is()`, `:where()` and `:has()` need one
live alternative. Custom properties and keyframes that nothing uses any more go too.

Only what can never match is removed, so pages look the same (tests/test_unused_css.py compares
every element's computed style with and without this step in a browser).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2
from tinycss2.ast import FunctionBlock, IdentToken, LiteralToken, SquareBracketsBlock, StringToken

CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
ATTRIBUTE = re.compile(r'\s([\w:-]+)="([^"]*)"')
WORD = re.compile(r"[\w-]+")
ANY_OF = {"is", "where", "has", "matches", "-webkit-any", "-moz-any"}
GROUPING = {"media", "supports", "container", "layer"}
THEME_CSS = ("main.*.min.css", "palette.*.min.css")  # Material's stylesheets, in assets/stylesheets


@dataclass
class Usage:
    """Every class and attribute value the pages carry, and every word the scripts contain."""

    classes: set[str] = field(default_factory=set)
    attributes: set[tuple[str, str]] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    text: list[str] = field(default_factory=list)  # where custom properties and animations may be named

    def add_html(self, html: str) -> None:
        for value in CLASS_ATTRIBUTE.findall(html):
            self.classes.update(value.split())
        self.attributes.update(ATTRIBUTE.findall(html))
        self.text.append(html)

    def add_script(self, script: str) -> None:
        self.words.update(WORD.findall(script))
        self.text.append(script)

    def has_class(self, name: str) -> bool:
        return name in self.classes or name in self.words

    def has_attribute(self, name: str, value: str) -> bool:
        return (name, value) in self.attributes or value in self.words


def split_selectors(tokens: list) -> list[list]:
    """A selector list's selectors (commas inside brackets or functions are not at this level)."""
    parts: list[list] = [[]]
    for token in tokens:
        if isinstance(token, LiteralToken) and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _attribute(block: SquareBracketsBlock) -> tuple[str, str] | None:
    """(name, value) of `[name=value]`; None for other forms, which never remove a selector."""
    tokens = [t for t in block.content if t.type != "whitespace"]
    if len(tokens) == 3 and isinstance(tokens[0], IdentToken) and getattr(tokens[1], "value", None) == "=" \
            and isinstance(tokens[2], (IdentToken, StringToken)):
        return tokens[0].value, tokens[2].value
    return None


def can_match(tokens: list, usage: Usage) -> bool:
    """Whether one selector could match some element of this site, now or after its scripts run."""
    for i, token in enumerate(tokens):
        after_dot = i > 0 and isinstance(tokens[i - 1], LiteralToken) and tokens[i - 1].value == "."
        if isinstance(token, IdentToken) and after_dot and not usage.has_class(token.value):
            return False
        if isinstance(token, SquareBracketsBlock):
            pair = _attribute(token)
            if pair and not usage.has_attribute(*pair):
                return False
        if isinstance(token, FunctionBlock) and token.lower_name in ANY_OF:
            if not any(can_match(part, usage) for part in split_selectors(token.arguments)):
                return False
    return True


def _rules(rules: list, keep) -> str:
    """Serialise `rules`, asking `keep(rule)` for each style rule's new text ('' drops it)."""
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            out.append(keep(rule))
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in GROUPING:
            inner = _rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), keep)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type == "at-rule":  # @keyframes, @font-face, @page...: kept as they are
            out.append(rule.serialize())
    return "".join(out)


def selectors(css: str) -> set[str]:
    """Every selector in `css`, inside @media and @supports too."""
    found: set[str] = set()

    def note(rule) -> str:
        found.update(tinycss2.serialize(part).strip() for part in split_selectors(rule.prelude))
        return ""
    _rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), note)
    return found


def drop_selectors(css: str, usage: Usage) -> str:
    """Selectors that can never match go; a rule with none left goes too."""
    def keep(rule) -> str:
        live = [tinycss2.serialize(part).strip() for part in split_selectors(rule.prelude) if can_match(part, usage)]
        return f"{','.join(live)}{{{tinycss2.serialize(rule.content)}}}" if live else ""
    return _rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), keep)


def drop_unused_definitions(css: str, elsewhere: str, script_words: set[str] = frozenset()) -> str:
    """Custom properties that no `var()` and no script reads, and keyframes no animation names,
    until none is left."""
    while True:
        text = css + elsewhere
        read = set(re.findall(r"var\(\s*(--[\w-]+)", text)) | script_words
        animated = set(WORD.findall(" ".join(re.findall(r"animation(?:-name)?\s*:([^;}]*)", text))))

        def keep(rule, read=read) -> str:  # this round's `read`, bound now
            declarations = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            kept = [d for d in declarations if not (d.type == "declaration" and d.name.startswith("--")
                                                    and d.name not in read)]
            if not kept:
                return ""
            body = ";".join(d.serialize() for d in kept)
            return f"{tinycss2.serialize(rule.prelude).strip()}{{{body}}}"

        sheet = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
        sheet = [r for r in sheet if not (r.type == "at-rule" and r.lower_at_keyword == "keyframes"
                                          and tinycss2.serialize(r.prelude).strip() not in animated)]
        smaller = _rules(sheet, keep)
        if smaller == css:
            return css
        css = smaller


def purge(css: str, usage: Usage, elsewhere: str = "") -> str:
    """`css` without what can never apply; `elsewhere` is any other text that may use its custom
    properties or keyframes (our own stylesheets, pages, scripts)."""
    return drop_unused_definitions(drop_selectors(css, usage), elsewhere + "".join(usage.text), usage.words)


def trim(site: Path) -> None:
    """Every theme stylesheet of the built site (THEME_CSS) without what no page or script can use. Run once every
    page and script is written, so a page that starts to use a feature (an admonition, a table) keeps its styles
    with no list to maintain. The files keep their names; their source maps no longer match and are removed."""
    usage = Usage()
    for page in site.rglob("*.html"):
        usage.add_html(page.read_text(encoding="utf-8"))
    for script in site.joinpath("assets", "javascripts").rglob("*.js"):
        if "lunr" not in script.parts:  # the theme's search's language files only split words
            usage.add_script(script.read_text(encoding="utf-8"))
    styles = site / "assets" / "stylesheets"
    theme = [css for pattern in THEME_CSS for css in styles.glob(pattern)]
    sheets = {css: css.read_text(encoding="utf-8") for css in styles.rglob("*.css")}
    for css in theme:
        elsewhere = "".join(text for other, text in sheets.items() if other != css)
        sheets[css] = purge(sheets[css], usage, elsewhere)
        css.write_text(sheets[css], encoding="utf-8")
        css.with_name(css.name + ".map").unlink(missing_ok=True)
