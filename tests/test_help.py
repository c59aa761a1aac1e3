"""The Get help page by situation, the short help block, and their data (data/help.yml).

Built-page tests assert what holds for any valid data: a section per situation with its own link,
each number once as a valid phone link in its section, the directory's local services under each
area. A copy of the project with extra directory entries, rendered in memory, shows that local help grows;
the fixture data set (tests/fixtures/data) shows each editor's mistake is named with its line.
"""
from __future__ import annotations

import re
import shutil
from collections import defaultdict

import pytest

from conftest import ROOT, InMemory, copy_project
from vrp.model import LOCAL_TYPE
from vrp.pages.help import local_groups
from vrp.data.problems import DataError
from conftest import load

SITE = load(ROOT)
LINES = [line for situation in SITE.help for line in situation.lines]
VALID_TEL = re.compile(r"tel:(999|101|111|18000|116\d{3}|0\d{7,10})")
FIXTURES = ROOT / "tests" / "fixtures" / "data"


def digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def section(soup, ident: str) -> list:
    """The elements under the heading `ident`, up to the next heading of its level or higher."""
    heading = soup.find(id=ident)
    assert heading is not None and re.fullmatch(r"h[1-6]", heading.name), f"no heading #{ident}"
    if heading.parent.name == "summary":  # a folded part: everything in it after its summary
        return list(heading.parent.find_next_siblings())
    stop = {f"h{n}" for n in range(1, int(heading.name[1]) + 1)}
    parts = []
    for el in heading.find_next_siblings():
        if el.name in stop:
            break
        parts.append(el)
    return parts


def tel_links(parts) -> list:
    return [a for el in parts for a in el.select("a[href^='tel:']")]


# --- the built page -------------------------------------------------------------------------------

