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

import functools
import hashlib
import html
import json
import re
from dataclasses import dataclass, field

from vrp.data.problems import Problem
from vrp.pages.render import SITE_ROOT, at_root, markdown_html
from vrp.data.yamlsource import Source
from vrp.search.postings import Terms, postings
from vrp.search.site import Doc
from vrp.search.words import STOP_WORDS, words

PER_PAGE = 50  # entries on a static list page
FIRST = 20  # results shown at once on the directory page, and added by "Show more"
PIECE = 20  # result cards in one piece of JSON
DATA_DIR = "assets/directory"
RESERVED_IDS = ("page", "area")  # resources/<id>/ must not shadow the lists

ORDER = ("When your words name a need, such as knife or domestic abuse, services that help come first and documents "
         "last, unless your words are a document's name. Then entries whose name matches your words come before those "
         "whose topic matches, then those whose organisation matches, then those that only mention them. With an area "
         "chosen, its local services come first among matches about as good; with none, those anyone can use.")

_TAG = re.compile(r"<[^>]+>")


def is_local(resource: dict) -> bool:
    return resource["areas"] != ["all"]


def _type_rank(site) -> dict[str, int]:
    return {t["id"]: i for i, t in enumerate(site.vocabularies["types"])}


def ordered(site) -> list[dict]:
    """Every entry in the directory's own order: by type, then as in the file."""
    rank = _type_rank(site)
    return sorted(site.resources, key=lambda r: rank[r["type"]])


def local_to(site, area: str) -> list[dict]:
    """One area's entries in the directory's order, except that within each type those for this area
    alone come before those that cover other areas too: the council's own front door before the region's."""
    rank = _type_rank(site)
    return sorted(site.resources_for(area), key=lambda r: (rank[r["type"]], len(r["areas"])))


def id_problems(resources: Source) -> list[Problem]:
    """An id that is also the name of one of the directory's lists would hide that list."""
    problems = []
    for i, record in enumerate(resources.data.get("resources") or []):
        if isinstance(record, dict) and record.get("id") in RESERVED_IDS:
            problems.append(Problem(resources.path, resources.line(["resources", i, "id"]),
                                    f'"{record["id"]}" is the name of a list of the directory (resources/{record["id"]}/)',
                                    "choose another id, such as one that names the service",
                                    f'resource "{record["id"]}"', "id"))
    return problems


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

    @property
    def previous(self):
        return self.pages[self.number - 2][1] if self.number > 1 else None

    @property
    def next(self):
        return self.pages[self.number][1] if self.number < len(self.pages) else None


def depth(path: str) -> int:
    """How many folders deep a page is: "resources/area/bristol/" -> 3."""
    return path.strip("/").count("/") + 1


def entry_path(resource: dict) -> str:
    return f"resources/{resource['id']}/"


def area_path(area: str, number: int = 1) -> str:
    return f"resources/area/{area}/" + (f"{number}/" if number > 1 else "")


