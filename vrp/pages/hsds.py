"""The resource directory as Open Referral HSDS 3.0 JSON, so a partner's system can read it as it is.

`files(site, base_url, publisher)` returns every file to publish under open-data/hsds/, by path: the
HSDS API's `/services` response (one page holding every service in full), one `/services/{id}`
response per entry (services/<UUID>.json, named by the service's id as that call is), the organisations,
our vocabularies as taxonomies with their terms, and an index naming the HSDS version, the licence and
each file, with the entry each service file is for and its page on the site. Shapes follow the HSDS 3.0
schemas and `schema/openapi.json`; tests/test_hsds.py validates every file against the copies in
schemas/hsds/.

HSDS wants a UUID in every `id`. Ours are UUID version 5 of a name per object (`ID_NAMES`) in our own
namespace, so each object keeps its UUID across builds and machines while its id in the YAML stays.
"""
from __future__ import annotations

import json
import re
import unicodedata
import uuid
from dataclasses import dataclass
from html.parser import HTMLParser

from vrp.data.links import render_links
from vrp.model import NATIONAL, Entry, Site
from vrp.render import markdown_html

VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
LICENCE = {"name": "Open Government Licence v3.0",
           "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"}
FOLDER = "open-data/hsds"
PAGE = "open-data/"  # the Open data page that documents these files

# Ours, chosen once at random (uuid4) in November 2026. Never change it: every published id would change.
NAMESPACE = uuid.UUID("ad8eb7ad-ccb9-45cf-a537-85ca59280649")
# What each UUID is made from: uuid5(NAMESPACE, name). {entry} is the id in data/resources.yml.
ID_NAMES = {
    "service": "service:{entry}",
    "organization": "organization:{organisation}",  # {organisation}: slug() of the organisation's name
    "phone": "phone:{entry}:{n}",
    "service_area": "service_area:{entry}:{area}",  # {area}: an area id, or england, or avon-and-somerset
    "attribute": "attribute:{entry}:{taxonomy}:{term}",
    "directory id attribute": "attribute:{entry}:directory_id",
    "taxonomy": "taxonomy:{taxonomy}",
    "taxonomy_term": "taxonomy_term:{taxonomy}:{term}",
}


def uid(kind: str, **parts) -> str:
    return str(uuid.uuid5(NAMESPACE, ID_NAMES[kind].format(**parts)))


def slug(name: str) -> str:
    """'Bath & North East Somerset Council' -> 'bath-and-north-east-somerset-council'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['’]", "", text.replace("&", " and "))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or name


@dataclass(frozen=True)
class Taxonomy:
    kind: str        # the list in data/vocabularies.yml
    field: str       # the field of a resource that uses it
    link_type: str   # what a term describes, in each attribute
    title: str
    description: str


TAXONOMIES = (
    Taxonomy("types", "type", "type", "types of resource", "The kind of each entry in the directory: every entry has one type."),
    Taxonomy("topics", "topics", "topic", "topics", "What an entry is about: every entry has one or more topics."),
    Taxonomy("audiences", "audiences", "audience", "audiences", "Who an entry is for: every entry has one or more audiences."),
    Taxonomy("areas", "areas", "area", "areas",
             "Where an entry can be used: one or more of the local authority areas of Avon and Somerset, "
             "or all areas for a national service."),
)
# `areas: [all]` in the YAML: a national service. Not an entry of data/vocabularies.yml, so its term is here.
ALL_AREAS = {"id": NATIONAL, "description": "A national service that anyone in England can use, whichever area they live in."}


@dataclass(frozen=True)
class Row:
    ours: str   # the field in data/resources.yml ("" when HSDS wants something we do not hold)
    hsds: str   # where it goes in HSDS
    how: str    # in plain English, for the Open data page


MAPPING = (
    Row("id", "service.id", "A UUID made from the id (see Identifiers), which also names the service's own file, "
        "services/<UUID>.json. The id itself is kept as an attribute with link_type directory_id, and is the last "
        "part of the entry's page on this site, resources/<id>/."),
    Row("title", "service.name", "As written."),
    Row("description", "service.description", "As plain text: Markdown formatting is removed, and a link keeps "
        "its words with its address in brackets."),
    Row("url", "service.url", "As written."),
    Row("email", "service.email", "As written, when the entry has one."),
    Row("phone", "service.phones[].number", "One phone, when the entry has one, written as on the site."),
    Row("organisation", "service.organization, service.organization_id", "One organization per organisation name "
        "(names that differ only in capitals, spaces, punctuation or & for 'and' count as one), also listed in "
        "organizations.json. Its description says which entries it runs or publishes."),
    Row("type", "service.attributes[] (link_type type)", "A term of our types taxonomy."),
    Row("topics", "service.attributes[] (link_type topic)", "One attribute per topic, each a term of our topics taxonomy."),
    Row("audiences", "service.attributes[] (link_type audience)", "One attribute per audience, each a term of our "
        "audiences taxonomy."),
    Row("areas", "service.service_areas[], service.attributes[] (link_type area)", "One service area: England for a "
        "national service (areas: [all]), Avon and Somerset when the entry lists every area, otherwise one per area "
        "listed. Each area is also an attribute, a term of our areas taxonomy, whose term all stands for a national service."),
    Row("last_reviewed", "service.assured_date", "As YYYY-MM-DD: the date someone last checked the entry."),
    Row("", "service.status", "Always active: the directory lists only services and documents that are still available."),
    Row("source", "not published in HSDS", "HSDS 3.0 has no field for a document that backs up an entry."),
    Row("report_a_concern", "not published in HSDS", "It marks a council's front door, which the area's page names as "
        "where to report a concern about a child or an adult; the service itself is published like any other."),
)


class _Text(HTMLParser):
    """The words of rendered Markdown: paragraphs and list items on their own lines, links with their address."""

    BREAKS = {"p": "\n\n", "ul": "\n\n", "ol": "\n\n", "li": "\n", "br": "\n", "blockquote": "\n\n"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.links = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.parts)))
        elif tag == "li":
            self.parts.append("- ")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "a" and self.links:
            href, start = self.links.pop()
            address = _address(href)
            if address and address != "".join(self.parts[start:]).strip():
                self.parts.append(f" ({address})")
        elif tag in self.BREAKS and tag != "br":
            self.parts.append(self.BREAKS[tag])

    def handle_data(self, data):
        self.parts.append(re.sub(r"\s*\n\s*", " ", data))


def _address(href: str) -> str:
    """A link's address as a reader could type it (our own pages are made absolute by vrp.data.links)."""
    return href.removeprefix("mailto:")


