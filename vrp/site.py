"""Load every data file once, validate it all, and shape it for the pages.

`load(root)` either returns a `Site` or raises `DataError` listing every problem found.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from vrp import directory, validate
from vrp.problems import DataError, Problem
from vrp.yamlsource import Source, as_date, read

# name -> (list keys of records with an `id`, the date fields to check)
FILES = {
    "vocabularies": [("areas",), ("types",), ("audiences",), ("topics",)],
    "resources": [("resources",)],
    "faq": [("sections",), ("sections", "questions")],
    "spokes": [("spokes",)],
    "updates": [("items",)],
    "help": [("numbers",)],
    "north-somerset-strategy": [("programmes",)],
    "synonyms": [],
    "places": [],
}
DATES = {"resources": (("resources",), "last_reviewed"), "updates": (("items",), "date")}
# where each file's Markdown text appears, so relative links in it can be checked
PAGE_DIR = {"faq": "", "resources": "", "spokes": "spokes", "updates": "updates", "north-somerset-strategy": "strategies",
            "help": "", "vocabularies": "", "synonyms": "", "places": ""}
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/{}.schema.json"
REVIEW_AFTER_DAYS = 365


def _normal_question(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def our_pages(root: Path, sources: dict[str, Source]) -> set[str]:
    """Every page of the site by its Markdown path: those in docs/ and those made from data/."""
    docs = root / "docs"
    pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    for name, key in (("spokes", "spokes"), ("updates", "items")):
        records = sources[name].data.get(key) if name in sources and isinstance(sources[name].data, dict) else None
        pages |= {f"{name}/{r['id']}.md" for r in records or [] if isinstance(r, dict) and "id" in r}
    return pages


def read_all(root: Path, today: dt.date) -> tuple[dict[str, Source], list[Problem]]:
    """Read and check every file; return what could be read and every problem found."""
    sources, problems = {}, []
    for name, id_lists in FILES.items():
        shown = f"data/{name}.yml"
        file = root / shown
        if not file.exists():
            problems.append(Problem(shown, 1, "the file is missing", "restore it from the last version on GitHub"))
            continue
        source, found = read(file, shown)
        problems += found
        if source is None:
            continue
        sources[name] = source
        first = file.read_text(encoding="utf-8").split("\n", 1)[0].strip()
        if first != SCHEMA_LINE.format(name):
            problems.append(Problem(shown, 1, "the first line should name the file's schema",
                                    f"make the first line exactly: {SCHEMA_LINE.format(name)}"))
        problems += validate.schema_problems(source, validate.schema(root, name))
        for keys in id_lists:
            problems += validate.duplicate_problems(source, keys, "id", "id")
        if name in DATES:
            problems += validate.date_problems(source, *DATES[name], today)
    pages = our_pages(root, sources)  # links can only be checked once every page is known
    for name, source in sources.items():
        problems += validate.link_problems(source, pages, PAGE_DIR[name])
    if "faq" in sources:
        problems += validate.duplicate_problems(sources["faq"], ("sections", "questions"), "question", "question",
                                                _normal_question)
    if {"resources", "vocabularies"} <= sources.keys():
        problems += validate.vocabulary_problems(sources["resources"], sources["vocabularies"])
    if "resources" in sources:
        problems += directory.id_problems(sources["resources"])
    if {"spokes", "vocabularies"} <= sources.keys():
        problems += validate.spoke_problems(sources["spokes"], sources["vocabularies"])
    if "vocabularies" in sources:
        for name, records, field, kind in (("synonyms", "groups", "topics", "topics"), ("places", "places", "areas", "areas")):
            if name in sources:
                problems += validate.known_id_problems(sources[name], records, field, sources["vocabularies"], kind)
    if "places" in sources:
        problems += validate.duplicate_problems(sources["places"], ("places",), "name", "place name", str.lower)
    return sources, problems


def load(root: Path, today: dt.date | None = None) -> "Site":
    today = today or dt.date.today()
    sources, problems = read_all(Path(root), today)
    if problems:
        raise DataError(problems)
    return Site({name: source.data for name, source in sources.items()}, today)


@dataclass
class Site:
    """The validated data, with the lookups the pages need."""

    data: dict
    today: dt.date

    def __post_init__(self):
        d = self.data
        self.faq = d["faq"]["sections"]
        self.vocabularies = d["vocabularies"]
        self.resources = d["resources"]["resources"]
        self.spokes = d["spokes"]["spokes"]
        # newest first, whatever their order in the file
        self.updates = sorted(d["updates"]["items"], key=lambda item: str(item["date"]), reverse=True)
        self.help = d["help"]["numbers"]
        self.north_somerset = d["north-somerset-strategy"]
        self.synonyms = d["synonyms"]["groups"]
        self.places = d["places"]["places"]
        self.labels = {kind: {e["id"]: e["label"] for e in entries} for kind, entries in self.vocabularies.items()}
        self.labels["areas"]["all"] = "All areas"

    def topic_words(self) -> dict[str, list[str]]:
        """Each topic's words from data/synonyms.yml, so a search for "stabbing" finds knife crime."""
        words: dict[str, list[str]] = {t["id"]: [] for t in self.vocabularies["topics"]}
        for group in self.synonyms:
            for topic in group.get("topics", []):
                words[topic] += [w for w in group["words"] if w not in words[topic]]
        return words

    @property
    def compact_help(self):
        return [n for n in self.help if n.get("compact")]

    def resources_for(self, area: str, include_all: bool = False):
        """The resources for one area; with include_all, those marked `all` too."""
        return [r for r in self.resources if area in r["areas"] or (include_all and "all" in r["areas"])]

    def due_for_review(self):
        """Resources not checked for a year, oldest first."""
        limit = self.today - dt.timedelta(days=REVIEW_AFTER_DAYS)
        due = [r for r in self.resources if as_date(r["last_reviewed"]) < limit]
        return sorted(due, key=lambda r: r["last_reviewed"])
