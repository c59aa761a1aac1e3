"""What the build makes for the directory, read from the files (no browser): a page for every entry, the
static lists, the pieces of data the script fetches, the sitemap, and the checks that keep them right.
On the tests' own data (tests/fixtures/directory), so nothing here depends on today's entries."""
from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from markupsafe import escape

from conftest import ROOT
from test_directory import BY_ID, ENTRIES, directory_project
from vrp.data import yamlsource
from vrp.pages.directory import plain
from vrp.search.postings import decode
from vrp.search.words import STOP_WORDS, words
from vrp.data.problems import DataError
from vrp.render import markdown_html
from conftest import load

SITE_URL = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(), re.M)[1]
VOCAB = yaml.safe_load((ROOT / "tests" / "fixtures" / "directory" / "vocabularies.yml").read_text())


@pytest.fixture(scope="module")
def built(directory_site) -> Path:
    return directory_site


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def data_dir(site: Path) -> Path:
    (folder,) = (site / "assets" / "directory").iterdir()
    return folder


def test_every_entry_has_its_own_page_with_the_sites_frame(built):
    for r in ENTRIES:
        page = soup(built, f"resources/{r['id']}")
        assert page.h1.get_text() == r["title"]
        assert page.title.get_text().startswith(r["title"] + " - ")
        assert page.find("link", rel="canonical")["href"] == f"{SITE_URL}resources/{r['id']}/"
        assert page.find("meta", attrs={"name": "description"})["content"].startswith(r["title"])
        assert page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert page.select_one(".vrp-help-bar") and page.select_one("#vrp-exit")
        assert page.find("a", href=r["url"])
        assert page.select_one("#vrp-share-url")["value"] == f"{SITE_URL}resources/{r['id']}/"
        if r.get("phone"):
            assert page.find("a", href="tel:" + r["phone"].replace(" ", ""))
        for area in r["areas"]:
            assert page.find("a", href=f"../../resources/area/{area}/")


def test_the_generated_pages_keep_the_shells_policy_and_no_trace_of_the_shells(built):
    """Each page is its shell with its own text: the scripts the policy allows are the shell's, unchanged."""
    for html in built.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "_shell" not in text and "VRP-SLOT" not in text, html
    assert not list(built.rglob("_shell"))
    policy = None
    for r in ENTRIES:
        meta = soup(built, f"resources/{r['id']}").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        policy = policy or meta["content"]
        assert meta["content"] == policy  # same scripts on every entry page, so the same hashes
    sitemap = (built / "sitemap.xml").read_text()
    for r in ENTRIES:
        assert f"<loc>{SITE_URL}resources/{r['id']}/</loc>" in sitemap
    assert f"<loc>{SITE_URL}resources/area/bristol/</loc>" in sitemap


def test_the_static_lists_hold_every_entry_and_each_areas_own(built):
    everything = soup(built, "resources/page/1")
    assert [a["id"] for a in everything.select("article.vrp-resource")] == [r["id"] for r in sorted(
        ENTRIES, key=lambda r: [t["id"] for t in VOCAB["types"]].index(r["type"]))]
    for area in [a["id"] for a in VOCAB["areas"]] + ["all"]:
        page = soup(built, f"resources/area/{area}")
        shown = [a["id"] for a in page.select("article.vrp-resource")]
        types = [t["id"] for t in VOCAB["types"]]  # by type; within one, this area's own before the region's
        expected = sorted((r for r in ENTRIES if area in r["areas"]), key=lambda r: (types.index(r["type"]), len(r["areas"])))
        assert shown == [r["id"] for r in expected], area
        links = {a["href"] for a in page.select(".vrp-browse a")}
        assert {f"../../../resources/area/{a}/" for a in [v["id"] for v in VOCAB["areas"]] + ["all"]} <= links


def test_the_directory_page_carries_its_first_results_and_the_ways_to_every_entry(built):
    page = soup(built, "resources")
    cards = page.select("#vrp-results article.vrp-resource")
    assert len(cards) == 20 and cards[0]["id"] == "domestic-abuse-helpline"
    assert page.select_one(".vrp-browse a[href='../resources/page/1/']")
    config = json.loads(page.select_one("#vrp-directory-config").string)
    assert config["count"] == len(ENTRIES)
    assert config["local"]["bristol"] == sum(1 for r in ENTRIES if "bristol" in r["areas"])
    assert config["local"]["all"] == sum(1 for r in ENTRIES if r["areas"] == ["all"])
    assert "How results are ordered" in page.select_one("#vrp-order").get_text()


