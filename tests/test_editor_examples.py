"""Everything CONTRIBUTING.md shows an editor, applied to one copy of the project and built once: every
template, every link example in every Markdown field, and retiring an entry. The copy passes the data
check and the strict build, and each link written as the guide says resolves in the built HTML on every
page its text lands on (one build for all of them: a build takes tens of seconds).

The guide's link examples are read from its table after `<!-- links: -->`, so an example added there is
tested here without changing this file.
"""
from __future__ import annotations

import posixpath
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project
from vrp.data import yamlsource
from test_contributing_templates import GUIDE, TEMPLATES, apply, unique

TOKEN = "xl"  # the words of each test link: xl-<field>-<n>, unique on the site
# every Markdown field (schemas' contentMediaType text/markdown), where its text is put in the copy
FIELDS = ["answer", "description", "local", "body", "about", "programme", "summary", "what_happens"]
EXTRA = ["index.md"]  # also the home page, whose address is the site's root


def examples(guide: str) -> list[str]:
    """The link targets of the guide's table of link examples."""
    table = guide.split("<!-- links:", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"\]\(([^)\s]+)\)", table)


TARGETS = examples(GUIDE) + EXTRA
RETIRE = re.search(r"<!-- retire: (\S+) -->\s*\n```yaml\n(.*?)```", GUIDE, re.S)


def links(field: str) -> str:
    """A text with a link to every target, each with its own words; the last written as a reference."""
    parts = [f"[{TOKEN}-{field}-{n}]({target})" for n, target in enumerate(TARGETS[:-1])]
    n = len(TARGETS) - 1
    return "See " + ", ".join(parts) + f" and [{TOKEN}-{field}-{n}][last].\n\n[last]: {TARGETS[-1]}\n"


def _dump(file: Path, data: dict) -> None:
    first = file.read_text(encoding="utf-8").split("\n", 1)[0]
    file.write_text(first + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")


def _load(file: Path) -> dict:
    return yaml.load(file.read_text(encoding="utf-8"), Loader=yamlsource._PyLoader)  # dates stay as written


def put_links(project: Path) -> dict:
    """Every Markdown field gets a text linking to every target; returns where each field's text landed."""
    data = project / "data"
    help_data, spokes, faq, updates = (_load(data / f"{n}.yml") for n in ("help", "spokes", "faq", "updates"))
    resources = _load(data / "resources.yml")
    named = {line.get("resource") for s in help_data["situations"] for line in s["lines"]}
    named |= {i for s in spokes["spokes"] for i in (s.get("safeguarding") or {}).values()}
    local = next(r for r in resources["resources"] if r["type"] == "local-service" and r["areas"] == ["bristol"]
                 and r["id"] not in named)
    national = next(r for r in resources["resources"] if r["id"] == "childline")
    national["description"] = links("description")
    local["description"] = f"A service in Bristol {links('local')}"  # its first sentence is on the Get help page
    faq["sections"][0]["questions"][0]["answer"] = links("answer")
    updates["items"][0]["body"] = links("body")
    bristol = next(s for s in spokes["spokes"] if s["id"] == "bristol")
    bristol["about"] = links("about")
    bristol["programmes"][0]["description"] = links("programme")
    situation = next(s for s in help_data["situations"] if s.get("summary"))
    situation["summary"] = links("summary")
    line = next(line for s in help_data["situations"] for line in s["lines"] if line.get("what_happens"))
    line["what_happens"] = links("what_happens")
    for name, value in (("help", help_data), ("spokes", spokes), ("faq", faq), ("updates", updates), ("resources", resources)):
        _dump(data / f"{name}.yml", value)
    return {"answer": ["faq/"], "description": ["resources/childline/", "resources/page/1/", "resources/area/all/"],
            "local": [f"resources/{local['id']}/", "spokes/bristol/", "resources/area/bristol/", "help/"],
            "body": [f"updates/{updates['items'][0]['id']}/"], "about": ["spokes/bristol/"], "programme": ["spokes/bristol/"],
            "summary": ["help/"], "what_happens": ["help/"]}


def retire(project: Path) -> dict:
    """The guide's way to take an entry out, with an entry nothing else names."""
    data = project / "data"
    text = "\n".join((data / f"{n}.yml").read_text() for n in ("help", "spokes", "faq", "updates"))
    resources = _load(data / "resources.yml")
    entry = next(r for r in resources["resources"] if r["id"] not in text and r["type"] == "helpline")
    resources["resources"].remove(entry)
    _dump(data / "resources.yml", resources)
    file = data / RETIRE.group(1).removeprefix("data/")
    pasted = textwrap.dedent(RETIRE.group(2)).replace("name-of-the-service", entry["id"]).replace(
        "Name of the service", entry["title"])
    file.write_text(file.read_text().replace("retired: []", "retired:") + pasted, encoding="utf-8")
    return entry


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("examples") / "project")
    for template in TEMPLATES:
        apply(project, template)
    landed = put_links(project)
    retired = retire(project)
    check = subprocess.run([sys.executable, "-m", "vrp.tools.check", "--root", str(project)], capture_output=True, text=True)
    build = subprocess.run([sys.executable, "-m", "vrp.tools.build", "--root", str(project)], capture_output=True,
                           text=True, timeout=900)
    return {"project": project, "site": project / "site", "check": check, "build": build, "landed": landed,
            "retired": retired}


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_guide_has_link_examples_and_a_way_to_retire_an_entry():
    assert len(TARGETS) >= 6 and any(t.startswith("resources.md#") for t in TARGETS) and any("#" in t for t in TARGETS)
    assert RETIRE and yaml.safe_load(textwrap.dedent(RETIRE.group(2)))


