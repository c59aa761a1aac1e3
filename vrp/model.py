"""The site's content as typed records, made once from the checked data (vrp.data.site.load makes the Site).

Every rule about a record is written here once, and every template, page, file and script asks the record:
whether an entry is national, its address, its tel: link, its card, its kind; an area's front doors; an
update's date as shown. The records hold the data as an editor wrote it (text, ids), never HTML, except an
entry's card, whose description is the one rendering of its Markdown (vrp.render, escaped first).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlsplit

from vrp.data.files import FILES
from vrp.data.yamlsource import as_date
from vrp.render import SITE_ROOT, at_root, long_date, markdown_html

NATIONAL = "all"  # `areas: [all]` in data/resources.yml: a service anyone in England can use
NATIONAL_LABEL = "All areas"
LOCAL_TYPE = "local-service"  # the directory's type for services run in our areas
CONCERNS = {"children": "a child", "adults": "an adult at risk"}  # who a council's front door takes reports about
FREE = ("080", "116", "999", "111")  # free from UK landlines and mobiles (Ofcom), and 999 and NHS 111


def digits(number) -> str:
    return "".join(c for c in str(number) if c.isdigit())


def tel(number) -> str:
    """The tel: link of a number as people write it ("0808 2000 247" -> "tel:08082000247")."""
    return f"tel:{digits(number)}"


def entry_path(ident: str) -> str:
    """An entry's own page (and, once it is taken out of the directory, its old address)."""
    return f"resources/{ident}/"


def page_path(page: str) -> str:
    """The address of a Markdown page of the site, from its root: "spokes/bristol.md" -> "spokes/bristol/"."""
    path = page.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


