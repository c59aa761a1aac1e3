"""The directory at 1,000 synthetic resources (bench/synthetic.py), in Chromium: without JavaScript every
entry is reachable from the directory page by its links and readable on its own page; with it, the page
shows its first results from the HTML and fetches none of the directory's data until the reader searches."""
from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from bench import synthetic
from browser import serve
from conftest import build

pytestmark = pytest.mark.browser
SIZE = 1000


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    work = tmp_path_factory.mktemp("directory-1000")
    (work / "project").mkdir()
    synthetic.project(work / "project", SIZE)
    result = build(work / "project", work / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    entries = yaml.safe_load((work / "project" / "data" / "resources.yml").read_text())["resources"]
    url, server = serve(work / "site")
    yield {"url": url, "site": work / "site", "entries": entries}
    server.shutdown()


def test_without_javascript_every_entry_is_reachable_and_readable(browser, large):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    start = large["url"] + "resources/"
    cards, details, queue, seen = set(), set(), [start], set()
    while queue:  # every list the directory page leads to, by its links alone
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        assert page.goto(url).status == 200, url
        found = page.eval_on_selector_all("article.vrp-resource", "els => els.map(e => e.id)")
        assert len(found) <= 50, url  # a list page holds 50 entries at most
        cards |= set(found)
        for href in page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)"):
            path = href.split("#")[0]
            if re.search(r"/resources/(page|area)/", path):
                queue.append(path)
            elif re.search(r"/resources/[a-z0-9-]+/$", path):
                details.add(path.rstrip("/").rsplit("/", 1)[1])
    ids = [r["id"] for r in large["entries"]]
    assert cards == set(ids)
    assert set(ids) <= details
    assert len(seen) > SIZE // 50  # the lists really are paged
    for r in large["entries"]:  # each entry's page, as the link gives it
        html = BeautifulSoup((large["site"] / "resources" / r["id"] / "index.html").read_text(), "html.parser")
        assert html.h1.get_text() == r["title"] and html.find("a", href=r["url"]), r["id"]
    for r in large["entries"][::97]:  # and some of them read in the browser
        page.goto(large["url"] + f"resources/{r['id']}/")
        assert page.locator("h1").inner_text() == r["title"]
        assert page.get_by_role("link", name="Resource directory", exact=True).first.is_visible()
    context.close()


def test_each_list_page_leads_to_the_next_and_back(browser, large):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(large["url"] + "resources/page/1/")
    pages = 1
    while page.locator("a[rel=next]").count():
        page.locator("a[rel=next]").first.click()
        pages += 1
        assert page.locator("[aria-current=page]").first.inner_text() == str(pages)
    assert pages == -(-SIZE // 50)
    page.locator("a[rel=prev]").first.click()
    assert page.locator("[aria-current=page]").first.inner_text() == str(pages - 1)
    context.close()


def test_the_first_load_fetches_none_of_the_directorys_data_and_a_search_only_some(browser, large):
    context = browser.new_context()
    page = context.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(large["url"] + "resources/", wait_until="networkidle")
    assert page.locator("#vrp-results .vrp-resource").count() == 20
    assert not [u for u in fetched if "/assets/directory/" in u]
    page.locator("#vrp-q").fill("knife")
    page.wait_for_function("() => document.getElementById('vrp-count').textContent.includes('match')"
                           " && !document.getElementById('vrp-results').hasAttribute('aria-busy')")
    data = [u for u in fetched if "/assets/directory/" in u]
    shards = [u for u in data if "/terms/" in u]
    pieces = [u for u in data if "/entries/" in u]
    # the letter of the word typed; its synonyms ("blade", "weapon") come in synonyms.json, not in their letters
    assert [u.rsplit("/", 1)[1] for u in shards] == ["k.json"]
    assert any(u.endswith("/synonyms.json") for u in data)
    assert 0 < len(pieces) <= 20 < SIZE // 20  # the cards shown, not the directory
    # and the places, so a town typed in the box chooses its area (places.json: a few kilobytes at any size)
    assert not [u for u in data if u.rsplit("/", 1)[1] not in ("facets.json", "synonyms.json", "places.json")
                and "/terms/" not in u and "/entries/" not in u]
    context.close()


def test_an_area_page_shows_a_few_of_its_services_and_links_the_rest(large):
    """An area's page stays the same size however many services the area has: it shows the first SHOWN
    and links the area's own list in the directory, where every one of them is."""
    from vrp.manifest import SHOWN
    vocabularies = yaml.safe_load((large["site"].parent / "project" / "data" / "vocabularies.yml").read_text())
    services = {t["id"] for t in vocabularies["types"] if t["kind"] == "service"}
    for page in sorted((large["site"] / "spokes").glob("*/index.html")):
        area = page.parent.name
        local = [e for e in large["entries"] if area in e["areas"] and e["type"] in services]
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        shown = soup.select(".vrp-service")
        assert len(shown) == min(SHOWN, len(local)), area
        if len(local) > SHOWN:
            link = soup.find("a", href=f"../../resources/area/{area}/")
            assert link and str(len(local)) in link.get_text(), area
            assert (large["site"] / "resources" / "area" / area / "index.html").is_file()
