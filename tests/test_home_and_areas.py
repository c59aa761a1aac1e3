"""The home page's routes and cards, the area (spoke) pages and the page for professionals.

Everything is checked against what data/ holds at test time or against a built copy of the project
whose data is changed on purpose, so an editor's valid change never turns these red.
"""
from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, InMemory, copy_project
from conftest import load
from vrp.data.yamlsource import read as read_yaml

SITE = load(ROOT)
CARDS = ".vrp-routes > ul > li, .vrp-area-cards > li"
PHONE, LAPTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}


def text(soup) -> str:
    return " ".join(soup.get_text(" ").split())


def heading(tag) -> str:
    return text(tag).removesuffix(" ¶")


# --- the home page -------------------------------------------------------------------------------

def test_every_card_has_one_link_and_it_is_the_cards_title(read):
    for path in ("", "spokes/"):
        cards = read(path).select(CARDS)
        assert cards, path
        for card in cards:
            links = card.find_all("a")
            assert len(links) == 1, f"/{path}: {text(card)[:60]}"
            assert text(card).startswith(text(links[0])), "the link text comes first, as the card's title"


def test_the_home_page_offers_the_five_routes_and_every_area(read):
    soup = read("")
    routes = {text(a): a["href"] for a in soup.select(".vrp-routes li > p:first-child > a")}
    assert routes == {"Get help now": "help/", "Find a service near you": "resources/", "What we do": "about/",
                      "For professionals": "professionals/", "Your area": "spokes/"}
    areas = [a["href"] for a in soup.select(".vrp-area-cards a")]
    assert areas == [f"spokes/{s.id}/" for s in SITE.spokes]



@pytest.mark.browser
def test_the_home_page_says_what_it_is_for_at_once_and_all_routes_fit_two_phone_screens(page, base_url):
    page.set_viewport_size(PHONE)
    page.goto(base_url)
    bottoms = page.evaluate("""() => ({
        title: document.querySelector('article h1').getBoundingClientRect().bottom + scrollY,
        lede: document.querySelector('article .vrp-lede').getBoundingClientRect().bottom + scrollY,
        routes: [...document.querySelectorAll('.vrp-routes > ul > li')].map(li => li.getBoundingClientRect().bottom + scrollY),
    })""")
    assert bottoms["title"] <= PHONE["height"] and bottoms["lede"] <= PHONE["height"], bottoms
    assert len(bottoms["routes"]) >= 4 and max(bottoms["routes"]) <= 2 * PHONE["height"], bottoms


CARD_BOXES = """(selector) => [...document.querySelectorAll(selector)].map(el => {
    const r = el.getBoundingClientRect();
    return {x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height, name: el.textContent.trim().slice(0, 30)};
})"""