@dataclass(frozen=True)
class Card:
    """What a result card shows, by name: partials/resource.html draws it, the directory's pieces of JSON carry
    it for assets/javascripts/directory.mjs, and an area's page lists it. `description` is HTML whose links
    start from SITE_ROOT (vrp.render.at_root puts the page's way to the root in)."""

    id: str
    title: str
    url: str
    organisation: str
    type: str  # the type's label
    description: str
    areas: str  # "National: all areas", or the areas' labels in the vocabulary's order
    audiences: str  # the audiences' labels, lower case, in the vocabulary's order
    path: str
    phone: str | None = None
    tel: str | None = None
    email: str | None = None

    def fields(self, root: str) -> dict:
        """The card as the directory's script reads it, its links made from `root` (the way from the page that
        shows it to the site's root); a field the entry does not have is left out."""
        return {k: str(at_root(v, root)) if k == "description" else v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class Entry:
    """One entry of the directory (data/resources.yml): a service, a helpline or a document."""

    id: str
    title: str
    organisation: str
    description: str  # Markdown
    url: str
    type: str
    audiences: tuple[str, ...]
    topics: tuple[str, ...]  # the most specific first: the directory groups by it
    areas: tuple[str, ...]
    last_reviewed: dt.date
    phone: str | None = None
    email: str | None = None
    source: dict | None = None
    report_a_concern: tuple[str, ...] = ()
    kind: str = "other"  # from the type in data/vocabularies.yml: service, other or document
    labels: dict = field(default_factory=dict, repr=False, compare=False)  # the Site's labels, by vocabulary
    links: Callable | None = field(default=None, repr=False, compare=False)  # the Site's resolver of data links

    @property
    def is_national(self) -> bool:
        return self.areas == (NATIONAL,)

    @property
    def path(self) -> str:
        return entry_path(self.id)

    @property
    def tel(self) -> str | None:
        return tel(self.phone) if self.phone else None

    @property
    def host(self) -> str:
        """Its website as a reader would say it: https://www.samaritans.org/... -> samaritans.org."""
        return (urlsplit(self.url).hostname or "").removeprefix("www.")

    @property
    def type_label(self) -> str:
        return self.labels["types"][self.type]

    def covers(self, area: str) -> bool:
        """Whether a reader in `area` can use it: it works there, or anywhere."""
        return area in self.areas or self.is_national

    def is_front_door(self, area: str, concern: str) -> bool:
        """A council's front door for reporting a concern (children or adults) in `area`."""
        return area in self.areas and concern in self.report_a_concern

    @functools.cached_property
    def description_html(self):
        """The description as HTML, its links to our pages from SITE_ROOT: rendered once, shown on many pages."""
        return markdown_html(self.description, root=SITE_ROOT, links=self.links)

    @functools.cached_property
    def card(self) -> Card:
        labels = self.labels
        areas = ("National: all areas" if self.is_national else
                 ", ".join(label for ident, label in labels["areas"].items() if ident in self.areas))
        audiences = ", ".join(label.lower() for ident, label in labels["audiences"].items() if ident in self.audiences)
        return Card(id=self.id, title=self.title, url=self.url, organisation=self.organisation, type=self.type_label,
                    description=str(self.description_html), areas=areas, audiences=audiences, path=self.path,
                    phone=self.phone, tel=self.tel, email=self.email)


@dataclass(frozen=True)
class Retired:
    """An entry taken out of the directory (data/retired.yml): its old address says so, and why."""

    id: str
    title: str
    date: dt.date
    reason: str

    @property
    def path(self) -> str:
        return entry_path(self.id)

    @property
    def when(self) -> str:
        """When it was taken out, as words: "on 1 October 2026"."""
        return f"on {long_date(self.date)}"


@dataclass(frozen=True)
class Area:
    """One of the five areas: its entry in data/vocabularies.yml and, when data/spokes.yml describes it (its
    "spoke"), what its page shows. `front_doors` are the council's entries for reporting a concern."""

    id: str
    label: str
    description: str
    also: tuple[str, ...] = ()
    # from data/spokes.yml (None or empty when the area has no page)
    name: str | None = None
    council: str | None = None
    council_url: str | None = None
    team: str | None = None
    summary: str | None = None
    about: str | None = None
    focus: tuple[str, ...] = ()
    funding: dict | None = None
    programmes: tuple[dict, ...] = ()
    documents: tuple[dict, ...] = ()
    quote: dict | None = None
    contact: dict = field(default_factory=dict)
    sources: tuple[dict, ...] = ()
    last_checked: dt.date | None = None
    team_entry: str | None = None
    front_doors: dict[str, Entry] = field(default_factory=dict)  # "children"/"adults" -> the council's entry

    @property
    def has_page(self) -> bool:
        return self.name is not None

    @property
    def page(self) -> str:
        return FILES["spokes"].page_of(self.id)

    @property
    def path(self) -> str:
        return page_path(self.page)

    @property
    def council_page(self) -> str:
        """Where a reader learns more of the local team's work: its own page, else the council's."""
        return self.contact.get("url") or self.council_url


@dataclass(frozen=True)
class Line:
    """One way to get help on the Get help page: who you reach and when, and the number to call or text. A line
    that names a directory entry (`resource:`) takes its name, number and website from it."""

    id: str  # its link on the page, unique there
    name: str
    when: str
    resource: str | None = None
    number: str | None = None
    text: str | None = None
    text_word: str | None = None
    hours: str | None = None
    what_happens: str | None = None  # Markdown
    url: str | None = None
    compact: bool = False  # shown in the help bar on every page

    @property
    def tel(self) -> str | None:
        return tel(self.number) if self.number else None

    @property
    def sms(self) -> str | None:
        return f"sms:{self.text}" if self.text else None

    @property
    def free(self) -> bool:
        return bool(self.number) and digits(self.number).startswith(FREE)

    @property
    def site(self) -> str | None:
        """The website as a reader would say it: www.samaritans.org -> samaritans.org."""
        return urlsplit(self.url).netloc.removeprefix("www.") if self.url else None


@dataclass(frozen=True)
class Situation:
    """What is happening to the reader (data/help.yml), with its lines; a section of the Get help page."""

    id: str
    title: str
    lines: tuple[Line, ...]
    summary: str | None = None  # Markdown
    topics: tuple[dict, ...] = ()  # {"id", "label"}: the directory's topics it links to


@dataclass(frozen=True)
class Update:
    """One dated item of news (data/updates.yml), with its own page."""

    id: str
    title: str
    date: dt.date  # the day; with `when`, the first day of the period `when` names
    summary: str
    body: str  # Markdown
    source: dict
    when: str | None = None  # "2023/24", "March 2024": shown instead of a day the source does not give
    partners: tuple[dict, ...] = ()

    @property
    def page(self) -> str:
        return FILES["updates"].page_of(self.id)

    @property
    def path(self) -> str:
        return page_path(self.page)

    @property
    def year(self) -> str:
        return str(self.date.year)

    @property
    def datetime(self) -> str:
        """What a <time> element says: the day, or only the year when the source gives no day."""
        return self.year if self.when else self.date.isoformat()

    @property
    def shown_date(self) -> str:
        return self.when or long_date(self.date)


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answer: str  # Markdown
    sources: tuple[dict, ...]


@dataclass(frozen=True)
class Section:
    """A heading of the FAQ page and its questions."""

    id: str
    title: str
    questions: tuple[Question, ...]


LOCAL_PREFIX = "local-"  # the Get help page's local sections: local-help, then local-<area id> for each area
LOCAL_ID = LOCAL_PREFIX + "help"
RESERVED_LINE_IDS = ("get-help",)  # links the Get help page keeps for itself
LIST_FOLDERS = ("page", "area")  # the directory's lists (resources/page/, resources/area/): never an entry's id


def line_ids(situations: list[dict]) -> list[list[str]]:
    """A link for each line of data/help.yml (its directory entry's id, or its name as a slug), unique on
    the page and never one the page keeps for its sections."""
    taken = {s["id"] for s in situations} | set(RESERVED_LINE_IDS)
    ids = []
    for situation in situations:
        ids.append([])
        for raw in situation["lines"]:
            base = raw.get("resource") or re.sub(r"[^a-z0-9]+", "-", raw.get("name", "").lower()).strip("-") or "line"
            ident = base if base not in taken and not base.startswith(LOCAL_PREFIX) else f"{situation['id']}-{base}"
            candidate, n = ident, 1
            while candidate in taken:
                n += 1
                candidate = f"{ident}-{n}"
            taken.add(candidate)
            ids[-1].append(candidate)
    return ids


def _tuple(value) -> tuple:
    return tuple(value or ())


@dataclass
class Site:
    """Everything in data/, checked, as records. `data` keeps each file as it was read, for the tools that walk
    the YAML itself; `links` resolves a link written in data text for the page it lands on (vrp.data.links)."""

    data: dict
    today: dt.date
    links: Callable | None = None

    def __post_init__(self):
        d = self.data
        self.vocabularies = d["vocabularies"]
        self.labels = {kind: {e["id"]: e["label"] for e in entries} for kind, entries in self.vocabularies.items()}
        self.labels["areas"][NATIONAL] = NATIONAL_LABEL
        self.kinds = {t["id"]: t["kind"] for t in self.vocabularies["types"]}
        self.entries = [self._entry(r) for r in d["resources"]["resources"]]
        self.by_id = {e.id: e for e in self.entries}
        self.retired = [Retired(r["id"], r["title"], as_date(r["date"]), r["reason"]) for r in d["retired"]["retired"]]
        spokes = {s["id"]: s for s in d["spokes"]["spokes"]}
        self.areas = [self._area(a, spokes.get(a["id"], {})) for a in self.vocabularies["areas"]]
        by_area = {a.id: a for a in self.areas}
        self.spokes = [by_area[s["id"]] for s in d["spokes"]["spokes"]]  # the areas with a page, in their file's order
        self.help = self._situations(d["help"]["situations"])
        # the page's last section: the directory's local services, area by area (vrp.pages.help.local_groups)
        self.help_local = Situation(LOCAL_ID, d["help"]["local"]["title"], (), d["help"]["local"]["summary"])
        # newest first, whatever their order in the file
        self.updates = sorted((self._update(u) for u in d["updates"]["items"]), key=lambda u: u.date, reverse=True)
        self.faq = [Section(s["id"], s["title"], tuple(Question(q["id"], q["question"], q["answer"], _tuple(q["sources"]))
                                                     for q in s["questions"])) for s in d["faq"]["sections"]]
        self.north_somerset = d["north-somerset-strategy"]
        self.synonyms = d["synonyms"]["groups"]
        self.places = d["places"]["places"]

    def _entry(self, r: dict) -> Entry:
        return Entry(id=r["id"], title=r["title"], organisation=r["organisation"], description=r["description"],
                     url=r["url"], type=r["type"], audiences=_tuple(r["audiences"]), topics=_tuple(r["topics"]),
                     areas=_tuple(r["areas"]), last_reviewed=as_date(r["last_reviewed"]), phone=r.get("phone"),
                     email=r.get("email"), source=r.get("source"), report_a_concern=_tuple(r.get("report_a_concern")),
                     kind=self.kinds[r["type"]], labels=self.labels, links=self.links)

    def _area(self, a: dict, spoke: dict) -> Area:
        return Area(id=a["id"], label=a["label"], description=a["description"], also=_tuple(a.get("also")),
                    name=spoke.get("name"), council=spoke.get("council"), council_url=spoke.get("council_url"),
                    team=spoke.get("team"), summary=spoke.get("summary"), about=spoke.get("about"),
                    focus=_tuple(spoke.get("focus")), funding=spoke.get("funding"),
                    programmes=_tuple(spoke.get("programmes")), documents=_tuple(spoke.get("documents")),
                    quote=spoke.get("quote"), contact=spoke.get("contact") or {}, sources=_tuple(spoke.get("sources")),
                    last_checked=as_date(spoke["last_checked"]) if spoke.get("last_checked") else None,
                    team_entry=spoke.get("team_entry"),
                    front_doors={kind: self.by_id[i] for kind, i in (spoke.get("safeguarding") or {}).items()})

    def _situations(self, situations: list[dict]) -> list[Situation]:
        """Each situation with its lines filled in from the directory (a number is written in one place) and its
        topics labelled."""
        out = []
        for s, ids in zip(situations, line_ids(situations), strict=True):
            lines = []
            for raw, ident in zip(s["lines"], ids, strict=True):
                entry = self.by_id.get(raw.get("resource"))
                lines.append(Line(id=ident, name=raw.get("name") or entry.title, when=raw["when"],
                                  resource=entry.id if entry else None,
                                  number=raw.get("number") or (entry.phone if entry else None),
                                  text=raw.get("text"), text_word=raw.get("text_word"), hours=raw.get("hours"),
                                  what_happens=raw.get("what_happens"), url=raw.get("url") or (entry.url if entry else None),
                                  compact=bool(raw.get("compact"))))
            out.append(Situation(id=s["id"], title=s["title"], lines=tuple(lines), summary=s.get("summary"),
                                 topics=tuple({"id": t, "label": self.labels["topics"][t]} for t in s.get("topics", []))))
        return out

    @staticmethod
    def _update(u: dict) -> Update:
        return Update(id=u["id"], title=u["title"], date=as_date(u["date"]), summary=u["summary"], body=u["body"],
                      source=u["source"], when=u.get("when"), partners=_tuple(u.get("partners")))

    def area(self, ident: str) -> Area:
        return next(a for a in self.areas if a.id == ident)

    @property
    def help_bar(self) -> list[Line]:
        """The lines of the help bar on every page (`compact: true`), each with a name and a number."""
        return [line for situation in self.help for line in situation.lines if line.compact]

    @property
    def national(self) -> list[Entry]:
        return [e for e in self.entries if e.is_national]

    def entries_for(self, area: str, national: bool = False) -> list[Entry]:
        """The entries that work in one area; with `national`, those anyone can use too."""
        return [e for e in self.entries if area in e.areas or (national and e.is_national)]

    def due_for_review(self, after_days: int = 365) -> list[Entry]:
        """Entries not checked for a year, oldest first."""
        limit = self.today - dt.timedelta(days=after_days)
        return sorted((e for e in self.entries if e.last_reviewed < limit), key=lambda e: e.last_reviewed)
