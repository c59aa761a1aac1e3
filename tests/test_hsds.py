"""Open data in Open Referral HSDS 3.0: every published file validates against the standard's own schemas.

As the specification checks its own examples: the vendored schemas (schemas/hsds/) with
`additionalProperties: false` set on every object, and formats checked (uuid, email, uri, date). $refs
resolve in a local registry, so nothing is fetched. The list files follow the responses of
schema/openapi.json; each service's own file is named by its UUID, as `/services/{id}` is. Ids must be
the same in every build; the Open data page shows the mapping the code uses. Builds of the fixture data (tests/fixtures/data) hold what must not depend on today's content.
"""
from __future__ import annotations

import copy
import functools
import json
import shutil
import subprocess
import sys
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from browser import SITE_URL
from conftest import ROOT, copy_project
from vrp.pages import hsds
from conftest import load

HSDS = ROOT / "schemas" / "hsds"
UPSTREAM = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"  # the schemas' own home
OPENAPI = json.loads((HSDS / "openapi.json").read_text())
FIXTURES = ROOT / "tests" / "fixtures" / "data"
OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


def closed(node):
    """The schema with `additionalProperties: false` on every object that lists its properties, as upstream's
    `compiletojsonschema --set-additional-properties-false-everywhere`; and the date fields, which HSDS marks
    only with `datapackage_type: date` (for its CSV form), checked as JSON Schema dates too."""
    if isinstance(node, list):
        return [closed(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: closed(value) for key, value in node.items()}
    if isinstance(out.get("properties"), dict):
        out["additionalProperties"] = False
    if out.get("datapackage_type") == "date" and out.get("type") == "string":
        out.setdefault("format", "date")
    return out


def schema_file(name: str) -> dict:
    return json.loads((HSDS / name).read_text())


def one_to_one(name: str) -> dict:
    """What upstream's compiled/<object>_list.json is: the object with its one-to-one fields only (no arrays)."""
    schema = schema_file(name)
    schema["properties"] = {k: v for k, v in schema["properties"].items() if v.get("type") != "array"}
    return schema


@functools.cache
def registry() -> Registry:
    """Every vendored schema under its upstream address, closed; the compiled schemas openapi.json names are
    the same objects (compiled = every $ref resolved), so they point at the vendored ones."""
    schemas = {UPSTREAM + p.name: schema_file(p.name) for p in HSDS.glob("*.json") if p.name != "openapi.json"}
    schemas[UPSTREAM + "compiled/service.json"] = {"$ref": UPSTREAM + "service.json"}
    schemas[UPSTREAM + "compiled/organization_list.json"] = one_to_one("organization.json")
    return Registry().with_resources((uri, DRAFT202012.create_resource(closed(s))) for uri, s in schemas.items())


def validator(schema: dict) -> Draft202012Validator:
    return Draft202012Validator(closed(schema), registry=registry(), format_checker=FormatChecker())


def response(endpoint: str) -> dict:
    return OPENAPI["paths"][endpoint]["get"]["responses"]["200"]["content"]["application/json"]["schema"]


def list_response(endpoint: str, items: dict | None = None) -> dict:
    """openapi.json's list response: `contents` beside the fields of `Page` (its allOf, merged here so that
    closing it still allows `contents`); every field required, as we publish them all."""
    schema = response(endpoint)
    assert schema["allOf"] == [{"$ref": "#/components/schemas/Page"}]
    properties = {**OPENAPI["components"]["schemas"]["Page"]["properties"],
                  "contents": {"type": "array", "items": items or schema["properties"]["contents"]["items"]}}
    return {"type": "object", "properties": properties, "required": list(properties)}


SERVICE = {"$ref": UPSTREAM + "service.json"}
# Each published file and the response it must be. /services lists full services (the API's `full` option):
# openapi.json's default items, compiled/service_list.json, are services without their arrays.
SCHEMAS = {
    "services.json": list_response("/services", SERVICE),
    "organizations.json": list_response("/organizations"),
    "taxonomies.json": list_response("/taxonomies"),
    "taxonomy_terms.json": list_response("/taxonomy_terms"),
    "services/": response("/services/{id}"),
}


def schema_for(path: str) -> dict:
    return SCHEMAS[path if path in SCHEMAS else path.split("/")[0] + "/"]


def published(site: Path) -> dict[str, dict]:
    folder = site / hsds.FOLDER
    return {p.relative_to(folder).as_posix(): json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(folder.rglob("*.json"))}


def errors(path: str, document: dict) -> list[str]:
    schema = validator(schema_for(path))
    return [f"{path}: {e.json_path}: {e.message}" for e in schema.iter_errors(document)]


def fixture_project(dest: Path) -> Path:
    """The project with the fixture data, a small mkdocs.yml and docs/ with the Open data page and stubs of the
    two pages it links to."""
    project = copy_project(dest)
    shutil.rmtree(project / "data")
    shutil.copytree(FIXTURES, project / "data")
    docs = project / "docs"
    page = (docs / "open-data.md").read_text()
    shutil.rmtree(docs)
    docs.mkdir()
    (docs / "open-data.md").write_text(page)
    (docs / "resources.md").write_text("# Resource directory\n")
    (docs / "about.md").write_text("# About\n\n## Contact us\n")
    (project / "mkdocs.yml").write_text("site_name: Test partnership\nsite_url: https://example.org/test/\n")
    return project


PUBLISH = ("import json, sys\nfrom vrp.build import load\nfrom vrp.pages import hsds\nb = load(sys.argv[1])\n"
           "print(json.dumps(hsds.files(b.site, b.config.site_url, b.config.site_name)))")


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> list[tuple[Path, dict]]:
    """The fixture project's HSDS files made twice, from two copies in different folders, by two processes:
    (the project, its files as published under open-data/hsds/)."""
    made = []
    for n in (1, 2):
        project = fixture_project(tmp_path_factory.mktemp(f"hsds-{n}") / "project")
        result = subprocess.run([sys.executable, "-c", PUBLISH, str(project)], cwd=project, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr[-3000:]
        files = {path.removeprefix(hsds.FOLDER + "/"): json.loads(text) for path, text in json.loads(result.stdout).items()}
        made.append((project, files))
    return made


@pytest.fixture(scope="module")
def fixture_services(two_builds) -> list[dict]:
    return two_builds[0][1]["services.json"]["contents"]


# --- the real build: whatever the data, every file is valid HSDS --------------------------------------


def test_every_published_file_validates_against_the_hsds_schemas(site):
    files = published(site)
    assert {"index.json", "services.json", "organizations.json", "taxonomies.json", "taxonomy_terms.json"} <= files.keys()
    problems = [problem for path, document in files.items() if path != "index.json"
                for problem in errors(path, document)]
    assert not problems, "\n".join(problems[:40])


def test_every_directory_entry_is_one_service_with_its_own_file(site):
    files = published(site)
    resources = load(ROOT).entries
    services = files["services.json"]["contents"]
    assert [directory_id(s) for s in services] == [e.id for e in resources]
    for e, s in zip(resources, services, strict=True):
        assert s["id"] == str(uuid.uuid5(hsds.NAMESPACE, f"service:{e.id}"))
        assert files[f"services/{s['id']}.json"] == s, "the /services/{id} file differs from its entry in services.json"
        assert s["name"] == e.title and s["url"] == e.url and s["status"] == "active"
        assert s["assured_date"] == e.last_reviewed.isoformat()
        assert s.get("email") == e.email
        assert [p["number"] for p in s.get("phones", [])] == ([str(e.phone)] if e.phone else [])
        assert hsds.slug(s["organization"]["name"]) == hsds.slug(e.organisation)
        assert s["organization_id"] == s["organization"]["id"]
    assert len([p for p in files if p.startswith("services/")]) == len(resources)


def test_every_service_file_is_named_by_its_uuid(site):
    """As the API's /services/{id}: services/<UUID>.json, the UUID being the service's own id."""
    files = published(site)
    services = {path: document for path, document in files.items() if path.startswith("services/")}
    assert services
    for path, document in services.items():
        name = path.removeprefix("services/").removesuffix(".json")
        assert name == document["id"], f"{path} holds the service {document['id']}"
        assert str(uuid.UUID(name)) == name
    assert {f"services/{s['id']}.json" for s in files["services.json"]["contents"]} == services.keys()


def test_the_list_files_are_single_complete_pages(site):
    files = published(site)
    for name in ("services.json", "organizations.json", "taxonomies.json", "taxonomy_terms.json"):
        page = files[name]
        n = len(page["contents"])
        assert (page["total_items"], page["size"], page["total_pages"], page["page_number"]) == (n, n, 1, 1), name
        assert page["first_page"] and page["last_page"] and page["empty"] is (n == 0), name


def test_ids_are_unique_and_an_id_always_names_the_same_object(site):
    """An organization or term appears inside many services: each time the same, and no two objects share an id."""
    seen: dict[str, dict] = {}
    def walk(node):
        if isinstance(node, dict):
            if "id" in node:
                assert seen.setdefault(node["id"], node) == node, f"id {node['id']} names two different objects"
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    files = published(site)
    for name, document in files.items():
        if name != "index.json":
            walk(document.get("contents", document))
    organizations = {o["id"]: o for o in files["organizations.json"]["contents"]}
    assert len(organizations) == len(files["organizations.json"]["contents"])
    assert {s["organization_id"] for s in files["services.json"]["contents"]} == organizations.keys()


def test_every_term_a_service_uses_is_published_with_its_taxonomy(site):
    files = published(site)
    taxonomies = {t["id"] for t in files["taxonomies.json"]["contents"]}
    terms = {t["id"]: t for t in files["taxonomy_terms.json"]["contents"]}
    used = {a["taxonomy_term"]["id"] for s in files["services.json"]["contents"]
            for a in s["attributes"] if "taxonomy_term" in a}
    assert used == terms.keys(), "taxonomy_terms.json holds exactly the terms some service uses"
    assert {t["taxonomy_id"] for t in terms.values()} == taxonomies
    site_data = load(ROOT)
    for t in hsds.TAXONOMIES:
        codes = {term["code"] for term in terms.values()
                 if term["taxonomy_id"] == str(uuid.uuid5(hsds.NAMESPACE, f"taxonomy:{t.kind}"))}
        assert codes == {v for e in site_data.entries for v in ([e.type] if t.field == "type" else getattr(e, t.field))}


def test_the_index_names_the_version_the_licence_and_every_file(site):
    files = published(site)
    index = files["index.json"]
    root = response("/")  # the API's root response (version, profile, openapi_url); the rest is ours, beside it
    assert not list(validator(root).iter_errors({k: index[k] for k in root["properties"] if k in index}))
    assert index["version"] == "3.0" and index["openapi_url"] == UPSTREAM + "openapi.json"
    assert index["license"] == {"name": "Open Government Licence v3.0", "url": OGL}
    assert sorted(f["path"] for f in index["files"]) == sorted(set(files) - {"index.json"})
    site_url = SITE_URL
    checker = FormatChecker()
    for f in index["files"]:
        assert f["url"] == f"{site_url}{hsds.FOLDER}/{f['path']}" and checker.conforms(f["url"], "uri")
        assert f["endpoint"] in OPENAPI["paths"], f["endpoint"]
    service_files = [f for f in index["files"] if f["endpoint"] == "/services/{id}"]
    assert [f["directory_id"] for f in service_files] == [e.id for e in load(ROOT).entries]
    for f in service_files:  # the UUID names the file; the entry's id and page are there for readers
        assert f["path"] == f"services/{f['id']}.json" and files[f["path"]]["id"] == f["id"]
        assert f["page"] == f"{site_url}resources/{f['directory_id']}/"
        assert (site / "resources" / f["directory_id"] / "index.html").is_file(), f["page"]
    assert index["documentation"] == site_url + "open-data/" and (site / "open-data" / "index.html").exists()


# --- the validator rejects what HSDS forbids -------------------------------------------------------------


def _unknown_field(s):
    s["colour"] = "blue"


def _unknown_nested_field(s):
    s["service_areas"][0]["postcode"] = "BS1"


def _bad_uuid(s):
    s["id"] = "childline"


def _missing_status(s):
    del s["status"]


def _unknown_status(s):
    s["status"] = "open"


def _bad_email(s):
    s["email"] = "team at example.org"


def _bad_url(s):
    s["url"] = "www.childline.org.uk"


def _bad_date(s):
    s["assured_date"] = "2026-02-30"


def _bad_term_id(s):
    s["attributes"][1]["taxonomy_term"]["id"] = "helpline"


BROKEN = [
    (_unknown_field, "Additional properties are not allowed ('colour' was unexpected)"),
    (_unknown_nested_field, "Additional properties are not allowed ('postcode' was unexpected)"),
    (_bad_uuid, "'childline' is not a 'uuid'"),
    (_missing_status, "'status' is a required property"),
    (_unknown_status, "'open' is not one of"),
    (_bad_email, "is not a 'email'"),
    (_bad_url, "'www.childline.org.uk' is not a 'uri'"),
    (_bad_date, "'2026-02-30' is not a 'date'"),
    (_bad_term_id, "'helpline' is not a 'uuid'"),
]


@pytest.mark.parametrize("break_it,message", BROKEN, ids=[b[0].__name__.strip("_") for b in BROKEN])
def test_the_validator_rejects_a_broken_service(fixture_services, break_it, message):
    service = copy.deepcopy(fixture_services[0])
    service.setdefault("email", "team@example.org")
    assert not errors("services/x.json", service), "the unbroken service must be valid"
    break_it(service)
    found = errors("services/x.json", service)
    assert any(message in e for e in found), found
    assert errors("services.json", hsds.page([service])), "the same break inside services.json is rejected too"


def test_the_validator_rejects_a_broken_page(fixture_services):
    page = hsds.page(fixture_services)
    assert not errors("services.json", page)
    assert any("'total_items' is a required property" in e
               for e in errors("services.json", {k: v for k, v in page.items() if k != "total_items"}))
    assert any("'next_page' was unexpected" in e for e in errors("services.json", {**page, "next_page": 2}))


def test_every_format_we_publish_is_checked():
    """jsonschema skips a format it has no checker for: "uri" needs rfc3986-validator (requirements.txt)."""
    assert {"uuid", "email", "uri", "date"} <= FormatChecker().checkers.keys()


def test_validation_fetches_nothing():
    """Every $ref resolves in the local registry: an unknown address fails instead of being downloaded."""
    with pytest.raises(Exception, match="Unresolvable|unresolvable|PointerToNowhere|NoSuchResource"):
        validator({"$ref": UPSTREAM + "not_vendored.json"}).validate({})


# --- the same UUIDs in two builds, whatever machine or folder -------------------------------------------


def test_two_builds_publish_every_entry_once_with_the_same_uuids(two_builds):
    (project, first), (_, second) = two_builds
    assert first == second, "two builds of the same data must publish the same files"
    entries = [e.id for e in load(project).entries]
    services = first["services.json"]["contents"]
    assert sorted(directory_id(s) for s in services) == sorted(entries)
    assert len({s["id"] for s in services}) == len(entries)
    for entry in entries:
        service_id = str(uuid.uuid5(hsds.NAMESPACE, f"service:{entry}"))
        assert first[f"services/{service_id}.json"]["id"] == service_id
        assert f"services/{entry}.json" not in first, "a service's file is named by its UUID, not the entry's id"
    problems = [p for path, doc in first.items() if path != "index.json" for p in errors(path, doc)]
    assert not problems, problems


def test_a_fixture_build_has_the_expected_hsds_shape(fixture_services):
    """The fixture's two entries, field by field: a national helpline with a phone, a local service with an email."""
    childline, local = fixture_services
    assert childline["name"] == "Childline" and childline["phones"][0]["number"] == "0800 1111"
    assert [a["name"] for a in childline["service_areas"]] == ["England"]
    assert "email" not in childline and "phones" not in local
    assert local["email"] == "VRU_Project@bathnes.gov.uk" and local["assured_date"] == "2026-02-01"
    assert [a["name"] for a in local["service_areas"]] == ["Bath and North East Somerset"]
    terms = {(a["link_type"], a["taxonomy_term"]["code"]) for a in local["attributes"] if "taxonomy_term" in a}
    assert terms == {("type", "guidance"), ("audience", "professionals"), ("topic", "domestic-abuse"), ("area", "banes")}
    assert local["organization"]["name"] == "Bath & North East Somerset Council"
    assert "Local team" in local["organization"]["description"]


def directory_id(service: dict) -> str:
    (value,) = [a["value"] for a in service["attributes"] if a.get("link_type") == "directory_id"]
    return value


# --- shaping rules, on the fixture data changed in memory ------------------------------------------------


@pytest.fixture
def fixture_site(tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "data")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    return load(tmp_path)


def shaped(site, **changes):
    """The fixture's entries with some fields changed (lists written as in the YAML)."""
    site.entries = [replace(e, **{k: tuple(v) if isinstance(v, list) else v for k, v in changes.get(e.id, {}).items()})
                    for e in site.entries]
    return hsds.Directory(site, "https://example.org/", "Test partnership")


def test_an_organisation_written_two_ways_is_one_organization(fixture_site):
    directory = shaped(fixture_site, childline={"organisation": "Bath and North East Somerset council"})
    assert len(directory.organizations) == 1
    (org,) = directory.organizations.values()
    assert org["name"] == "Bath and North East Somerset council", "named as first written"
    assert org["id"] == str(uuid.uuid5(hsds.NAMESPACE, "organization:bath-and-north-east-somerset-council"))
    assert {s["organization_id"] for s in directory.services} == {org["id"]}
    assert "Childline and Local team" in org["description"]


def test_the_service_area_says_england_all_of_avon_and_somerset_or_each_area(fixture_site):
    every = [a["id"] for a in fixture_site.vocabularies["areas"]]
    directory = shaped(fixture_site, childline={"areas": every})
    (area,) = directory.services[0]["service_areas"]
    assert area["name"] == "Avon and Somerset"
    assert all(a["label"] in area["description"] for a in fixture_site.vocabularies["areas"])
    directory = shaped(fixture_site, childline={"areas": ["all"]})
    assert [a["name"] for a in directory.services[0]["service_areas"]] == ["England"]
    assert [a["taxonomy_term"]["code"] for a in directory.services[0]["attributes"] if a["link_type"] == "area"] == ["all"]


@pytest.mark.parametrize("markdown,text", [
    ("Call **now**, or *text*.", "Call now, or text."),
    ("See [our FAQ](faq.md#what-is-it) or [Childline](https://www.childline.org.uk/).",
     "See our FAQ (https://example.org/faq/#what-is-it) or Childline (https://www.childline.org.uk/)."),
    ("Write to [team@example.org](mailto:team@example.org).", "Write to team@example.org."),
    ("First line\ngoes on.\n\n- one\n- two", "First line goes on.\n\n- one\n- two"),
    ("Fish & chips <script>alert(1)</script>", "Fish & chips <script>alert(1)</script>"),
])
def test_descriptions_become_plain_text(markdown, text):
    assert hsds.plain_text(markdown, "https://example.org/") == text


def test_every_field_of_a_resource_has_a_row_in_the_mapping():
    """A new field in schemas/resources.schema.json must say where it goes in HSDS (or that it does not)."""
    fields = json.loads((ROOT / "schemas" / "resources.schema.json").read_text())["properties"]["resources"]["items"]["properties"]
    assert {row.ours for row in hsds.MAPPING if row.ours} == fields.keys()


# --- the Open data page ----------------------------------------------------------------------------------


def test_the_open_data_page_links_every_file_and_shows_the_mapping(read, site):
    soup = read("open-data/")
    main = soup.find("article") or soup
    links = {a["href"] for a in main.find_all("a", href=True)}
    for name in ("index.json", "services.json", "organizations.json", "taxonomies.json", "taxonomy_terms.json"):
        assert f"hsds/{name}" in links, name
    assert {"../resources.json", "../resources.csv", OGL} <= links
    service_links = [href for href in links if href.startswith("hsds/services/")]
    assert len(service_links) == 1, "one example service file, not the whole directory"
    for href in links:
        if href.startswith(("hsds/", "../resources.")):
            assert (site / "open-data" / href).resolve().is_file(), href
    terms = [dt.get_text(" ", strip=True) for dt in main.find_all("dt")]
    assert terms == [row.ours or "No field of ours" for row in hsds.MAPPING]
    text = main.get_text(" ", strip=True)
    assert "Open Government Licence v3.0" in text and str(hsds.NAMESPACE) in text
    assert "every time the directory changes" in text


def test_the_open_data_page_does_not_embed_the_data(site):
    html = (site / "open-data" / "index.html").read_text()
    example, *services = published(site)["services.json"]["contents"]
    assert example["id"] in html, "the first service's file is the example"
    assert not [s["id"] for s in services if s["id"] in html]
    assert not [s["name"] for s in services if len(s["description"]) > 40 and s["description"] in html]


def test_the_fixture_page_links_its_first_entry_as_the_example(two_builds):
    from vrp.build import load as load_build
    soup = BeautifulSoup(load_build(two_builds[0][0]).html("open-data.md"), "html.parser")
    childline = uuid.uuid5(hsds.NAMESPACE, "service:childline")
    assert soup.find("a", href=f"hsds/services/{childline}.json")
    assert f"services/{childline}.json (the entry childline)" in " ".join(soup.get_text().split())
    assert "2 files" in soup.get_text(" ")


@pytest.mark.fast
def test_services_json_is_written_from_the_service_files_as_json_would_write_it(fixture_site):
    """Each service is written once (vrp.pages.hsds._page_text): the list file must be what json.dumps makes."""
    services = hsds.Directory(fixture_site, "https://example.org/", "Test partnership").services
    for contents in (services, services[:1], []):
        assert hsds._page_text([hsds._dump(s) for s in contents]) == json.dumps(hsds.page(contents), ensure_ascii=False, indent=1)