def apart(a, b, gap) -> bool:
    return (a["x"] + a["w"] + gap <= b["x"] or b["x"] + b["w"] + gap <= a["x"]
            or a["y"] + a["h"] + gap <= b["y"] or b["y"] + b["h"] + gap <= a["y"])


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, {"width": 768, "height": 1024}, LAPTOP], ids=["phone", "tablet", "laptop"])
@pytest.mark.parametrize("path", ["", "spokes/"])
def test_no_two_cards_overlap_or_touch(page, base_url, viewport, path):
    page.set_viewport_size(viewport)
    page.goto(base_url + path)
    boxes = page.evaluate(CARD_BOXES, CARDS)
    assert boxes
    for i, a in enumerate(boxes):
        assert a["w"] >= 44 and a["h"] >= 44, a
        for b in boxes[i + 1:]:
            assert apart(a, b, 8), f"{a['name']!r} and {b['name']!r} are less than 8 px apart"


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_a_tap_anywhere_on_a_card_opens_its_link(browser, base_url, viewport):
    """Near the card's far corner, away from its title: the card is one large target."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(base_url)
    count = page.locator(CARDS).count()
    for i in range(count):
        page.goto(base_url)
        card = page.locator(CARDS).nth(i)
        href = card.locator("a").get_attribute("href")
        card.scroll_into_view_if_needed()
        box = card.bounding_box()
        page.mouse.click(box["x"] + box["width"] - 6, box["y"] + box["height"] - 6)
        page.wait_for_url(base_url + href, timeout=5000)
    context.close()


# --- the area (spoke) pages ----------------------------------------------------------------------

@pytest.mark.parametrize("spoke", SITE.spokes, ids=lambda s: s.id)
def test_an_area_page_lists_exactly_the_directorys_entries_for_that_area(read, spoke):
    """Its own services, the first SHOWN of them when there are more (the rest are a link away, as the
    busy fixture area below checks), the council's front doors first; its other entries (guidance, plans,
    partnerships) in a list of their own; and none that are only for every area."""
    from vrp.manifest import SHOWN
    soup = read(f"spokes/{spoke.id}/")
    shown = [text(a) for a in soup.select(".vrp-service__title a")]
    local = SITE.entries_for(spoke.id)
    services = [e for e in local if e.kind == "service"]
    titles = [" ".join(e.title.split()) for e in services]
    assert set(shown) <= set(titles) and len(shown) == min(SHOWN, len(services))
    doors = [" ".join(e.title.split()) for e in services if e.report_a_concern]
    assert shown[:len(doors)] == [t for t in shown if t in doors], "the front doors lead the list"
    others = [" ".join(e.title.split()) for e in local if e.kind != "service"]
    listed = [text(a) for a in soup.select(".vrp-others a")]
    assert set(listed) <= set(others) and len(listed) == min(SHOWN, len(others))
    if services:
        assert f"{len(services)} service" in text(soup.find("h2", id="local-services").find_next_sibling())
    everywhere = SITE.national
    assert not set(shown) & {e.title for e in everywhere} - {e.title for e in local}
    link = soup.select_one(f"a[href='../../resources/?area={spoke.id}']")
    assert link and spoke.name in text(link), "one line links to the directory filtered for the area"
    assert str(len(everywhere)) in text(link.parent)


@pytest.mark.parametrize("spoke", SITE.spokes, ids=lambda s: s.id)
def test_an_area_page_starts_with_its_facts_at_a_glance(read, spoke):
    soup = read(f"spokes/{spoke.id}/")
    glance = soup.select_one("section.vrp-glance")
    assert glance and glance.find_previous("h1") and heading(glance.find("h2")) == "At a glance"
    facts = {heading(dt): dd for dt, dd in zip(glance.find_all("dt"), glance.find_all("dd"), strict=True)}
    doors = [f"Worried about {who}" for kind, who in (("children", "a child"), ("adults", "an adult at risk"))
             if kind in spoke.front_doors]
    team = ["Local team"] if spoke.team else []
    services = ["Local services"] if SITE.entries_for(spoke.id) else []
    assert list(facts) == ["Council", *team, *doors, *services, "What the local team focuses on", "Funding", "Contact",
                           "Facts last checked"]
    if services:
        assert facts["Local services"].find("a", href="#local-services")
    assert facts["Council"].find("a", href=spoke.council_url)
    if spoke.team:
        assert text(facts["Local team"]) == spoke.team
    if spoke.funding:
        assert f"£{spoke.funding['amount']:,}" in text(facts["Funding"])
        assert facts["Funding"].find("a", href=spoke.funding["source"]["url"])
    if spoke.contact.get("email"):
        assert facts["Contact"].find("a", href=f"mailto:{spoke.contact['email']}")
    order = [heading(h) for h in soup.select("article h2")]
    today = [order.index("At a glance"), order.index("About the local team"), order.index("Local services")]
    if spoke.programmes:
        today.insert(2, order.index("Local programmes and partnerships"))
    assert today == sorted(today)
    if spoke.quote:
        assert order[-2:] == ["Looking back: 2019", "Sources"], "2019 is history: last, below today's work"


def no_empty_headings(soup) -> list[str]:
    """Headings directly followed by another heading of the same or a higher level (or nothing)."""
    empty = []
    for h in soup.select("article h2, article h3"):
        following = h.find_next_sibling()
        if following is None or (following.name in ("h2", "h3") and following.name <= h.name):
            empty.append(heading(h))
    return empty


@pytest.fixture(scope="module")
def sparse_and_busy(tmp_path_factory):
    """A copy, rendered in memory, where the first area has nothing published and no directory entries of its
    own, and the second has thirty; returns (site, sparse spoke, busy spoke, the busy one's titles)."""
    tmp = tmp_path_factory.mktemp("areas")
    project = copy_project(tmp / "project")
    spokes_file, resources_file = project / "data" / "spokes.yml", project / "data" / "resources.yml"
    spokes = read_yaml(spokes_file, "data/spokes.yml")[0].data
    sparse, busy = spokes["spokes"][0], spokes["spokes"][1]
    sparse.update(programmes=[], focus=[], documents=[], contact={}, last_checked="2025-03-04")
    sparse.pop("funding", None)
    sparse.pop("safeguarding", None)
    sparse.pop("team_entry", None)
    resources = read_yaml(resources_file, "data/resources.yml")[0].data
    kept = []
    for r in resources["resources"]:
        r["areas"] = [a for a in r["areas"] if a != sparse["id"]]
        if r["areas"]:
            kept.append(r)
    extra = [{"id": f"fixture-service-{n}", "title": f"Fixture service {n} & partners", "organisation": "Fixture",
              "description": "A service for the fixture.", "url": f"https://www.example.org.uk/{n}/",
              "source": {"title": "The fixture's page", "url": f"https://www.example.org.uk/{n}/"},
              "type": "local-service", "audiences": ["public"], "topics": [SITE.vocabularies["topics"][0]["id"]],
              "areas": [busy["id"]], "last_reviewed": kept[0]["last_reviewed"]} for n in range(30)]
    resources["resources"] = kept + extra
    for file, data in ((spokes_file, spokes), (resources_file, resources)):
        first = file.read_text(encoding="utf-8").split("\n", 1)[0]
        file.write_text(first + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    titles = [" ".join(r["title"].split()) for r in resources["resources"] if busy["id"] in r["areas"]]
    return InMemory(project), sparse, busy, titles


def built(site: InMemory, path: str) -> BeautifulSoup:
    return site.page(path + "/")


@pytest.mark.fast
def test_an_area_with_little_published_says_so_in_short_facts_and_points_to_its_council(sparse_and_busy):
    """What is not published is a short fact ("Not published."), or left out; the page never tells of a
    search ("We have not found...")."""
    site, sparse, _, _ = sparse_and_busy
    soup = built(site, f"spokes/{sparse['id']}")
    assert not no_empty_headings(soup), no_empty_headings(soup)
    glance = soup.select_one("section.vrp-glance")
    facts = {heading(dt): dd for dt, dd in zip(glance.find_all("dt"), glance.find_all("dd"), strict=True)}
    assert text(facts["Funding"]).startswith("Not published") and facts["Funding"].find("a", href="../../faq/#how-the-model-works")
    assert text(facts["What the local team focuses on"]).startswith("Not published")
    assert facts["Contact"].find("a", href=sparse["council_url"])
    assert not soup.find("h2", id="local-programmes-and-partnerships"), "no programmes published: no section"
    for said in ("have not found", "has not published", "we could not", "we searched"):
        assert said not in text(soup.select_one("article")).lower(), said
    services = soup.find("h2", id="local-services").find_next_sibling()
    assert "no services just for" in text(services) and services.find("a", href=sparse["council_url"])
    assert not soup.select(".vrp-service")
    assert soup.select_one(f"a[href='../../resources/?area={sparse['id']}']")


@pytest.mark.fast
def test_an_areas_freshness_line_comes_from_its_data(sparse_and_busy):
    """The copy's first area says it was checked on 2025-03-04, a date no real area has."""
    site, sparse, _, _ = sparse_and_busy
    glance = built(site, f"spokes/{sparse['id']}").select_one("section.vrp-glance")
    facts = {heading(dt): dd for dt, dd in zip(glance.find_all("dt"), glance.find_all("dd"), strict=True)}
    assert text(facts["Facts last checked"]).startswith("4 March 2025")


@pytest.mark.fast
def test_an_area_with_many_entries_shows_the_first_and_links_every_one(sparse_and_busy):
    """A busy area's page stays a page: the first SHOWN entries, then a link to the area's full list."""
    from vrp.manifest import SHOWN
    site, _, busy, titles = sparse_and_busy
    soup = built(site, f"spokes/{busy['id']}")
    shown = [text(a) for a in soup.select(".vrp-service__title a")]
    services = [" ".join(e.title.split()) for e in site.site.entries_for(busy["id"]) if e.kind == "service"]
    assert len(services) > SHOWN and len(shown) == SHOWN and set(shown) <= set(services) <= set(titles)
    assert f"{len(services)} services" in text(soup.find("h2", id="local-services").find_next_sibling())
    link = soup.find("a", href=f"../../resources/area/{busy['id']}/")
    assert link and f"All {len(services)} services" in text(link)
    listed = built(site, f"resources/area/{busy['id']}")
    assert "Fixture service 0 & partners" in text(listed)  # escaped as text, and there with the rest
    assert not no_empty_headings(soup)


def test_no_area_page_has_an_empty_heading(read):
    for spoke in SITE.spokes:
        assert not no_empty_headings(read(f"spokes/{spoke.id}/")), spoke.id


# --- for professionals ---------------------------------------------------------------------------

def test_the_professionals_page_is_in_the_nav_and_links_the_directory_filtered_for_them(read):
    assert read("faq/").select_one(".md-nav a[href='../professionals/']")
    soup = read("professionals/")
    links = soup.select(".vrp-directory-links a")
    assert any(a["href"] == "../resources/?audience=professionals" for a in links)
    for a in links:
        field, value = re.fullmatch(r"\.\./resources/\?(\w+)=([a-z0-9-]+)", a["href"]).groups()
        kind = {"audience": "audiences", "type": "types"}[field]
        count = sum(1 for e in SITE.entries if (e.type == value if kind == "types" else value in getattr(e, kind)))
        assert count and f"({count} entr" in text(a.parent), a["href"]
        assert text(a) == SITE.labels[kind][value]
    for target in ("../faq/#our-definition", "../strategies/serious-violence-duty-guidance/", "../spokes/"):
        assert soup.select_one(f"article a[href='{target}']"), target


def test_the_directorys_lists_count_an_areas_services_as_its_page_does(read):
    """"Local services and information in Bristol (27 services, 8 other entries)": the same number of services as
    the area's page gives, the rest counted apart, so a reader never meets two counts for one area."""
    browse = read("resources/").find("nav", attrs={"aria-labelledby": "browse-title"})
    for spoke in SITE.spokes:
        local = SITE.entries_for(spoke.id)
        services = sum(e.kind == "service" for e in local)
        link = browse.find("a", href=f"../resources/area/{spoke.id}/")
        said = text(link.parent)
        assert f"({services} service" in said, said
        assert (f"{len(local) - services} other" in said) == (len(local) > services), said
        page = read(f"spokes/{spoke.id}/")
        assert f"{services} service" in text(page.find("h2", id="local-services").find_next_sibling())
