"""Load every data file once, validate it all, and shape it for the pages.

`load(root)` either returns a `Site` or raises `DataError` listing every problem found.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from vrp.data import anchors, links, validate
from vrp.pages import directory, get_help
from vrp.data.problems import DataError, Problem
from vrp.data.yamlsource import Source, as_date, read

# name -> (list keys of records with an `id`, the date fields to check)
FILES = {
    "vocabularies": [("areas",), ("types",), ("audiences",), ("topics",)],
    "resources": [("resources",)],
    "retired": [("retired",)],
    "faq": [("sections",), ("sections", "questions")],
    "spokes": [("spokes",)],
    "updates": [("items",)],
    "help": [("situations",)],
    "north-somerset-strategy": [("programmes",)],
    "synonyms": [],
    "places": [],
    "numbers": [],
}
DATES = {"resources": (("resources",), "last_reviewed"), "updates": (("items",), "date"), "retired": (("retired",), "date"),
         "spokes": (("spokes",), "last_checked")}
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/{}.schema.json"
REVIEW_AFTER_DAYS = 365


def _normal_question(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def our_pages(root: Path, sources: dict[str, Source]) -> dict[str, anchors.Page]:
    """Every page of the site by its Markdown path (those in docs/ and those made from data/), with its anchors."""
    return anchors.pages(root, sources)


def read_all(root: Path, today: dt.date) -> tuple[dict[str, Source], list[Problem]]:
    """Read and check every file; return what could be read and every problem found."""
    sources, problems = {}, []
    phone = validate.phone_rule(root)
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
        first = source.text.split("\n", 1)[0].strip()
        if first != SCHEMA_LINE.format(name):
            problems.append(Problem(shown, 1, "the first line should name the file's schema",
                                    f"make the first line exactly: {SCHEMA_LINE.format(name)}"))
        problems += validate.schema_problems(source, validate.schema(root, name))
        problems += validate.text_problems(source, validate.schema(root, name), phone)
        for keys in id_lists:
            problems += validate.duplicate_problems(source, keys, "id", "id")
        if name in DATES:
            problems += validate.date_problems(source, *DATES[name], today)
    # Links can only be checked once every page is known: a file that could not be read would make
    # every link into its pages look broken, so its own problem is reported alone until it is fixed.
    retired = validate.retired_by_id(sources.get("retired"))
    if sources.keys() == FILES.keys():
        checker = links.Checker(our_pages(root, sources), validate.entries_by_id(sources["resources"]), retired)
        for name, source in sources.items():
            problems += validate.link_problems(source, checker, validate.schema(root, name),
                                               lambda path, name=name, data=source.data: anchors.page_of(name, path, data))
    if "faq" in sources:
        problems += validate.duplicate_problems(sources["faq"], ("sections", "questions"), "question", "question",
                                                _normal_question)
    if {"resources", "vocabularies"} <= sources.keys():
        problems += validate.vocabulary_problems(sources["resources"], sources["vocabularies"])
    if "resources" in sources:
        problems += directory.id_problems(sources["resources"])
    if {"resources", "retired"} <= sources.keys():
        problems += validate.retired_problems(sources["retired"], sources["resources"])
    if {"spokes", "vocabularies"} <= sources.keys():
        problems += validate.spoke_problems(sources["spokes"], sources["vocabularies"])
    if {"spokes", "resources"} <= sources.keys():
        problems += validate.front_door_problems(sources["spokes"], sources["resources"], retired)
        problems += validate.team_problems(sources["spokes"], sources["resources"], retired)
    if "vocabularies" in sources:
        for name, records, field, kind in (("synonyms", "groups", "topics", "topics"), ("places", "places", "areas", "areas"),
                                           ("help", "situations", "topics", "topics")):
            if name in sources:
                problems += validate.known_id_problems(sources[name], records, field, sources["vocabularies"], kind)
    if {"help", "resources"} <= sources.keys():
        problems += get_help.problems(sources["help"], sources["resources"], retired)
    if "updates" in sources:
        problems += validate.when_problems(sources["updates"])
    if "places" in sources:
        problems += validate.duplicate_problems(sources["places"], ("places",), "name", "place name", str.lower)
    if "numbers" in sources:
        problems += validate.duplicate_problems(sources["numbers"], ("numbers",), "number", "number",
                                                lambda n: re.sub(r"\D", "", n))
    # One message per value: an id that is not in the vocabularies is told "did you mean", not also its form.
    unknown = {(p.file, p.line, p.field) for p in problems if "is not a known" in p.message}
    problems = [p for p in problems if not ((p.file, p.line, p.field) in unknown and "not in the right form" in p.message)]
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
        self.north_somerset = d["north-somerset-strategy"]
        self.synonyms = d["synonyms"]["groups"]
        self.places = d["places"]["places"]
        self.labels = {kind: {e["id"]: e["label"] for e in entries} for kind, entries in self.vocabularies.items()}
        self.labels["areas"]["all"] = "All areas"
        # the Get help page's situations, their numbers filled in from the directory
        self.help = get_help.situations(d["help"], self.resources, self.labels["topics"])
        self.help_local = {**d["help"]["local"], "id": get_help.LOCAL_ID}
        by_id = {r["id"]: r for r in self.resources}
        # entries taken out of the directory: their old addresses say so (data/retired.yml)
        self.retired = d["retired"]["retired"]
        # what the Markdown rendering of data text calls to make each link right for its page
        self.links = links.render_links(by_id.keys() | {r["id"] for r in self.retired})
        # each area's front doors: {"children": entry, "adults": entry}, as data/spokes.yml names them
        self.front_doors = {s["id"]: {kind: by_id[i] for kind, i in s.get("safeguarding", {}).items()} for s in self.spokes}

    def topic_words(self) -> dict[str, list[str]]:
        """Each topic's words from data/synonyms.yml, so a search for "stabbing" finds knife crime."""
        words: dict[str, list[str]] = {t["id"]: [] for t in self.vocabularies["topics"]}
        for group in self.synonyms:
            for topic in group.get("topics", []):
                words[topic] += [w for w in group["words"] if w not in words[topic]]
        return words

    def search_groups(self) -> list[list[str]]:
        """Each synonym group's words and then its topics' labels, in lower case: what a search for
        any one of them also looks for."""
        labels = self.labels["topics"]
        groups = []
        for group in self.synonyms:
            words = list(group["words"])
            words += [labels[t].lower() for t in group.get("topics", []) if labels[t].lower() not in words]
            groups.append(words)
        return groups

    @property
    def compact_help(self):
        """The lines of the help bar on every page (`compact: true`), each with a name and number."""
        return [line for situation in self.help for line in situation["lines"] if line["compact"]]

    def local_help(self):
        """The directory's local services in each area, for the Get help page's last section."""
        return get_help.local_groups(self.vocabularies["areas"],
                                     {a["id"]: self.resources_for(a["id"]) for a in self.vocabularies["areas"]}, self.help)

    def resources_for(self, area: str, include_all: bool = False):
        """The resources for one area; with include_all, those marked `all` too."""
        return [r for r in self.resources if area in r["areas"] or (include_all and "all" in r["areas"])]

    def due_for_review(self):
        """Resources not checked for a year, oldest first."""
        limit = self.today - dt.timedelta(days=REVIEW_AFTER_DAYS)
        due = [r for r in self.resources if as_date(r["last_reviewed"]) < limit]
        return sorted(due, key=lambda r: r["last_reviewed"])
