"""Updates: newest first by date whatever the file's order, on the home page and the updates page,
dated only as precisely as the source allows, and published as a valid Atom 1.0 feed.

The reordering tests render, without a build (conftest.InMemory), a copy of the project whose
data/updates.yml is the real one turned upside down, with the newest update moved to the end and two
updates of our own added, so they hold for any valid content.
"""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from browser import SITE_URL
from conftest import ROOT, InMemory, copy_project
from test_validation import TODAY, project_with
from vrp.data.problems import DataError
from conftest import load
from vrp.data.yamlsource import read

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/updates.schema.json\n"


def items_of(root: Path) -> list[dict]:
    source, problems = read(root / "data" / "updates.yml", "data/updates.yml")
    assert not problems
    return source.data["items"]


def text(soup) -> str:
    return " ".join(soup.get_text(" ").split())


def html(site, path: str) -> BeautifulSoup:
    """A page of a built site (a folder) or of one in memory."""
    if isinstance(site, InMemory):
        return site.page(path + "/" if path else "")
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def reordered(tmp_path_factory):
    """A copy of the site, in memory, whose updates file is in the wrong order on purpose; returns
    (the site, the items as written, the two added items)."""
    tmp = tmp_path_factory.mktemp("updates")
    project = copy_project(tmp / "project")
    items = items_of(project)
    newest = max(items, key=lambda i: i["date"])
    shuffled = [i for i in reversed(items) if i is not newest] + [newest]
    oldest = min(dt.date.fromisoformat(i["date"]) for i in items)
    month = (oldest.replace(day=1) - dt.timedelta(days=40)).replace(day=1)  # a month before the oldest
    vague = {"id": "fixture-vague", "title": "A month & no day < a week", "date": month.isoformat(),
             "when": f"{month:%B %Y}", "summary": "Dated only by its month.", "body": "It happened.",
             "source": {"title": "Fixture source", "url": "https://www.example.org.uk/"}}
    exact = {"id": "fixture-exact", "title": "The oldest of all", "date": (month - dt.timedelta(days=1)).isoformat(),
             "summary": "Dated by its day.", "body": "It happened earlier.",
             "source": {"title": "Fixture source", "url": "https://www.example.org.uk/"}}
    written = [exact, vague] + shuffled
    (project / "data" / "updates.yml").write_text(
        SCHEMA_LINE + yaml.safe_dump({"items": written}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return InMemory(project), written, (vague, exact)


def listed(soup, selector=".vrp-update__title") -> list[str]:
    """The update ids a list links to, in the order shown."""
    return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in soup.select(selector)]


@pytest.mark.fast
def test_the_home_page_shows_the_newest_updates_first_whatever_the_file_order(reordered):
    site, written, _ = reordered
    shown = listed(html(site, "").select_one(".vrp-updates"))
    by_id = {i["id"]: i for i in written}
    newest = max(i["date"] for i in written)
    assert shown and by_id[shown[0]]["date"] == newest, shown
    assert [by_id[i]["date"] for i in shown] == sorted((by_id[i]["date"] for i in shown), reverse=True)
    # the latest few: none left out is newer than one shown
    assert all(i["date"] <= by_id[shown[-1]]["date"] for i in written if i["id"] not in shown)


def test_the_real_home_page_shows_the_newest_update_first(read):
    items = items_of(ROOT)
    shown = listed(read("").select_one(".vrp-updates"))
    dates = {i["id"]: i["date"] for i in items}
    assert dates[shown[0]] == max(dates.values())
    for a in read("").select(".vrp-update"):  # each with its date in words
        assert a.select_one("time[datetime]") and re.search(r"\b(19|20)\d\d\b", text(a.select_one(".vrp-update__date")))


@pytest.mark.fast
def test_the_updates_page_lists_every_update_newest_first_under_its_year(reordered):
    site, written, _ = reordered
    soup = html(site, "updates")
    shown = listed(soup)
    by_id = {i["id"]: i for i in written}
    assert sorted(shown) == sorted(by_id)
    assert [by_id[i]["date"] for i in shown] == sorted((i["date"] for i in written), reverse=True)
    for ul in soup.select("ul.vrp-updates"):
        year = text(ul.find_previous("h2")).removesuffix(" ¶")
        assert all(by_id[i]["date"].startswith(year) for i in listed(ul)), year


@pytest.mark.fast
def test_an_update_without_an_exact_day_shows_only_what_the_source_gives(reordered):
    site, _, (vague, exact) = reordered
    page = html(site, f"updates/{vague['id']}")
    date = page.select_one(".vrp-date time")
    assert text(date) == vague["when"] and date["datetime"] == vague["date"][:4]
    day = dt.date.fromisoformat(vague["date"])
    assert f"{day.day} {day:%B %Y}" not in text(page)  # "1 March 2019" would claim a day nobody gave
    assert text(page.find("h1")).removesuffix(" ¶") == vague["title"]  # the markup in it is text
    exact_page = html(site, f"updates/{exact['id']}")
    day = dt.date.fromisoformat(exact["date"])
    assert text(exact_page.select_one(".vrp-date time")) == f"{day.day} {day:%B %Y}"


def atom(path: Path):
    text = path.file("feed.xml") if isinstance(path, InMemory) else path.read_text(encoding="utf-8")
    root = ET.fromstring(text)  # raises on XML that is not well formed
    assert root.tag == f"{ATOM}feed"
    return root


def check_atom(root) -> list:
    """The rules of RFC 4287 a reader relies on; returns the entries."""
    for name in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{name}") is not None, name
    assert root.find(f"{ATOM}author/{ATOM}name").text
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))
    self_link = [l for l in root.findall(f"{ATOM}link") if l.get("rel") == "self"]
    assert len(self_link) == 1 and self_link[0].get("href") == SITE_URL + "feed.xml"
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for name in ("id", "title", "updated", "summary"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
        assert RFC3339.match(entry.findtext(f"{ATOM}updated")), entry.findtext(f"{ATOM}updated")
        dt.datetime.fromisoformat(entry.findtext(f"{ATOM}updated").replace("Z", "+00:00"))
        links = [l for l in entry.findall(f"{ATOM}link") if l.get("rel", "alternate") == "alternate"]
        assert len(links) == 1 and links[0].get("href").startswith(SITE_URL), "absolute, on this site"
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)
    times = [e.findtext(f"{ATOM}updated") for e in entries]
    assert times == sorted(times, reverse=True), "newest first"
    assert root.findtext(f"{ATOM}updated") == times[0], "the feed is as new as its newest entry"
    return entries


