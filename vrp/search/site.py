"""The site search's index: every section of the built pages, and every directory entry, in pieces
that a browser fetches only when a query needs them (docs/assets/javascripts/site-search.mjs reads them
with search-engine.mjs).

It reads the built HTML, not Markdown, so it indexes what a reader sees whatever made the page, and would
survive a change of theme or engine. A page is split at each heading with an id (h2, h3): a result leads
to its section. A page says what kind of page it is with `search: {kind: ...}` in its front matter
(main.html writes it as <meta name="vrp-search">): `service` (Get help), `document` (the strategies) or
`exclude`; other pages are `other`. A heading may name topics (`data-search-topics`), as Get help's do.

Files, under search/: index.json (the settings: a version, the synonym groups, the small words, each
doc's kind), and under search/<version>/: terms/<prefix>.json, topics/<i>.json and docs/<n>.json.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from vrp.search.postings import Terms, postings
from vrp.search.words import STOP_WORDS, words

PIECE = 16  # docs in one piece of docs/<n>.json
TEXT = 300  # characters of a doc's text kept to show around the words found
KINDS = {"service": "s", "other": "o", "document": "d"}
SKIP_TAGS = {"script", "style", "svg", "template", "form", "nav", "button", "select", "textarea", "noscript"}
SKIP_CLASSES = {"headerlink", "vrp-visually-hidden"}
FOLDER = "search"


@dataclass
class Doc:
    """One result of the site search: a section of a page, or a directory entry."""

    title: str
    url: str  # from the site's root, e.g. "help/#domestic-abuse"
    context: str  # the page's title, or an entry's type and organisation
    kind: str  # service, other or document
    everyone: bool = False  # a service anyone can use, wherever they live: a national entry, or Get help
    text: str = ""
    organisation: str = ""  # words counted as the organisation's (2 points): a section's page title
    topics: list[str] = field(default_factory=list)


class _Sections(HTMLParser):
    """Splits a page's article into sections at headings with an id, skipping what is not read as text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.kind, self.title, self.sections = "other", "", []
        self._article = 0  # depth inside the article, 0 outside
        self._skip = []  # the tags that opened a skipped element, innermost last
        self._heading = None  # [level, id, topics, text] while inside a heading
        self._stack = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("name") == "vrp-search":
            self.kind = a.get("content") or "other"
        if tag == "article" and "md-content__inner" in (a.get("class") or ""):
            self._article = 1
            return
        if not self._article or tag in ("br", "img", "hr", "input", "meta", "link", "wbr"):
            return
        self._article += 1
        classes = set((a.get("class") or "").split())
        if self._skip or tag in SKIP_TAGS or classes & SKIP_CLASSES or "data-search-exclude" in a or "hidden" in a:
            self._skip.append(self._article)
            return
        if tag in ("h1", "h2", "h3"):
            self._heading = [tag, a.get("id"), (a.get("data-search-topics") or "").split(), []]
        elif tag in ("p", "li", "td", "th", "dd", "dt", "div", "h4", "h5", "h6") and self.sections:
            self.sections[-1]["text"].append(" ")

    def handle_endtag(self, tag):
        if not self._article or tag in ("br", "img", "hr", "input", "meta", "link", "wbr"):
            return
        if self._skip and self._skip[-1] == self._article:
            self._skip.pop()
        elif self._heading and tag == self._heading[0]:
            level, ident, topics, text = self._heading
            text = " ".join("".join(text).split())
            if level == "h1":
                self.title = text
                self.sections.append({"id": None, "title": text, "topics": topics, "text": []})
            elif ident:
                self.sections.append({"id": ident, "title": text, "topics": topics, "text": []})
            elif self.sections:
                self.sections[-1]["text"].append(" " + text + " ")
            self._heading = None
        self._article -= 1

    def handle_data(self, data):
        if not self._article or self._skip:
            return
        if self._heading:
            self._heading[3].append(data)
        elif self.sections:
            self.sections[-1]["text"].append(data)


def page_docs(html: str, url: str) -> list[Doc]:
    """The sections of one built page (none if it says `exclude`), each with its words' text."""
    parser = _Sections()
    parser.feed(html)
    if parser.kind == "exclude":
        return []
    kind = parser.kind if parser.kind in KINDS else "other"
    docs = []
    for s in parser.sections:
        text = " ".join("".join(s["text"]).split())
        if not text and s["id"] is None:
            continue
        docs.append(Doc(title=s["title"], url=url + (f"#{s['id']}" if s["id"] else ""), context=parser.title, kind=kind,
                        text=text, organisation=parser.title if s["id"] else "", topics=s["topics"],
                        everyone=kind == "service"))  # Get help: numbers anyone can call
    return docs


def site_pages(site_dir: Path, skip=("resources/", "assets/", "search/", "404.html")) -> list[Doc]:
    """The sections of every page of the built site, but the directory's own pages (entries come from data)."""
    docs = []
    for file in sorted(site_dir.rglob("index.html")):
        rel = file.relative_to(site_dir).as_posix()
        url = rel.removesuffix("index.html")
        if rel.startswith(skip) and url != "resources/":
            continue
        docs += page_docs(file.read_text(encoding="utf-8"), url)
    return docs


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _excerpt(text: str) -> str:
    if len(text) <= TEXT:
        return text
    cut = text[:TEXT].rsplit(" ", 1)[0]
    return cut + "…"


def index_files(docs: list[Doc], topics: list[dict], synonyms: list[dict]) -> dict[str, str]:
    """The files of the site search's index for `docs` (in the order given: keep a page's sections, and
    entries of a topic, together, so one query's results come in few pieces)."""
    terms, stop = Terms(), set(STOP_WORDS)
    topic_index = {t["id"]: i for i, t in enumerate(topics)}
    by_topic: dict[int, dict[int, int]] = {}
    for doc, d in enumerate(docs):
        terms.add(doc, "name", set(words(d.title)) - stop)
        terms.add(doc, "organisation", set(words(d.organisation)) - stop)
        terms.add(doc, "description", set(words(d.text)) - stop)
        for t in d.topics:
            by_topic.setdefault(topic_index[t], {})[doc] = 8
    pieces = {}
    shards = terms.shards()
    for key, shard in shards.items():
        pieces[f"terms/{key}.json"] = _dump(shard)
    for i, found in by_topic.items():
        pieces[f"topics/{i}.json"] = _dump(postings(found))
    for start in range(0, len(docs), PIECE):
        pieces[f"docs/{start // PIECE}.json"] = _dump([{"title": d.title, "url": d.url, "context": d.context,
                                                        "text": _excerpt(d.text)} for d in docs[start:start + PIECE]])
    version = hashlib.sha256("".join(pieces[k] for k in sorted(pieces)).encode()).hexdigest()[:10]
    config = {"version": version, "count": len(docs), "piece": PIECE, "shards": sorted(shards), "stop": STOP_WORDS,
              "kinds": "".join(_kind(d) for d in docs), "topics": [t["label"] for t in topics],
              "synonyms": synonyms}
    files = {f"{FOLDER}/index.json": _dump(config)}
    files.update({f"{FOLDER}/{version}/{name}": text for name, text in pieces.items()})
    return files


def _kind(doc: Doc) -> str:
    """Its kind in one letter; a service anyone can use in capitals ("S"), for the point the engine gives it
    when no area is chosen (search-engine.mjs: the same rule as the directory's)."""
    letter = KINDS[doc.kind]
    return letter.upper() if doc.everyone and doc.kind == "service" else letter


def write(site_dir: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        target = site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