def test_the_pieces_of_data_say_exactly_what_the_entries_say(built):
    folder = data_dir(built)
    order = [r["id"] for r in sorted(ENTRIES, key=lambda r: [t["id"] for t in VOCAB["types"]].index(r["type"]))]
    cards = [card for piece in sorted(folder.glob("entries/*.json"), key=lambda f: int(f.stem))
             for card in json.loads(piece.read_text())]
    facets = json.loads((folder / "facets.json").read_text())
    assert [cards[facets["card"][doc]]["id"] for doc in range(len(order))] == order
    topics = [t["id"] for t in VOCAB["topics"]]
    firsts = [topics.index(BY_ID[c["id"]]["topics"][0]) for c in cards]
    assert firsts == sorted(firsts)  # the cards are grouped by first topic, so a search needs few pieces
    areas = [a["id"] for a in VOCAB["areas"]] + ["all"]
    for doc, i in enumerate(order):
        r = BY_ID[i]
        assert facets["areas"][doc] == sum(1 << areas.index(a) for a in r["areas"])
        assert facets["type"][doc] == [t["id"] for t in VOCAB["types"]].index(r["type"])
    found: dict[tuple[int, str], int] = {}
    for shard in folder.glob("terms/*.json"):
        data = json.loads(shard.read_text())
        assert all(t.startswith(shard.stem) for t in data["terms"]) and data["terms"] == sorted(data["terms"])
        for term, encoded in zip(data["terms"], data["postings"], strict=True):
            for doc, where in decode(encoded):
                found[(doc, term)] = where
    for doc, i in enumerate(order):
        r = BY_ID[i]
        for bit, text in ((1, r["title"]), (2, r["organisation"]), (4, plain(markdown_html(r["description"])))):
            for word in set(words(text)) - set(STOP_WORDS):
                assert found[(doc, word)] & bit, (i, word)
    assert not any(w in {t for _, t in found} for w in STOP_WORDS)
    synonyms = json.loads((folder / "synonyms.json").read_text())
    assert {"knives", "stalked", "rape"} <= set(synonyms)  # single words of the tests' synonym list
    for word, encoded in synonyms.items():
        assert decode(encoded) == sorted((d, w) for (d, t), w in found.items() if t == word), word


def test_the_places_piece_is_the_places_table(built):
    places = yaml.safe_load((ROOT / "tests" / "fixtures" / "directory" / "places.yml").read_text())["places"]
    areas = [a["id"] for a in VOCAB["areas"]]
    assert json.loads((data_dir(built) / "places.json").read_text()) == \
        [{"name": p["name"], "areas": [areas.index(a) for a in p["areas"]], "also": p.get("also", []),
          **({"word": True} if p.get("word") else {})} for p in places] + \
        [{"name": a["label"], "areas": [areas.index(a["id"])], "also": a.get("also", [])} for a in VOCAB["areas"]]


@pytest.mark.parametrize("reserved", ["page", "area"])
def test_an_id_that_names_a_list_of_the_directory_is_refused_with_its_line(tmp_path, reserved):
    project = directory_project(tmp_path / "project")
    file = project / "data" / "resources.yml"
    file.write_text(file.read_text().replace("- id: mens-advice-line", f"- id: {reserved}"))
    with pytest.raises(DataError) as error:
        load(project)
    line = file.read_text().splitlines().index(f"- id: {reserved}") + 1
    assert f'data/resources.yml:{line}: resource "{reserved}": field "id": "{reserved}" is the name of a list' \
        in str(error.value)


SAMPLES = ["Plain words, and a comma.", "A 'quote' and \"double\"", "Price £5 - or less", "x -- y", "hello  world",
           "ends with a space ", "1. a list", "- an item", "one\n\ntwo", "can't won't", "50% of people", "café",
           "**bold** and _soft_", "[a link](https://example.org/)", "<b>tag</b> & co", "a: b", "line\\break"]


def test_plain_text_skips_markdown_but_comes_out_the_same():
    texts = SAMPLES + [r["description"] for r in ENTRIES]
    texts += [r["description"] for r in yaml.safe_load((ROOT / "data" / "resources.yml").read_text())["resources"]]
    for text in texts:
        assert str(markdown_html(text)) == markdown.markdown(str(escape(text)), extensions=["sane_lists"],
                                                             output_format="html"), text


def test_the_quick_yaml_reader_reads_as_pyyamls_own(tmp_path):
    """libyaml's parser, where PyYAML has it, gives the same data, lines and errors as the Python one."""
    slow = type("Slow", (yamlsource.yaml.SafeLoader,), {"yaml_implicit_resolvers": yamlsource._Loader.yaml_implicit_resolvers})
    for file in sorted((ROOT / "data").glob("*.yml")):
        source, problems = yamlsource.read(file, file.name)
        assert not problems and source.data == slow(file.read_text()).get_single_data(), file
        node = yamlsource.yaml.compose(file.read_text(), Loader=slow)
        lines: dict = {}
        yamlsource._walk(node, (), lines, {}, {})
        assert source.lines == lines, file
    broken = tmp_path / "broken.yml"
    broken.write_text("a: 1\nb: [\n")
    assert yamlsource.read(broken, "broken.yml")[1][0].line in (2, 3)


def test_the_site_search_finds_each_entry_once_by_its_own_page(built):
    settings = json.loads((built / "search" / "index.json").read_text())
    folder = built / "search" / settings["version"]
    docs = [d for piece in sorted(folder.glob("docs/*.json"), key=lambda f: int(f.stem)) for d in json.loads(piece.read_text())]
    assert len(docs) == settings["count"] == len(settings["kinds"])
    urls = [d["url"] for d in docs]
    for r in ENTRIES:
        assert urls.count(f"resources/{r['id']}/") == 1, r["id"]
        found = next(d for d in docs if d["url"] == f"resources/{r['id']}/")
        assert found["title"] == r["title"] and found["context"].endswith(r["organisation"])
    ids = {r["id"] for r in ENTRIES}
    assert not [u for u in urls if u.removeprefix("resources/#") in ids or "/page/" in u or "/area/" in u or "_shell" in u]
    assert any(u.startswith("help/#") for u in urls)  # the pages' sections, by their headings
    assert not [u for u in urls if "#service-" in u], "an area page's list of entries: each entry is found once, as itself"
    kinds = dict(zip(urls, settings["kinds"], strict=True))
    for r in ENTRIES:  # a service anyone can use is "S", so it gains the point that no chosen area gives
        kind = kinds[f"resources/{r['id']}/"]
        assert (kind == "S") == (r["areas"] == ["all"] and kind in "sS"), r["id"]