def test_each_situation_is_a_section_with_its_own_link_and_ids_are_unique(read):
    soup = read("help/")
    article = soup.select_one("article")
    ids = [el["id"] for el in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert len({h.get_text(" ", strip=True) for h in article.find_all("h2")}) == len(article.find_all("h2"))
    nav = soup.select_one("nav.vrp-situations")
    for situation in SITE.help + [SITE.help_local]:
        heading = article.find(id=situation.id)
        assert heading is not None and heading.name == "h2", situation.id
        assert situation.title in heading.get_text(), situation.id
        assert nav.find("a", href=f"#{situation.id}"), f"the list of situations has no link to {situation.id}"
    toc = {a["href"] for a in soup.select(".md-nav--secondary a")}
    assert {f"#{s.id}" for s in SITE.help} <= toc, "each situation is in the page's contents"
    for group in local_groups(SITE):  # "Choose your area": each area folded under its name, a control of its own
        heading = article.find(id=group["id"])
        assert heading.name == "h3" and heading.parent.name == "summary", group["id"]
        assert heading.parent.parent.name == "details" and not heading.parent.parent.has_attr("open"), group["id"]


def test_every_phone_link_is_valid_and_shows_the_number_it_calls(read):
    article = read("help/").select_one("article")
    found = tel_links([article])
    assert found
    for a in found:
        assert VALID_TEL.fullmatch(a["href"]), a["href"]
        assert digits(a.get_text()) == a["href"][4:], f"{a['href']} shows {a.get_text()!r}"


def test_each_number_is_in_its_situation_once_and_nowhere_else(read):
    soup = read("help/")
    article = soup.select_one("article")
    for situation in SITE.help:
        parts = section(soup, situation.id)
        anchors = [a for el in parts for a in el.find_all("a")]
        for line in situation.lines:
            if line.number:
                here = [a for a in anchors if a["href"] == line.tel]
                assert len(here) == 1, f"{situation.id}: {line.name} {line.number}"
                assert line.number in here[0].get_text()
                assert len([a for a in tel_links([article]) if a["href"] == line.tel]) == 1, line.number
            if line.text:
                here = [a for a in anchors if a["href"] == line.sms]
                assert len(here) == 1 and line.text in here[0].get_text() and line.text_word in here[0].get_text()
                assert len(article.select(f"a[href='{line.sms}']")) == 1, line.text
            if line.url:
                assert any(a["href"] == line.url for a in anchors), f"{situation.id}: no link to {line.url}"


def test_no_number_is_repeated_but_a_local_service_under_each_of_its_areas(read):
    """A service's number appears once, except a local service's under each area it serves (a reader
    looks at their own area only). Two services may share a number (one council line for children
    and for adults); each is then listed once."""
    soup = read("help/")
    seen = defaultdict(list)
    groups = {g["id"] for g in local_groups(SITE)}
    where = {}
    for group in groups:
        for el in section(soup, group):
            for a in el.select("a[href^='tel:']"):
                where[id(a)] = group
    for a in tel_links([soup.select_one("article")]):
        entry = a.find_parent("li").find("a", href=re.compile(r"resources/[a-z0-9-]+/$"))
        seen[a["href"]].append((where.get(id(a)), entry["href"] if entry else None))
    for href, places in seen.items():
        for entry in {entry for _, entry in places}:
            same = [group for group, e in places if e == entry]
            if len(same) > 1:
                assert all(same), f"{href} ({entry}) is repeated outside the local help: {places}"
                assert len(set(same)) == len(same), f"{href} ({entry}) twice in one area: {places}"
        if len(places) > 1 and None in {entry for _, entry in places}:
            assert len(places) == 1, f"{href} is written twice without naming a service: {places}"


def test_each_situation_links_its_topics_in_the_directory(read, site):
    soup = read("help/")
    topics = {t["id"] for t in SITE.vocabularies["topics"]}
    for situation in SITE.help:
        parts = section(soup, situation.id)
        hrefs = {a["href"] for el in parts for a in el.find_all("a")}
        for topic in situation.topics:
            assert topic["id"] in topics
            assert f"../resources/?topic={topic['id']}" in hrefs, f"{situation.id}: {topic['id']}"
    assert (site / "resources" / "index.html").exists()


def test_local_help_lists_each_areas_local_services_from_the_directory(read):
    soup = read("help/")
    listed = {line.resource for line in LINES}

    def entries(group_id):
        found = []
        for el in section(soup, group_id):
            found += [m[1] for a in el.select("a[href^='../resources/']")
                      if (m := re.fullmatch(r"\.\./resources/([a-z0-9-]+)/", a["href"]))]
        return found

    every = entries("local-all-areas") if soup.find(id="local-all-areas") else []
    areas = [a.id for a in SITE.areas]
    for area in areas:
        expected = {e.id for e in SITE.entries_for(area) if e.type == LOCAL_TYPE} - listed
        shown = entries(f"local-{area}")
        assert len(shown) == len(set(shown)), area
        assert set(shown) | set(every) >= expected, f"{area}: missing {expected - set(shown) - set(every)}"
        assert set(shown) <= expected, f"{area}: not local to it {set(shown) - expected}"
        assert not set(shown) & set(every), area
        link = [a for el in section(soup, f"local-{area}") for a in el.find_all("a", href=f"../resources/area/{area}/")]
        services = sum(e.kind == "service" for e in SITE.entries_for(area))
        assert link and f"All {services} services" in link[0].get_text(), area  # the count the area's page gives
    for ident in every:
        resource = SITE.by_id[ident]
        assert set(areas) <= set(resource.areas) and resource.type == LOCAL_TYPE, ident
    for ident in every + [i for area in areas for i in entries(f"local-{area}")]:
        assert read(f"resources/{ident}/").find("h1"), f"the directory has no page for {ident}"


def test_the_404_page_uses_the_same_short_help_block(read):
    soup = read("404.html")
    ids = [el["id"] for el in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    block = soup.select_one(".vrp-help")
    urgent = next(line for line in SITE.help[0].lines if line.number)
    assert block.find("a", href=urgent.tel)
    for situation in SITE.help + [SITE.help_local]:
        assert block.find("a", href=re.compile(rf"help/#{situation.id}$")), situation.id


@pytest.mark.fast
def test_local_help_grows_as_the_directory_does(tmp_path):
    """New local services, in one area, in two and in every area, appear where readers look."""
    project = copy_project(tmp_path / "project")
    resources = project / "data" / "resources.yml"
    every = "[banes, bristol, north-somerset, somerset, south-gloucestershire]"
    new = ""
    for ident, areas, phone in (("test-one-area", "[bristol]", "0117 496 0001"),
                                ("test-two-areas", "[bristol, somerset]", "0117 496 0002"),
                                ("test-every-area", every, "0117 496 0003")):
        new += (f"  - id: {ident}\n    title: Test service {ident}\n    organisation: A test charity\n"
                f"    description: It helps people near you. A second sentence stays in the directory.\n"
                f"    url: https://www.example.org.uk/{ident}/\n    phone: {phone}\n"
                f"    source:\n      title: A test charity's page\n      url: https://www.example.org.uk/{ident}/\n"
                f"    type: local-service\n"
                f"    audiences: [public]\n    topics: [domestic-abuse]\n    areas: {areas}\n"
                f"    last_reviewed: 2026-11-20\n")
    resources.write_text(resources.read_text().replace("resources:\n", "resources:\n" + new, 1))
    soup = InMemory(project).page("help/")

    def group_of(ident):
        return [g for g in ["local-all-areas"] + [f"local-{a.id}" for a in SITE.areas]
                if any(el.select(f"a[href='../resources/{ident}/']") for el in section(soup, g))]

    assert group_of("test-one-area") == ["local-bristol"]
    assert group_of("test-two-areas") == ["local-bristol", "local-somerset"]
    assert group_of("test-every-area") == ["local-all-areas"]
    for el in section(soup, "local-bristol"):
        for li in el.select("li"):
            if li.find("a", href="../resources/test-one-area/"):
                assert li.find("a", href="tel:01174960001")
                assert "It helps people near you." in li.get_text() and "second sentence" not in li.get_text()


# --- the data ---------------------------------------------------------------------------------------

def test_the_help_bar_lines_have_a_name_and_a_number():
    assert SITE.help_bar
    for line in SITE.help_bar:
        assert line.name and line.number and line.tel == "tel:" + digits(line.number)


def test_a_line_naming_a_directory_entry_takes_its_name_number_and_website():
    for line in LINES:
        if line.resource:
            entry = SITE.by_id[line.resource]
            assert line.number == entry.phone and line.url == entry.url


def project_with(tmp_path, find, replace):
    shutil.copytree(FIXTURES, tmp_path / "data")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    file = tmp_path / "data" / "help.yml"
    assert find in file.read_text(), f"fixture no longer contains {find!r}"
    file.write_text(file.read_text().replace(find, replace, 1))
    return tmp_path


def test_the_fixture_gives_the_help_bar_its_lines(tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "data")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    site = load(tmp_path)
    assert [(line.name, line.number) for line in site.help_bar] == [("Emergency", "999"), ("Childline", "0800 1111")]
    assert [s.id for s in site.help] == ["in-danger-now", "child-at-risk"]
    assert site.help[1].lines[1].sms == "sms:85258"
    assert site.help[1].topics == ({"id": "knife-crime", "label": "Knife crime"},)


MISTAKES = [
    ("unknown directory entry", "      - resource: childline", "      - resource: childlin", 15,
     ['situation "child-at-risk": field "lines[1].resource": "childlin" is not an entry in data/resources.yml',
      'did you mean "childline"?']),
    ("number and entry", "      - resource: childline\n", "      - resource: childline\n        number: 0800 1111\n", 16,
     ['field "lines[1].number": is given here and in the directory entry "childline"', "data/resources.yml"]),
    ("no name", '      - name: Shout\n        text:', "      - text:", 18, ['field "lines[2]": has no name', "resource"]),
    ("help bar without a number", "        when: If you would rather text\n",
     "        when: If you would rather text\n        compact: true\n", 23,
     ['field "lines[2].compact": is shown in the help bar, which needs a phone number']),
    ("number listed twice", '        text: "85258"\n', '        number: "999"\n', 18,
     ['field "lines[2]": repeats 999, already listed on line 6', "list each service once"]),
    ("id the page keeps", "  - id: child-at-risk", "  - id: local-bristol", 10,
     ['field "id": "local-bristol" is a link the page uses for itself']),
    ("phone link in a summary", "summary: Someone is hurting a child.", "summary: Call [999](tel:999).", 12,
     ['field "summary": has a phone link', "line of its own"]),
    ("unknown topic", "topics: [knife-crime]", "topics: [knife-crimes]", 13,
     ['field "topics[1]": "knife-crimes" is not a known topic', 'did you mean "knife-crime"?']),
    ("text without its word", "        text_word: SHOUT\n", "", 19, ['field "lines[2].text": has no text_word']),
    ("bad number", 'number: "999"', 'number: "0800-1111"', 7, ['field "lines[1].number"', "UK number"]),
]


@pytest.mark.parametrize("case,find,replace,line,words", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_each_help_mistake_is_named_at_its_line(tmp_path, case, find, replace, line, words):
    with pytest.raises(DataError) as raised:
        load(project_with(tmp_path, find, replace))
    messages = [str(p) for p in raised.value.problems]
    matching = [m for m in messages if m.startswith(f"data/help.yml:{line}:")]
    assert matching, f"no message at data/help.yml:{line}; got:\n" + "\n".join(messages)
    assert any(all(w in m for w in words) for m in matching), "\n".join(messages)


# --- in the browser ---------------------------------------------------------------------------------

NUMBER_BOXES = """() => [...document.querySelectorAll('article a.vrp-call')].map(a => {
    const box = a.getBoundingClientRect(), text = document.createRange();
    text.selectNodeContents(a.querySelector('.vrp-call__number'));
    return {text: a.textContent.trim(), width: box.width, height: box.height, left: box.left, right: box.right,
            lines: new Set([...text.getClientRects()].map(r => Math.round(r.top))).size};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("width,height", [(320, 640), (390, 844), (1280, 800)])
def test_each_number_is_one_large_tap_target_that_never_wraps(browser, base_url, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-GB")
    page = context.new_page()
    page.goto(base_url + "help/")
    boxes = page.evaluate(NUMBER_BOXES)
    assert len(boxes) >= len([line for line in LINES if line.number or line.text])
    for box in boxes:
        assert box["width"] >= 44 and box["height"] >= 44, box
        assert box["lines"] == 1, f"the number wraps: {box}"
        assert 0 <= box["left"] and box["right"] <= width, f"off the screen: {box}"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page is wider than the screen"
    context.close()


@pytest.mark.browser
def test_a_link_to_a_situation_opens_the_page_at_it(page, base_url):
    for situation in SITE.help[1:] + [SITE.help_local]:
        page.goto(base_url + f"help/#{situation.id}")
        top = page.evaluate(f"document.getElementById('{situation.id}').getBoundingClientRect().top")
        assert 0 <= top < page.viewport_size["height"] / 2, (situation.id, top)


def test_each_service_has_its_own_link_that_no_section_uses():
    from vrp.model import line_ids
    situations = [
        {"id": "stalking", "title": "Stalking", "lines": [{"name": "Stalking", "when": "a"}, {"name": "Stalking", "when": "b"}]},
        {"id": "other", "title": "Other", "lines": [{"resource": "local-team", "when": "c"}, {"name": "Get help", "when": "d"}]}]
    ids = [i for line in line_ids(situations) for i in line]
    assert len(set(ids)) == 4 and not {"stalking", "other", "get-help"} & set(ids), ids
    assert not any(i.startswith("local-") for i in ids), ids