def plain_text(markdown: str, base_url: str, links=None) -> str:
    """Editor Markdown as the plain text HSDS asks for in descriptions; `links` are the Site's
    (vrp.data.links), which know the directory's entries."""
    parser = _Text()
    parser.feed(str(markdown_html(markdown, root=base_url, links=links or render_links(()))))
    parser.close()
    text = "".join(parser.parts)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _words(items: list[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _entries(titles: list[str], most: int = 3) -> str:
    """The entries by name, or how many with the first few: an organisation is inside each of its services."""
    return _words(titles) if len(titles) <= most else f"{len(titles)} entries, among them {_words(titles[:most])}"


class Directory:
    """The validated Site as HSDS objects: build once, then ask for any file."""

    def __init__(self, site: Site, base_url: str, publisher: str):
        self.site, self.base_url, self.publisher = site, base_url, publisher
        self.taxonomies = [{"id": uid("taxonomy", taxonomy=t.kind), "name": f"{publisher}: {t.title}",
                            "description": t.description} for t in TAXONOMIES]
        self.organizations = self._organizations()
        self.term = {t.kind: {term["code"]: term for term in self.terms(t.kind)} for t in TAXONOMIES}
        self.services = [self._service(e) for e in site.entries]

    def _organizations(self) -> dict[str, dict]:
        """One organization per organisation slug, in order of first appearance, named as first written."""
        entries: dict[str, list] = {}
        names: dict[str, str] = {}
        for e in self.site.entries:
            key = slug(e.organisation)
            names.setdefault(key, e.organisation)
            entries.setdefault(key, []).append(e.title)
        return {key: {"id": uid("organization", organisation=key), "name": names[key],
                      "description": f"Runs or publishes {_entries(titles)}, in the resource directory of the "
                                     f"{self.publisher}."}
                for key, titles in entries.items()}

    def terms(self, kind: str) -> list[dict]:
        """The vocabulary's entries as HSDS taxonomy terms, with their taxonomy, in the vocabulary's order."""
        entries = list(self.site.vocabularies[kind])
        if kind == "areas":
            entries.append({**ALL_AREAS, "label": self.site.labels["areas"]["all"]})
        index = [t.kind for t in TAXONOMIES].index(kind)
        taxonomy = self.taxonomies[index]
        return [{"id": uid("taxonomy_term", taxonomy=kind, term=e["id"]), "code": e["id"], "name": e["label"],
                 "description": e["description"], "taxonomy_id": taxonomy["id"], "taxonomy_detail": taxonomy}
                for e in entries]

    def used_terms(self) -> list[dict]:
        """Every term some entry uses (HSDS asks publishers to leave out unused terms), taxonomy by taxonomy."""
        out = []
        for t in TAXONOMIES:
            used = {code for e in self.site.entries for code in _values(e, t.field)}
            out += [term for code, term in self.term[t.kind].items() if code in used]
        return out

    def _service_areas(self, e: Entry) -> list[dict]:
        vocabulary = self.site.areas
        def area(key, name, description):
            return {"id": uid("service_area", entry=e.id, area=key), "name": name, "description": description}
        if e.is_national:
            return [area("england", "England", "A national service: anyone in England can use it, including "
                                                "everyone in Avon and Somerset.")]
        if {a.id for a in vocabulary} <= set(e.areas):
            return [area("avon-and-somerset", "Avon and Somerset",
                         f"Every area of Avon and Somerset: {_words([a.label for a in vocabulary])}.")]
        described = {a.id: a for a in vocabulary}
        return [area(a, described[a].label, described[a].description) for a in e.areas]

    def _attributes(self, e: Entry) -> list[dict]:
        out = [{"id": uid("directory id attribute", entry=e.id), "link_type": "directory_id", "value": e.id}]
        for t in TAXONOMIES:
            out += [{"id": uid("attribute", entry=e.id, taxonomy=t.kind, term=code), "link_type": t.link_type,
                     "taxonomy_term": self.term[t.kind][code]} for code in _values(e, t.field)]
        return out

    def _service(self, e: Entry) -> dict:
        organization = self.organizations[slug(e.organisation)]
        service = {"id": uid("service", entry=e.id), "organization_id": organization["id"], "name": e.title,
                   "description": plain_text(e.description, self.base_url, self.site.links), "url": e.url}
        if e.email:
            service["email"] = e.email
        service["status"] = "active"
        service["assured_date"] = e.last_reviewed.isoformat()
        if e.phone:
            service["phones"] = [{"id": uid("phone", entry=e.id, n=1), "number": str(e.phone)}]
        service["service_areas"] = self._service_areas(e)
        service["organization"] = organization
        service["attributes"] = self._attributes(e)
        return service

    def index(self) -> dict:
        """The API's root response (version, openapi_url), with the licence and the files beside it."""
        return {"version": VERSION, "openapi_url": OPENAPI_URL,
                "title": f"Resource directory of the {self.publisher}",
                "description": "The services, helplines and guidance in our resource directory, as Open Referral "
                               "Human Services Data Specification (HSDS) 3.0 JSON.",
                "publisher": {"name": self.publisher, "url": self.base_url},
                "license": LICENCE, "documentation": self.base_url + PAGE, "files": listing(self.site, self.base_url)}

    def files(self) -> dict[str, str]:
        """Every file to publish, by its path in the site, as JSON text. Each service is written once, in its own
        file, and services.json is made of those texts (`_page_text`): at 10,000 entries, JSON with indentation
        is slow to write, and each service would otherwise be written twice."""
        own = {service_path(s["id"]): _dump(s) for s in self.services}
        out = {"index.json": _dump(self.index()), "services.json": _page_text(list(own.values())),
               "organizations.json": _dump(page(list(self.organizations.values()))),
               "taxonomies.json": _dump(page(self.taxonomies)), "taxonomy_terms.json": _dump(page(self.used_terms()))}
        return {f"{FOLDER}/{path}": text + "\n" for path, text in (out | own).items()}


def _values(e: Entry, field) -> list[str]:
    value = getattr(e, field)
    return [value] if isinstance(value, str) else list(value)


def service_path(service_id: str) -> str:
    """A service's own file, named by its UUID as the API's /services/{id} is."""
    return f"services/{service_id}.json"


def listing(site: Site, base_url: str) -> list[dict]:
    """Every file but the index, as the index names it: its path under open-data/hsds/, its full address,
    the HSDS API call it answers and what it holds; for a service's own file, also the service's UUID and,
    for readers, the entry's id and its page on the site."""
    def file(path, endpoint, description, **more):
        return {"path": path, "url": f"{base_url}{FOLDER}/{path}", "endpoint": endpoint, "description": description,
                **more}
    def service_file(e):
        service_id = uid("service", entry=e.id)
        return file(service_path(service_id), "/services/{id}", f"One service in full: {e.title}.",
                    id=service_id, directory_id=e.id, page=base_url + e.path)
    return [
        file("services.json", "/services", "Every service in the directory, in full, on one page."),
        file("organizations.json", "/organizations", "The organisations that run or publish the services."),
        file("taxonomies.json", "/taxonomies", f"Our vocabularies as taxonomies: {_words([t.kind for t in TAXONOMIES])}."),
        file("taxonomy_terms.json", "/taxonomy_terms", "Every term of those taxonomies that a service uses."),
        *[service_file(e) for e in site.entries],
    ]


def page(contents: list) -> dict:
    """A list response of the HSDS API (openapi.json's Page and its contents), all on one page."""
    return {"total_items": len(contents), "total_pages": 1, "page_number": 1, "size": len(contents),
            "first_page": True, "last_page": True, "empty": not contents, "contents": contents}


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)


_HOLE = "\x00contents\x00"


def _page_text(items: list[str]) -> str:
    """`_dump(page(contents))` for contents already written as `items` (each `_dump` of one item): each is put in
    the list, two spaces deeper, as json.dumps would have written it there."""
    if not items:
        return _dump(page([]))
    shell = {**page([None] * len(items)), "contents": [_HOLE]}  # the counts of `items`, and one place for them
    inner = ",\n".join("\n".join("  " + line for line in item.split("\n")) for item in items)
    return _dump(shell).replace("  " + json.dumps(_HOLE), inner, 1)


def files(site: Site, base_url: str, publisher: str) -> dict[str, str]:
    return Directory(site, base_url, publisher).files()