def _paged(kind_path, entries, title, heading, about) -> list[ListPage]:
    count = max(1, -(-len(entries) // PER_PAGE))
    paths = [(n, kind_path(n)) for n in range(1, count + 1)]
    return [ListPage(path, f"{title}, page {n} of {count}" if count > 1 else title, heading, about,
                     entries[(n - 1) * PER_PAGE:n * PER_PAGE], n, paths, len(entries), (n - 1) * PER_PAGE + 1)
            for n, path in paths]


def list_pages(site, entries: list[dict]) -> list[ListPage]:
    """The static lists: every entry, then each area's local services, then the national ones."""
    pages = _paged(lambda n: f"resources/page/{n}/", entries, "Every entry in the resource directory",
                   "Every entry in the directory", "Every service, helpline and document, by type.")
    for area in site.vocabularies["areas"]:
        local = local_to(site, area["id"])
        pages += _paged(lambda n, a=area["id"]: area_path(a, n), local, f"Local services in {area['label']}",
                        f"Local services in {area['label']}",
                        f"Services that work in {area['label']}, those for {area['label']} alone first. "
                        "The national helplines and services cover it too.")
    national = [r for r in entries if not is_local(r)]
    pages += _paged(lambda n: area_path("all", n), national, "National services and helplines",
                    "National services and helplines", "Services anyone in England can use, wherever they live.")
    return pages


def type_kinds(site) -> list[str]:
    """Each type's kind (service, other or document), in the vocabularies' order: the ranking's need rule."""
    return [t["kind"] for t in site.vocabularies["types"]]


def synonym_config(site, topic_index: dict[str, int]) -> list[dict]:
    """The synonym groups as the search engine reads them: words, topic positions, and whether they name a need."""
    return [{"words": g["words"], "topics": [topic_index[t] for t in g.get("topics", [])],
             **({"need": False} if g.get("need") is False else {})} for g in site.synonyms]


def card_fields(r: dict, description) -> dict:
    """What a result card shows, by name (assets/javascripts/directory.mjs draws it)."""
    return {"id": r["id"], "title": r["title"], "organisation": r["organisation"], "description": str(description),
            "url": r["url"], **{k: r[k] for k in ("phone", "email") if r.get(k)}}


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

    site: object
    entries: list = field(init=False)
    described: dict = field(init=False)  # id -> description as HTML, its links from SITE_ROOT (render.at_root)

    def __post_init__(self):
        self.entries = ordered(self.site)
        self.described = {r["id"]: markdown_html(r["description"], root=SITE_ROOT, links=self.site.links)
                          for r in self.entries}
        vocab = self.site.vocabularies
        self.index = {kind: {e["id"]: i for i, e in enumerate(vocab[kind])} for kind in ("types", "audiences", "topics")}
        self.index["areas"] = {e["id"]: i for i, e in enumerate(vocab["areas"])}
        self.index["areas"]["all"] = len(vocab["areas"])
        for kind, ids in self.index.items():
            if len(ids) > 31:  # the script combines them as 32-bit numbers
                raise ValueError(f"data/vocabularies.yml: more than 31 {kind}: the directory's filters hold at most 31")
        self.lists = list_pages(self.site, self.entries)
        self.files = self._data_files()
        self.version = hashlib.sha256("".join(self.files.values()).encode()).hexdigest()[:10]

    @classmethod
    def of(cls, site) -> "Directory":
        """The directory of `site`, worked out on first use and kept with it for the rest of the build."""
        if "_directory" not in site.__dict__:
            site.__dict__["_directory"] = cls(site)
        return site.__dict__["_directory"]

    @property
    def data_dir(self) -> str:
        return f"{DATA_DIR}/{self.version}/"

    @functools.cached_property
    def local_counts(self) -> dict[str, int]:
        """How many local services each area has, and (under "all") how many national ones there are."""
        counts = {a["id"]: 0 for a in self.site.vocabularies["areas"]}
        counts["all"] = 0
        for r in self.entries:
            for area in r["areas"]:
                counts[area] += 1
        return counts

    def _data_files(self) -> dict[str, str]:
        dump = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
        ix = self.index
        # The cards go into pieces grouped by each entry's first topic, so the results of one search,
        # which mostly share a topic, come in a few pieces; `card` says where each entry's card is.
        grouped = sorted(range(len(self.entries)), key=lambda i: (ix["topics"][self.entries[i]["topics"][0]], i))
        card = [0] * len(self.entries)
        for position, doc in enumerate(grouped):
            card[doc] = position
        files = {"facets.json": dump({
            "type": [ix["types"][r["type"]] for r in self.entries],
            "areas": [_bits(r["areas"], ix["areas"]) for r in self.entries],
            "audiences": [_bits(r["audiences"], ix["audiences"]) for r in self.entries],
            "topics": [_bits(r["topics"], ix["topics"]) for r in self.entries],
            "card": card,
        })}
        terms, stop = Terms(), set(STOP_WORDS)
        for doc, r in enumerate(self.entries):
            for where, text in (("name", r["title"]), ("organisation", r["organisation"]),
                                ("description", plain(self.described[r["id"]]))):
                terms.add(doc, where, set(words(text)) - stop)
        shards = terms.shards()
        for key, shard in shards.items():
            files[f"terms/{key}.json"] = dump(shard)
        found = terms.found
        # The synonyms' own words, so that a search for "knife" needs no letter of "blade" or "weapon".
        synonyms = {ws[0] for g in self.site.synonyms for phrase in g["words"] for ws in [words(phrase)] if len(ws) == 1}
        files["synonyms.json"] = dump({w: postings(found[w]) for w in sorted(synonyms) if w in found})
        for start in range(0, len(grouped), PIECE):
            files[f"entries/{start // PIECE}.json"] = dump([card_fields(r, at_root(self.described[r["id"]], "../"))
                                                             for r in (self.entries[i] for i in grouped[start:start + PIECE])])
        areas = ix["areas"]
        # Near me and the search box know the places of data/places.yml, and the areas by their names.
        files["places.json"] = dump([{"name": p["name"], "areas": [areas[a] for a in p["areas"]], "also": p.get("also", []),
                                      **({"word": True} if p.get("word") else {})} for p in self.site.places]
                                    + [{"name": a["label"], "areas": [areas[a["id"]]], "also": a.get("also", [])}
                                       for a in self.site.vocabularies["areas"]])
        self.shards = sorted(shards)
        return files

    def search_docs(self) -> list[Doc]:
        """The entries as the site search shows them, those of one topic together (as the cards' pieces)."""
        labels = self.site.labels["types"]
        grouped = sorted(range(len(self.entries)), key=lambda i: (self.index["topics"][self.entries[i]["topics"][0]], i))
        kinds = dict(zip([t["id"] for t in self.site.vocabularies["types"]], type_kinds(self.site), strict=True))
        return [Doc(title=r["title"], url=entry_path(r), context=f"{labels[r['type']]} · {r['organisation']}",
                    kind=kinds[r["type"]], text=plain(self.described[r["id"]]).strip(),
                    organisation=f"{r['organisation']} {labels[r['type']]}", topics=list(r["topics"]))
                for r in (self.entries[i] for i in grouped)]

    def client_config(self, data_url: str, root: str) -> dict:
        """What the script needs before it fetches anything: labels, synonyms, sizes, where the pieces are
        and the way from the page to the site's root."""
        vocab = self.site.vocabularies
        pick = lambda kind: [{"id": e["id"], "label": e["label"]} for e in vocab[kind]]  # noqa: E731
        return {
            "data": data_url, "root": root, "count": len(self.entries), "piece": PIECE, "first": FIRST, "shards": self.shards,
            "areas": pick("areas"), "types": [{**t, "kind": kind} for t, kind in zip(pick("types"), type_kinds(self.site), strict=True)],
            "audiences": pick("audiences"), "topics": pick("topics"), "synonyms": synonym_config(self.site, self.index["topics"]),
            "local": self.local_counts, "stop": STOP_WORDS,
        }


def directory_page(site, url) -> dict:
    """What the directory page shows: its first results, the lists to browse, and the script's settings.
    `url(path)` gives a path of the site relative to the page."""
    d = Directory.of(site)
    local = d.local_counts
    root = url("index.md").rstrip("/") + "/"
    first = d.entries[:FIRST]
    return {"first": first, "described": {r["id"]: at_root(d.described[r["id"]], root) for r in first},
            "labels": site.labels, "root": root, "vocabularies": site.vocabularies, "local": local, "local_total": len(d.entries) - local["all"],
            "total": len(d.entries), "per_page": PER_PAGE, "order": ORDER, "blank": dict(d.entries[0], phone="0", email="email@example.org"),  # a card for the script to copy
            "config": d.client_config(url(d.data_dir), root)}