def entry_ids(entries) -> dict[str, str]:
    """Page address -> entry id."""
    return {e.find(f"{ATOM}link").get("href"): e.findtext(f"{ATOM}id") for e in entries}


def test_the_feed_is_atom_with_one_entry_per_update_newest_first(site):
    entries = check_atom(atom(site / "feed.xml"))
    items = items_of(ROOT)
    assert len(entries) == len(items)
    by_title = {i["title"]: i for i in items}
    for entry in entries:
        item = by_title[entry.findtext(f"{ATOM}title")]
        assert entry.findtext(f"{ATOM}updated").startswith(item["date"])
        assert entry.findtext(f"{ATOM}summary") == " ".join(item["summary"].split())
        page = urlsplit(entry.find(f"{ATOM}link").get("href")).path.removeprefix(urlsplit(SITE_URL).path)
        assert (site / page / "index.html").is_file(), page


def test_feed_ids_do_not_change_when_the_file_is_reordered_and_text_is_escaped(site, reordered):
    fixture_site, written, (vague, _) = reordered
    entries = check_atom(atom(fixture_site))
    assert len(entries) == len(written)
    real = entry_ids(check_atom(atom(site / "feed.xml")))
    moved = entry_ids(entries)
    assert all(moved[page] == real[page] for page in real), "an update kept its id"
    assert vague["title"] in [e.findtext(f"{ATOM}title") for e in entries]  # "&" and "<" read back as text


def test_the_updates_pages_name_the_feed_and_the_updates_page_links_it(site, read):
    paths = ["updates/"] + [f"updates/{i['id']}/" for i in items_of(ROOT)]
    for path in paths:
        links = read(path).select('head link[rel="alternate"][type="application/atom+xml"]')
        assert len(links) == 1, path
        assert urljoin(SITE_URL + path, links[0]["href"]) == SITE_URL + "feed.xml", path
    assert read("updates/").select_one("article a[href='../feed.xml']")
    assert not read("faq/").select('link[type="application/atom+xml"]')


def test_a_when_that_does_not_name_the_year_of_the_date_is_reported_at_its_line(tmp_path):
    project = project_with(tmp_path, "updates", "    date: 2019-09-27\n", "    date: 2019-09-27\n    when: 2023/24\n")
    with pytest.raises(DataError) as raised:
        load(project, TODAY)
    messages = [str(p) for p in raised.value.problems]
    assert any(m.startswith("data/updates.yml:6:") and 'update "first-meeting": field "when"' in m
               and "2019" in m for m in messages), messages


def test_a_when_without_any_year_is_reported(tmp_path):
    project = project_with(tmp_path, "updates", "    date: 2019-09-27\n", "    date: 2019-09-27\n    when: last autumn\n")
    with pytest.raises(DataError) as raised:
        load(project, TODAY)
    assert any('field "when": "last autumn" is not in the right form' in str(p) for p in raised.value.problems)


@pytest.mark.browser
def test_naming_the_feed_makes_no_request_fail(page, base_url):
    """Material takes any rel=alternate link for another version of the site and fetches the
    sitemap.xml beside it: beside the feed there must be one."""
    failed = []
    page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    for path in ("updates/", f"updates/{items_of(ROOT)[0]['id']}/"):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
    assert not failed, failed
