"""The resource directory shaped for its pages and its search (plain Python: nothing of MkDocs here).

The directory page carries only its first results; everything else is made here, in sizes that do
not grow with the data where a reader waits for them:

- one order for every list: by type, in the order of data/vocabularies.yml, then as in the file;
- static list pages for readers without JavaScript, 50 entries to a page: every entry
  (resources/page/<n>/) and each area's local services and the national ones
  (resources/area/<id>/, then resources/area/<id>/<n>/), so every entry is reachable and readable;
- a page for each entry (resources/<id>/), so one service can be sent to someone;
- the pieces the directory's script fetches only when the reader searches or filters: `facets.json`
  (each entry's type, areas, audiences and topics as bit sets, and where its card is),
  `terms/<prefix>.json` (every word of the names, organisations and descriptions, with the entries it
  is in and where: vrp/search/postings.py), `synonyms.json` (the same for the synonym list's single words), the
  result cards 20 to a piece, grouped by first topic (`entries/<n>.json`), and the Near me table
  (`places.json`). They go into a folder named after a hash of their content, so a browser never
  mixes two builds' pieces.

The words are split by vrp/search/words.py, exactly as assets/javascripts/search-engine.mjs splits a query.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import html
import json
import re
from dataclasses import dataclass, field

from vrp.model import LIST_FOLDERS, NATIONAL, Entry, Site, entry_path
from vrp.search.postings import Terms, postings
from vrp.search.site import Doc
from vrp.search.words import STOP_WORDS, words

PER_PAGE = 50  # entries on a static list page
FIRST = 20  # results shown at once on the directory page, and added by "Show more"
PIECE = 20  # result cards in one piece of JSON
DATA_DIR = "assets/directory"
ALL_PAGES, AREA_PAGES = (f"resources/{folder}/" for folder in LIST_FOLDERS)  # every entry; each area's

ORDER = ("When your words name a need, such as knife or domestic abuse, services that help come first and documents "
         "last, unless your words are a document's name. Then entries whose name matches your words come before those "
         "whose topic matches, then those whose organisation matches, then those that only mention them. With an area "
         "chosen, its local services come first among matches about as good; with none, those anyone can use.")

_TAG = re.compile(r"<[^>]+>")


def _type_rank(site) -> dict[str, int]:
    return {t["id"]: i for i, t in enumerate(site.vocabularies["types"])}


def ordered(site: Site) -> list[Entry]:
    """Every entry in the directory's own order: by type, then as in the file."""
    rank = _type_rank(site)
    return sorted(site.entries, key=lambda e: rank[e.type])


def local_to(site: Site, area: str) -> list[Entry]:
    """One area's entries in the directory's order, except that within each type the council's front doors for
    reporting a concern come first, then those for this area alone, then those that cover other areas too."""
    rank = _type_rank(site)
    return sorted(site.entries_for(area), key=lambda e: (rank[e.type], not e.report_a_concern, len(e.areas)))


@dataclass
class ListPage:
    """One static page of a list: all entries, one area's local services, or the national ones."""

    path: str  # e.g. "resources/area/bristol/2/"
    title: str
    heading: str
    about: str
    entries: list
    number: int
    pages: list  # (number, path) of every page of this list
    total: int
    start: int  # the position of the first entry, from 1
    area: str | None = None  # the area whose local list this is

    @property
    def previous(self):
        return self.pages[self.number - 2][1] if self.number > 1 else None

    @property
    def next(self):
        return self.pages[self.number][1] if self.number < len(self.pages) else None


def depth(path: str) -> int:
    """How many folders deep a page is: "resources/area/bristol/" -> 3."""
    return path.strip("/").count("/") + 1


def area_path(area: str, number: int = 1) -> str:
    return f"{AREA_PAGES}{area}/" + (f"{number}/" if number > 1 else "")


