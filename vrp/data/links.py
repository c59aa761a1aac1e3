"""Links in the data's Markdown text: written one way, checked once, right on every page they land on.

An editor links to one of our pages by its file in docs/, written from the top of the site whatever page
the text is shown on (CONTRIBUTING.md): `faq.md`, `faq.md#question-id`, `spokes/bristol.md`, and
`resources.md#entry-id` for a directory entry's own page. The same text can land on several pages (a
description on the directory, on its entry's page and on an area's page), so:

- `problem()` checks a link when the data is checked, and words what is wrong for the editor;
- `address()` says where a link goes from the site's root (`faq/#question-id`, `resources/childline/`);
- `href()` makes that relative to the page the text is shown on, given the way from that page to the
  root (`../../` on an area's page): the Markdown rendering of data text applies it to every link.

So a link in data/ reaches the built HTML already resolved; the build's link check is left with the
hand-written pages in docs/.
"""
from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass, field
from typing import Callable, Container

from vrp.model import entry_path, page_path

EXTERNAL = re.compile(r"(https?://|mailto:|tel:)", re.I)
OURS = re.compile(r"(?P<page>[\w-]+(?:/[\w-]+)*\.md)(?:#(?P<anchor>[\w-]+))?")  # faq.md, spokes/bristol.md#x
DIRECTORY = "resources.md"
EXAMPLES = ("faq.md", "help.md", "spokes/bristol.md", "resources.md")  # pages to name when nothing is near  # `resources.md#<id>` is the entry's own page, resources/<id>/


page_address = page_path  # where the engine publishes a page of docs/: faq.md -> faq/, index.md -> ''


@dataclass
class Page:
    """One of our pages, with the anchors (#ids) it has once rendered (vrp.manifest.pages)."""

    anchors: set[str] = field(default_factory=set)
    complete: bool = True  # False: the page may have ids we cannot know before the build

    def has(self, anchor: str) -> bool | None:
        """True or False, or None when the page may have ids we cannot know."""
        return True if anchor in self.anchors else (False if self.complete else None)


def address(target: str, entries: Container[str]) -> str:
    """Where a link written as CONTRIBUTING.md says goes, from the site's root: `faq.md#x` -> `faq/#x`,
    `resources.md#childline` -> `resources/childline/` when childline is an entry (or a retired one)."""
    found = OURS.fullmatch(target)
    page, anchor = found.group("page"), found.group("anchor")
    if page == DIRECTORY and anchor in entries:
        return entry_path(anchor)
    return page_address(page) + (f"#{anchor}" if anchor else "")


def href(target: str, root: str, entries: Container[str]) -> str:
    """The link as the page at `root` (the way from it to the site's root, e.g. '../../') must write it.
    Web addresses, email and phone links are kept as they are."""
    if not OURS.fullmatch(target):
        return target
    return (root + address(target, entries)) or "./"


def is_index(page: str) -> bool:
    return page == "index.md" or page.endswith("/index.md")