def test_every_example_together_passes_the_check_and_the_strict_build(built):
    assert built["check"].returncode == 0, built["check"].stderr
    assert "data/ is valid" in built["check"].stdout
    assert built["build"].returncode == 0, built["build"].stderr[-4000:]
    assert not list(built["project"].glob(".site-building-*")), "the temporary build folder was left behind"


def test_each_template_is_on_its_page(built):
    site = built["site"]
    ids = {t.file: yaml.safe_load(unique(textwrap.dedent(t.text), (ROOT / t.file).read_text()))[0].get("id")
           for t in TEMPLATES}
    title = yaml.safe_load(unique(textwrap.dedent(next(t for t in TEMPLATES if t.file == "data/resources.yml").text),
                                  (ROOT / "data/resources.yml").read_text()))[0]["title"]
    assert soup(site, f"resources/{ids['data/resources.yml']}").find("h1").get_text() == title
    assert soup(site, "faq").find(id=ids["data/faq.yml"]), ids["data/faq.yml"]
    update = (site / "updates" / ids["data/updates.yml"] / "index.html").read_text()
    assert 'http-equiv="Content-Security-Policy"' in update, "the build ran to its end"


def _resolve(page: str, href: str) -> tuple[str, str]:
    """(the site path of the page a link opens, its #anchor), from the page (e.g. "spokes/bristol/") it is on."""
    parts = urlsplit(href)
    opened = posixpath.normpath(posixpath.join(page.rstrip("/") or ".", parts.path))
    return ("" if opened == "." else opened + "/"), parts.fragment


@pytest.mark.parametrize("field", FIELDS)
def test_each_link_example_resolves_on_every_page_its_field_lands_on(built, field):
    """Written once from the top of the site, the link is right from each page the text is shown on."""
    site = built["site"]
    for page in built["landed"][field]:
        found = {a.get_text(): a["href"] for a in soup(site, page).find_all("a") if a.get_text().startswith(f"{TOKEN}-{field}-")}
        assert len(found) == len(TARGETS), (page, sorted(found))
        for n, target in enumerate(TARGETS):
            href = found[f"{TOKEN}-{field}-{n}"]
            if target.startswith("https://"):
                assert href == target
                continue
            opened, anchor = _resolve(page, href)
            assert (site / opened / "index.html").is_file(), (page, target, href)
            if anchor:
                assert soup(site, opened).find(id=anchor), (page, target, href)
            if target.startswith("resources.md#"):  # the entry's own page, not the directory
                assert opened == f"resources/{target.split('#')[1]}/", (page, target, href)
            else:
                page_of = target.split("#")[0].removesuffix(".md")
                assert opened == ("" if page_of == "index" else page_of.removesuffix("/index") + "/"), (page, target, href)


def test_the_retired_entry_s_old_address_says_so_and_where_to_go(built):
    entry, site = built["retired"], built["site"]
    page = soup(site, f"resources/{entry['id']}")
    text = page.find("article").get_text(" ", strip=True)
    assert "This service is no longer listed" in text and "The service closed in November 2026." in text
    assert page.find("title").get_text().startswith(f"{entry['title']}: no longer listed")
    hrefs = {a.get_text(): a["href"] for a in page.find("article").find_all("a")}
    assert hrefs["Search the resource directory"] == "../../resources/" and hrefs["Get help"] == "../../help/"
    assert f"resources/{entry['id']}/" not in (site / "sitemap.xml").read_text()
    assert entry["id"] not in (site / "resources.json").read_text()


@pytest.mark.fast
def test_every_example_passes_the_data_check_in_memory(tmp_path):
    """The same copy as the build's, checked without building: what `make test-fast` covers of this module."""
    from conftest import load
    project = copy_project(tmp_path / "project")
    for template in TEMPLATES:
        apply(project, template)
    put_links(project)
    retire(project)
    site = load(project)
    assert site.retired and site.retired[0].reason == "The service closed in November 2026."