def _paged(kind_path, entries, title, heading, about) -> list[ListPage]:
    count = max(1, -(-len(entries) // PER_PAGE))
    paths = [(n, kind_path(n)) for n in range(1, count + 1)]
    return [ListPage(path, f"{title}, page {n} of {count}" if count > 1 else title, heading, about,
                     entries[(n - 1) * PER_PAGE:n * PER_PAGE], n, paths, len(entries), (n - 1) * PER_PAGE + 1)
            for n, path in paths]


def list_pages(site: Site, entries: list[Entry]) -> list[ListPage]:
    """The static lists: every entry, then each area's local services, then the national ones."""
    pages = _paged(lambda n: f"{ALL_PAGES}{n}/", entries, "Every entry in the resource directory",
                   "Every entry in the directory", "Every service, helpline and document, by type.")
    for area in site.areas:
        local = local_to(site, area.id)
        pages += [dataclasses.replace(p, area=area.id) for p in _paged(
            lambda n, a=area.id: area_path(a, n), local, f"Local services and information in {area.label}",
            f"Local services and information in {area.label}",
            f"Services that work in {area.label} come first, the council's numbers for reporting a concern at the top "
            f"and those for {area.label} alone before those for several areas; then guidance, plans and partnerships. "
            "The national helplines and services cover it too.")]
    national = [e for e in entries if e.is_national]
    pages += _paged(lambda n: area_path(NATIONAL, n), national, "National services and helplines",
                    "National services and helplines", "Services anyone in England can use, wherever they live.")
    return pages


def synonym_config(site: Site, topic_index: dict[str, int]) -> list[dict]:
    """The synonym groups as the search engine reads them: words, topic positions, and whether they name a need."""
    return [{"words": g["words"], "topics": [topic_index[t] for t in g.get("topics", [])],
             **({"need": False} if g.get("need") is False else {})} for g in site.synonyms]


def plain(description_html: str) -> str:
    return html.unescape(_TAG.sub(" ", description_html))


def _bits(values, index: dict[str, int]) -> int:
    total = 0
    for v in values:
        total |= 1 << index[v]
    return total


@dataclass
class Directory:
    """Everything the directory's pages and script need, worked out once per build."""

    site: Site
    entries: list = field(init=False)

    def __post_init__(self):
        self.entries = ordered(self.site)
        vocab = self.site.vocabularies
        self.index = {kind: {e["id"]: i for i, e in enumerate(vocab[kind])} for kind in ("types", "audiences", "topics")}
        self.index["areas"] = {e["id"]: i for i, e in enumerate(vocab["areas"])}
        self.index["areas"][NATIONAL] = len(vocab["areas"])
        for kind, ids in self.index.items():
            if len(ids) > 31:  # the script combines them as 32-bit numbers
                raise ValueError(f"data/vocabularies.yml: more than 31 {kind}: the directory's filters hold at most 31")
        # The cards go into pieces grouped by each entry's first topic, so the results of one search, which
        # mostly share a topic, come in a few pieces; the site search keeps the entries in the same order.
        self.grouped = sorted(range(len(self.entries)), key=lambda i: (self.index["topics"][self.entries[i].topics[0]], i))
        self.lists = list_pages(self.site, self.entries)
        self.files = self._data_files()
        self.version = hashlib.sha256("".join(self.files.values()).encode()).hexdigest()[:10]

    @classmethod
    def of(cls, site: Site) -> "Directory":
        """The directory of `site`, worked out on first use and kept with it for the rest of the build."""
        if "_directory" not in site.__dict__:
            site.__dict__["_directory"] = cls(site)
        return site.__dict__["_directory"]

    @property
    def data_dir(self) -> str:
        return f"{DATA_DIR}/{self.version}/"

    @functools.cached_property
    def local_counts(self) -> dict[str, int]:
        """How many entries each area has, and (under "all") how many national ones there are."""
        return self._counts(self.entries)

    @functools.cached_property
    def service_counts(self) -> dict[str, int]:
        """The same, counting only services (a type of kind service), so a list can say "26 services"."""
        return self._counts([e for e in self.entries if e.kind == "service"])

    def _counts(self, entries) -> dict[str, int]:
        counts = {a.id: 0 for a in self.site.areas}
        counts[NATIONAL] = 0
        for e in entries:
            for area in e.areas:
                counts[area] += 1
        return counts

    def _data_files(self) -> dict[str, str]:
        dump = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
        ix = self.index
        card = [0] * len(self.entries)
        for position, doc in enumerate(self.grouped):
            card[doc] = position
        files = {"facets.json": dump({
            "type": [ix["types"][e.type] for e in self.entries],
            "areas": [_bits(e.areas, ix["areas"]) for e in self.entries],
            "audiences": [_bits(e.audiences, ix["audiences"]) for e in self.entries],
            "topics": [_bits(e.topics, ix["topics"]) for e in self.entries],
            "card": card,
        })}
        terms, stop = Terms(), set(STOP_WORDS)
        for doc, e in enumerate(self.entries):
            for where, text in (("name", e.title), ("organisation", e.organisation), ("description", plain(e.description_html))):
                terms.add(doc, where, set(words(text)) - stop)
        shards = terms.shards()
        for key, shard in shards.items():
            files[f"terms/{key}.json"] = dump(shard)
        found = terms.found
        # The synonyms' own words, so that a search for "knife" needs no letter of "blade" or "weapon".
        synonyms = {ws[0] for g in self.site.synonyms for phrase in g["words"] for ws in [words(phrase)] if len(ws) == 1}
        files["synonyms.json"] = dump({w: postings(found[w]) for w in sorted(synonyms) if w in found})
        # The pieces are fetched by the directory page (resources/), one folder below the site's root.
        for start in range(0, len(self.grouped), PIECE):
            files[f"entries/{start // PIECE}.json"] = dump([self.entries[i].card.fields(root="../")
                                                             for i in self.grouped[start:start + PIECE]])
        areas = ix["areas"]
        # Near me and the search box know the places of data/places.yml, and the areas by their names.
        files["places.json"] = dump([{"name": p["name"], "areas": [areas[a] for a in p["areas"]], "also": p.get("also", []),
                                      **({"word": True} if p.get("word") else {})} for p in self.site.places]
                                    + [{"name": a.label, "areas": [areas[a.id]], "also": list(a.also)} for a in self.site.areas])
        self.shards = sorted(shards)
        return files

    def search_docs(self) -> list[Doc]:
        """The entries as the site search shows them, those of one topic together (as the cards' pieces)."""
        return [Doc(title=e.title, url=e.path, context=f"{e.type_label} · {e.organisation}", kind=e.kind,
                    text=plain(e.description_html).strip(), organisation=f"{e.organisation} {e.type_label}",
                    topics=list(e.topics), everyone=e.is_national)
                for e in (self.entries[i] for i in self.grouped)]

    def client_config(self, data_url: str, root: str) -> dict:
        """What the script needs before it fetches anything: labels, synonyms, sizes, where the pieces are
        and the way from the page to the site's root."""
        vocab = self.site.vocabularies
        pick = lambda kind: [{"id": e["id"], "label": e["label"]} for e in vocab[kind]]  # noqa: E731
        return {
            "data": data_url, "root": root, "entry": entry_path("{id}"),  # where an entry's page is (an old link to it)
            "count": len(self.entries), "piece": PIECE, "first": FIRST, "shards": self.shards,
            "areas": pick("areas"), "types": [{**t, "kind": self.site.kinds[t["id"]]} for t in pick("types")],
            "audiences": pick("audiences"), "topics": pick("topics"), "synonyms": synonym_config(self.site, self.index["topics"]),
            "local": self.local_counts, "stop": STOP_WORDS,
        }


def directory_page(site: Site, url) -> dict:
    """What the directory page shows: its first results, the lists to browse, and the script's settings.
    `url(path)` gives a path of the site relative to the page."""
    d = Directory.of(site)
    local = d.local_counts
    root = url("index.md").rstrip("/") + "/"
    first = d.entries[:FIRST]
    # a card for the script to copy, with every part it may fill in
    blank = dataclasses.replace(d.entries[0].card, phone="0", tel="tel:0", email="email@example.org")
    return {"first": first, "root": root, "vocabularies": site.vocabularies, "local": local, "services": d.service_counts,
            "local_total": len(d.entries) - local[NATIONAL], "total": len(d.entries), "per_page": PER_PAGE,
            "order": ORDER, "blank": blank, "config": d.client_config(url(d.data_dir), root)}