@dataclass
class Checker:
    """What a link in data/ may point to: our pages with their anchors, the directory's entries, and
    the entries taken out of it (data/retired.yml: id -> when, as words)."""

    pages: dict[str, Page]
    entries: Container[str]
    retired: dict[str, str] = field(default_factory=dict)

    def _suggest_page(self, page: str, own: set[str]) -> str | None:
        """A real page for a mistyped one: never the text's own page or an index page (a list of links)."""
        choices = sorted(p for p in self.pages if p not in own and not is_index(p))
        name = posixpath.basename(page)
        same_name = [p for p in choices if posixpath.basename(p) == name]
        if len(same_name) == 1:
            return same_name[0]
        near = difflib.get_close_matches(page, choices, n=1, cutoff=0.6)
        return near[0] if near else None

    def _entry(self, ident: str) -> tuple[str, str] | None:
        """Said of a link to a directory entry that is not there (None: the entry is there)."""
        if ident in self.entries:
            return None
        target = f"{DIRECTORY}#{ident}"
        if ident in self.retired:
            return (f'links to "{target}", a service that is no longer listed: it was taken out of the directory '
                    f"{self.retired[ident]} (data/retired.yml)", "remove this link or choose another entry")
        near = difflib.get_close_matches(ident, sorted(i for i in self.entries if isinstance(i, str)), n=1, cutoff=0.6)
        return (f'links to "{target}", but the directory has no entry "{ident}"',
                f'did you mean "{DIRECTORY}#{near[0]}"?' if near else
                "use the id of an entry in data/resources.yml after the #, e.g. resources.md#childline")

    def problem(self, target: str, home: str | None = None) -> tuple[str, str] | None:
        """(what is wrong, what to do) for a link written in data text, or None when it is right.
        `home` is the page the text belongs to, which is never suggested for a mistyped page."""
        own = {home} if home else set()
        if EXTERNAL.match(target):
            return None
        found = OURS.fullmatch(target)
        if found:
            page, anchor = found.group("page"), found.group("anchor")
        elif re.fullmatch(r"#[\w-]+", target):
            return self._bare_anchor(target, home)
        else:
            return self._not_ours(target, own)
        entry = re.fullmatch(r"resources/([\w-]+)\.md", page)
        if page not in self.pages and entry and (entry.group(1) in self.entries or entry.group(1) in self.retired):
            return (f'links to "{target}", but a directory entry is linked by its id',
                    f"write {DIRECTORY}#{entry.group(1)}: it opens the entry's own page")
        if page not in self.pages:
            ident = posixpath.basename(page).removesuffix(".md")
            if ident in self.entries:
                fix = f'did you mean the directory entry "{DIRECTORY}#{ident}"?'
            else:
                near = self._suggest_page(page, own)
                examples = " or ".join([p for p in EXAMPLES if p in self.pages and p not in own][:2]) or "faq.md"
                fix = (f'did you mean "{near}"?' if near else
                       f"link to one of our pages by its file name in docs/, such as {examples}")
            return f'links to "{target}", but there is no such page', fix
        if anchor is None:
            return None
        if page == DIRECTORY and (anchor in self.entries or anchor in self.retired or not self.pages[page].has(anchor)):
            return self._entry(anchor)
        if not self.pages[page].has(anchor):
            anchors = sorted(self.pages[page].anchors)
            near = difflib.get_close_matches(anchor, anchors, n=1, cutoff=0.6)
            return (f'links to "{target}", but {page} has no heading or entry "#{anchor}"',
                    f'did you mean "{page}#{near[0]}"?' if near else
                    f"link to a heading or question that {page} has, or to the page alone ({page})")
        return None

    def _bare_anchor(self, target: str, home: str | None) -> tuple[str, str]:
        """`#question-id` alone: right on one page only, and the same text may be shown on others."""
        anchor = target[1:]
        having = [p for p in ([home] if home in self.pages else []) + sorted(self.pages) if self.pages[p].has(anchor)]
        near = difflib.get_close_matches(anchor, sorted(self.pages[home].anchors), n=1, cutoff=0.6) if home in self.pages else []
        if having:
            fix = f"write the page before the #: {having[0]}{target}"
        elif near:
            fix = f'write the page before the #: did you mean "{home}#{near[0]}"?'
        else:
            fix = "write the page before the #, e.g. faq.md#question-id"
        return (f'links to "{target}" without its page (a link in a data file always names its page, because '
                "the text can be shown on other pages too)", fix)

    def _not_ours(self, target: str, own: set[str]) -> tuple[str, str]:
        """A link that is neither a web address nor one of our pages written as CONTRIBUTING.md says."""
        written = target.split("#", 1)
        path, anchor = written[0], (f"#{written[1]}" if len(written) > 1 else "")
        norm = posixpath.normpath(path.lstrip("/")) if path else ""
        while norm.startswith("../"):
            norm = norm[3:]
        if path and OURS.fullmatch(norm + anchor) and norm in self.pages:
            return (f'links to "{target}", but a link to one of our pages starts with the page\'s file name, '
                    'without "../" or "/" before it, whatever page the text is shown on', f"write {norm}{anchor}")
        published = {page_address(p).rstrip("/"): p for p in self.pages}
        entry = re.fullmatch(r"resources/([\w-]+)/?", norm)
        if entry and entry.group(1) in self.entries:
            return (f'links to "{target}", but a directory entry is linked by its id',
                    f"write {DIRECTORY}#{entry.group(1)}: it opens the entry's own page")
        page = published.get(re.sub(r"(/?index\.html|\.html)$", "", norm)) if path else None
        if page:
            return (f'links to "{target}", which is the page\'s web address, but our pages are linked by their '
                    "file name", f"write {page}{anchor}")
        if re.match(r"(www\.|[\w-]+\.(org|uk|com|gov|nhs|net)\b)", target, re.I):
            return (f'links to "{target}", which is not a full web address',
                    f"write it starting with https://, e.g. https://{target}")
        return (f'has a link to "{target}" that is not allowed',
                "link to a full web address starting with https://, or to one of our pages by its file name "
                "in docs/, such as faq.md")


def render_links(entries: Container[str]) -> Callable[[str, str], str]:
    """What the Markdown rendering of data text calls for each link: (target, root) -> href."""
    return lambda target, root: href(target, root, entries)
