"""The resource directory in a real browser, on the tests' own data (tests/fixtures/directory), so
that no expectation here depends on today's entries: ranking for the words people type (typos
included), "Only local entries" in each area, Near me, the phone's first screen, the Filter control,
"Copy a link to this search", and no search word ever written to an address or the history."""
from __future__ import annotations

import re
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from browser import serve
from conftest import ROOT, build, directory_project

pytestmark = pytest.mark.browser

FIXTURE = ROOT / "tests" / "fixtures" / "directory"
DATA = {name: yaml.safe_load((FIXTURE / f"{name}.yml").read_text()) for name in ("resources", "vocabularies", "places")}
ENTRIES = DATA["resources"]["resources"]
AREAS = [a["id"] for a in DATA["vocabularies"]["areas"]]
LABELS = {a["id"]: a["label"] for a in DATA["vocabularies"]["areas"]}
BY_ID = {r["id"]: r for r in ENTRIES}


@pytest.fixture(scope="module")
def fixture_site(directory_site):
    url, server = serve(directory_site)
    yield SimpleNamespace(url=url, path=directory_site)
    server.shutdown()


@pytest.fixture
def tab(browser, fixture_site):
    """A fresh tab on the directory of the tests' data, recording every address it goes to."""
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 800})
    context.add_init_script(COUNT_DRAWS)
    page = context.new_page()
    page.visited, page.errors = [], []
    page.on("framenavigated", lambda frame: frame == page.main_frame and page.visited.append(frame.url))
    page.on("request", lambda request: page.visited.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.base = fixture_site.url
    yield page
    assert not page.errors, page.errors
    context.close()


IDLE = "() => !document.getElementById('vrp-results').hasAttribute('aria-busy')"
# Counts the times the directory has drawn its results (its "vrp:results" event), on every page.
COUNT_DRAWS = "window.__drawn = 0; document.addEventListener('vrp:results', () => { window.__drawn += 1; });"


def results(page) -> list[str]:
    return page.eval_on_selector_all("#vrp-results .vrp-resource", "els => els.map(e => e.id)")


def search(page, words: str) -> list[str]:
    """Type `words` into the directory's box as a reader would, and wait for their results."""
    box = page.locator("#vrp-q")
    box.click()
    page.evaluate("() => { window.__drawn = 0; }")
    box.press_sequentially(words)
    settled(page, words)
    return results(page)


def settled(page, words=None):
    """Wait until the results drawn are those of the form as it is now (the list is busy until then)."""
    page.wait_for_function("""(q) => (q === null || document.getElementById('vrp-q').value === q) &&
        window.__drawn > 0 && !document.getElementById('vrp-results').hasAttribute('aria-busy')""", arg=words)


def open_filters(page):
    if page.get_attribute("#vrp-filter", "aria-expanded") != "true":
        page.click("#vrp-filter")


def choose(page, field: str, value: str):
    open_filters(page)
    page.evaluate("() => { window.__drawn = 0; }")
    page.select_option(f"#vrp-{field}", value)
    settled(page)


def every_result(page) -> list[str]:
    """All results, pressing "Show more" until there is no more."""
    while page.locator("#vrp-more").is_visible():
        before = len(results(page))
        page.click("#vrp-more")
        page.wait_for_function("n => document.querySelectorAll('#vrp-results .vrp-resource').length > n", arg=before)
    return results(page)


# The words people type, with their typos, and the entry that must come first (tests/fixtures/directory).
RANKING = [
    ("domestik", "domestic-abuse-helpline"),  # a typo in a topic's word; helplines before other types
    ("domestic abuse", "domestic-abuse-helpline"),
    ("knif", "knife-crime-project"),  # a word start, of a need: the service before the guide for schools
    ("knives", "knife-crime-project"),  # the plural, a synonym of its topic: the service before the guide
    ("knife crime guide", "knife-crime-schools"),  # a document named by the words comes first
    ("men", "mens-advice-line"),  # "Men's" is the word men
    ("self harm", "samaritans"),  # its topic; with no area chosen, a service anyone can use before a local one
    ("suicidal", "samaritans"),  # a synonym: the topic, and "suicide" in the description
    ("rape", "rape-crisis-line"),
    ("stalker", "stalking-helpline"),  # a synonym of the stalking topic
    ("harrasment", "stalking-helpline"),  # a typo in a synonym
    ("exploitaton", "child-exploitation-team"),  # a typo in a word of the name
    ("county lines", "county-lines-rescue"),
    ("sexting", "online-safety-centre"),  # the word in the description and a synonym of its topic
    ("mavisbus", "mavisbus"),
    ("MAVIS", "mavisbus"),  # capitals, and the start of the word
    ("yout servces", "banes-youth-services"),  # a word start and a typo, both in the name
    ("drug", "bristol-drug-service"),
    ("scared", "domestic-abuse-helpline"),  # a feeling, through the synonym list, to its topics
    ("childline", "childline"),
    ("bulying", "anti-bullying-alliance"),  # a typo in a word of the name
    ("safegaurding", "bristol-safeguarding"),  # two letters swapped
    ("sarc", "sarc"),
    ("hit me", "domestic-abuse-helpline"),  # a phrase of the synonym list
    ("gang", "gang-exit"),
]


@pytest.mark.parametrize("words,expected", RANKING, ids=[w for w, _ in RANKING])
def test_the_expected_entry_comes_first(tab, words, expected):
    tab.goto(tab.base + "resources/")
    found = search(tab, words)
    assert found and found[0] == expected, found[:5]


def test_with_an_area_chosen_a_local_service_about_the_words_comes_first(tab):
    tab.goto(tab.base + "resources/")
    choose(tab, "area", "north-somerset")
    assert search(tab, "self harm")[0] == "weston-young-minds"  # the phrase in its description, and its topic


def test_a_word_never_matches_the_middle_of_another(tab):
    tab.goto(tab.base + "resources/")
    found = search(tab, "men")
    assert "womens-centre" not in found  # "Women's Centre Bath" is not for "men"
    tab.fill("#vrp-q", "")
    found = search(tab, "elpline")  # the middle of "Helpline"
    assert found == [] and tab.locator("#vrp-none").is_visible()
    assert tab.text_content("#vrp-count") == "Nothing matches."


@pytest.mark.parametrize("words,never", [("stabbing", "stalking-helpline"), ("stalker", "knife-crime-schools")])
def test_a_word_the_directory_knows_is_never_read_as_a_typo_of_another(tab, words, never):
    tab.goto(tab.base + "resources/")
    found = search(tab, words)
    assert found and never not in found, found


def test_with_an_area_chosen_its_local_services_come_first(tab):
    tab.goto(tab.base + "resources/")
    choose(tab, "area", "bristol")
    found = search(tab, "domestic abuse")
    assert found[0] == "bristol-domestic-abuse", found
    local = [i for i in found if BY_ID[i]["areas"] != ["all"]]
    assert found[:len(local)] == local and all("bristol" in BY_ID[i]["areas"] for i in local)
    assert all(BY_ID[i]["areas"] == ["all"] or "bristol" in BY_ID[i]["areas"] for i in found)
    assert "1 of them local to Bristol" in tab.text_content("#vrp-count")


def test_with_an_area_chosen_its_own_services_come_before_the_regions_among_equals(tab):
    """With no words, every entry matches as well as the next: the area's services by type, and within
    a type those for that area alone (its front door) before those it shares with other areas."""
    types = [t["id"] for t in DATA["vocabularies"]["types"]]
    tab.goto(tab.base + "resources/")
    choose(tab, "area", "bristol")
    local = [i for i in every_result(tab) if BY_ID[i]["areas"] != ["all"]]
    mine = [r["id"] for r in sorted((r for r in ENTRIES if "bristol" in r["areas"]),
                                    key=lambda r: (types.index(r["type"]), len(r["areas"])))]
    assert local == mine and any(len(BY_ID[i]["areas"]) > 1 for i in mine)
    assert local.index("bristol-victim-care") < local.index("sarc")  # later in the file, but Bristol's own


@pytest.mark.parametrize("area", AREAS)
def test_only_local_services_shows_that_areas_own_entries_and_says_how_many(tab, area):
    tab.goto(tab.base + "resources/")
    choose(tab, "area", area)
    local = sorted(r["id"] for r in ENTRIES if area in r["areas"])
    assert tab.text_content("#vrp-local-count") == f"({len(local)})"
    tab.evaluate("() => { window.__drawn = 0; }")
    tab.check("#vrp-local")
    settled(tab)
    assert sorted(every_result(tab)) == local
    assert tab.text_content("#vrp-count").startswith(f"{len(local)} local entries match in {LABELS[area]}")
    assert tab.text_content("#vrp-active") == " (2 on)"


PLACES = [("Yate", "south-gloucestershire"), ("Weston-super-Mare", "north-somerset"), ("weston", "north-somerset"),
          ("Frome", "somerset"), ("keynsham", "banes"), ("BS37", "south-gloucestershire"),
          ("bs37 6aa", "south-gloucestershire"), ("Bristol", "bristol"), ("Tauntn", None)]


@pytest.mark.parametrize("typed,area", PLACES, ids=[p for p, _ in PLACES])
def test_a_place_name_or_postcode_district_selects_its_area(tab, typed, area):
    tab.goto(tab.base + "resources/")
    open_filters(tab)
    tab.fill("#vrp-place", typed)
    tab.press("#vrp-place", "Enter")
    said = tab.locator("#vrp-place-said")
    said.wait_for(state="visible")
    if area:
        tab.wait_for_function("a => document.getElementById('vrp-area').value === a", arg=area)
        assert said.text_content().endswith(f"is in {LABELS[area]}: showing the services there.")
        tab.wait_for_function(IDLE)
        assert all(BY_ID[i]["areas"] == ["all"] or area in BY_ID[i]["areas"] for i in results(tab))
    else:  # a typo: the nearest place is offered, and choosing it selects its area
        assert said.text_content() == "We could not find that place. Did you mean Taunton?"
        tab.click("#vrp-place-choices button")
        tab.wait_for_function("() => document.getElementById('vrp-area').value === 'somerset'")


def test_typing_a_place_chooses_nothing_until_the_reader_asks(tab):
    """On the way to a district that crosses a boundary, the box holds a shorter one of another area
    ("BS3" before "BS37"): nothing is chosen while the reader types; Find looks up what they typed."""
    typed = next(p["name"] for p in DATA["places"]["places"]
                 if any(q["name"] == p["name"][:-1] for q in DATA["places"]["places"]) and p["name"][-1].isdigit())
    tab.goto(tab.base + "resources/")
    open_filters(tab)
    tab.click("#vrp-place")
    tab.keyboard.type(typed, delay=120)
    tab.wait_for_timeout(400)
    assert tab.input_value("#vrp-area") == "" and tab.text_content("#vrp-place-said") == ""
    tab.click("#vrp-place-go")
    tab.wait_for_function("() => document.getElementById('vrp-place-said').textContent !== ''")
    assert typed in tab.text_content("#vrp-place-said")


def test_a_postcode_district_across_a_boundary_asks_which_area(tab):
    tab.goto(tab.base + "resources/")
    open_filters(tab)
    tab.fill("#vrp-place", "BS16")
    tab.click("#vrp-place-go")
    tab.locator("#vrp-place-choices button").first.wait_for()
    assert tab.text_content("#vrp-place-said") == "BS16 covers parts of Bristol and South Gloucestershire. Which is yours?"
    assert tab.eval_on_selector_all("#vrp-place-choices button", "bs => bs.map(b => b.textContent)") == \
        ["Bristol", "South Gloucestershire"]
    assert tab.input_value("#vrp-area") == ""
    tab.get_by_role("button", name="South Gloucestershire", exact=True).click()
    assert tab.input_value("#vrp-area") == "south-gloucestershire"


def test_near_me_asks_nothing_of_the_browser_and_nothing_of_another_host(tab):
    tab.add_init_script("""navigator.geolocation.getCurrentPosition = () => { window.__asked = true; };
                           navigator.geolocation.watchPosition = () => { window.__asked = true; };""")
    tab.goto(tab.base + "resources/")
    open_filters(tab)
    tab.fill("#vrp-place", "Yate")
    tab.press("#vrp-place", "Enter")
    tab.wait_for_function("() => document.getElementById('vrp-area').value === 'south-gloucestershire'")
    assert tab.evaluate("window.__asked") is None
    assert all(url.startswith(tab.base) for url in tab.visited), tab.visited


def test_on_a_phone_near_me_brings_the_first_results_into_view(browser, fixture_site):
    """The open panel fills a phone's screen: once a place has chosen its area, the count and the
    first result are in view, with the place's sentence still there for whoever scrolls back."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.add_init_script(COUNT_DRAWS)
    page = context.new_page()
    page.goto(fixture_site.url + "resources/")
    open_filters(page)
    page.locator("#vrp-place").fill("Yate")
    page.evaluate("() => { window.__drawn = 0; }")
    page.locator("#vrp-place-go").tap()
    settled(page)
    assert page.input_value("#vrp-area") == "south-gloucestershire" and "Yate" in page.text_content("#vrp-place-said")
    page.wait_for_timeout(200)
    count = page.locator("#vrp-count").bounding_box()
    first = page.locator("#vrp-results .vrp-resource__title").first.bounding_box()
    assert 0 <= count["y"] and first["y"] + first["height"] <= 844, (count, first)
    context.close()


@pytest.mark.parametrize("path,words", [("resources/", ""), ("resources/", "domestic abuse"),
                                        ("resources/?area=bristol", "")])  # a spoke page's link, too
def test_on_a_phone_the_search_box_and_the_first_result_are_in_the_first_screen(browser, fixture_site, path, words):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.add_init_script(COUNT_DRAWS)
    page = context.new_page()
    page.goto(fixture_site.url + path)
    if words:
        search(page, words)
    page.wait_for_function(IDLE)
    assert page.get_attribute("#vrp-filter", "aria-expanded") == "false"
    box = page.locator("#vrp-q").bounding_box()
    card = page.locator("#vrp-results .vrp-resource").first
    title, org = card.locator(".vrp-resource__title").bounding_box(), card.locator(".vrp-resource__org").bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 844
    assert title["y"] >= 0 and org["y"] + org["height"] <= 844, (title, org)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


@pytest.mark.parametrize("size", [(390, 844), (1280, 800)], ids=["phone", "laptop"])
def test_the_town_box_is_in_view_on_arrival_without_opening_anything(browser, fixture_site, size):
    touch = size[0] < 500
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, is_mobile=touch, has_touch=touch)
    page = context.new_page()
    page.goto(fixture_site.url + "resources/")
    place = page.locator("#vrp-place")
    assert place.is_visible() and page.get_attribute("#vrp-filter", "aria-expanded") == "false"
    box = place.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= size[1]
    assert page.get_by_label("Near me: your town, village or postcode").count() == 1
    first = page.locator("#vrp-results .vrp-resource__title").first.bounding_box()
    assert first["y"] + first["height"] <= size[1]  # and the first result still in the first screen
    context.close()


# A town, village or postcode district typed in the search box with other words (tests/fixtures/directory/places.yml).
PLACE_WORDS = [("exploitation Frome", "somerset", "Frome", "exploitation"),
               ("BS37 domestic abuse", "south-gloucestershire", "BS37", "domestic abuse"),
               ("domestic abuse in weston", "north-somerset", "Weston-super-Mare", "domestic abuse in"),
               ("Yate", "south-gloucestershire", "Yate", "")]


@pytest.mark.parametrize("typed,area,name,rest", PLACE_WORDS, ids=[p[0] for p in PLACE_WORDS])
def test_a_place_in_the_search_box_chooses_its_area_searches_the_rest_and_says_so(tab, typed, area, name, rest):
    tab.goto(tab.base + "resources/")
    found = search(tab, typed)
    assert tab.input_value("#vrp-area") == area and tab.input_value("#vrp-q") == typed  # the box keeps what was typed
    said = f"Showing {LABELS[area]} first: {name} is in {LABELS[area]}."
    assert tab.text_content("#vrp-q-place-text") == said and tab.locator("#vrp-q-place-undo").is_visible()
    assert found and all(BY_ID[i]["areas"] == ["all"] or area in BY_ID[i]["areas"] for i in found)
    # The same as the rest of the words with the area chosen by hand.
    tab.goto(tab.base + "resources/")
    if rest:
        search(tab, rest)
    choose(tab, "area", area)
    assert results(tab) == found
    assert tab.url == tab.base + "resources/" and not [u for u in tab.visited if "?" in u or "#" in u]


def test_undo_searches_every_area_and_taking_the_town_out_lets_the_area_go(tab):
    tab.goto(tab.base + "resources/")
    search(tab, "domestic abuse Yate")
    assert tab.input_value("#vrp-area") == "south-gloucestershire"
    tab.evaluate("() => { window.__drawn = 0; }")
    tab.click("#vrp-q-place-undo")
    settled(tab)
    assert tab.input_value("#vrp-area") == "" and tab.text_content("#vrp-q-place-text") == "Searching every area."
    assert tab.evaluate("document.activeElement.id") == "vrp-q"
    tab.fill("#vrp-q", "")
    search(tab, "domestic abuse Yate")  # typed again: a place again
    assert tab.input_value("#vrp-area") == "south-gloucestershire"
    tab.evaluate("() => { window.__drawn = 0; }")
    for _ in " Yate":
        tab.press("#vrp-q", "Backspace")
    settled(tab)
    assert tab.input_value("#vrp-area") == "" and tab.text_content("#vrp-q-place-text") == ""


def test_a_place_that_is_also_an_everyday_word_is_a_place_only_alone(tab):
    tab.goto(tab.base + "resources/")
    search(tab, "street safety")
    assert tab.input_value("#vrp-area") == ""
    tab.fill("#vrp-q", "")
    search(tab, "Street")
    assert tab.input_value("#vrp-area") == "somerset"


def test_the_filters_fold_into_one_control_that_counts_those_on(tab):
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.goto(tab.base + "resources/")
    button = tab.locator("#vrp-filter")
    assert button.get_attribute("aria-expanded") == "false" and not tab.locator("#vrp-area").is_visible()
    assert button.text_content() == "Filter"
    button.click()
    assert button.get_attribute("aria-expanded") == "true" and tab.locator("#vrp-area").is_visible()
    choose(tab, "type", "helpline")
    choose(tab, "audience", "victims")
    assert button.text_content() == "Filter (2 on)"
    assert all(BY_ID[i]["type"] == "helpline" and "victims" in BY_ID[i]["audiences"] for i in results(tab))
    button.click()
    assert not tab.locator("#vrp-area").is_visible() and button.text_content() == "Filter (2 on)"
    button.click()
    tab.click("#vrp-clear")
    assert button.text_content() == "Filter" and len(results(tab)) == 20


def test_nothing_typed_or_chosen_reaches_an_address_or_the_history(tab):
    tab.add_init_script("""window.__history = [];
        for (const name of ['pushState', 'replaceState']) {
          const original = history[name].bind(history);
          history[name] = (state, title, url) => { window.__history.push([name, String(url)]); return original(state, title, url); };
        }""")
    tab.goto(tab.base + "help/")
    tab.goto(tab.base + "resources/")
    length = tab.evaluate("history.length")
    search(tab, "rape")
    tab.keyboard.press("Enter")
    choose(tab, "area", "bristol")
    tab.check("#vrp-local")
    open_filters(tab)
    tab.fill("#vrp-place", "Keynsham")
    tab.press("#vrp-place", "Enter")
    tab.wait_for_function("() => document.getElementById('vrp-area').value === 'banes'")
    assert tab.url == tab.base + "resources/"
    assert tab.evaluate("history.length") == length
    assert tab.evaluate("window.__history") == []
    tab.locator("#vrp-results .vrp-resource__more").first.click()  # open an entry's page, and come back
    tab.wait_for_url("**/resources/*/")
    tab.go_back()
    assert tab.url == tab.base + "resources/"
    for url in tab.visited:
        query = urlsplit(url).query.lower()
        assert not re.search(r"rape|keynsham|bristol|banes", url.lower().removeprefix(tab.base.lower())
                             .removeprefix("resources/")) or url.endswith(".json"), url
        assert "q=" not in query and "area=" not in query, url


def test_copy_a_link_to_this_search_copies_it_says_so_and_the_link_opens_the_view(tab, browser, fixture_site):
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab.goto(tab.base + "resources/")
    assert not tab.locator("#vrp-copy").is_visible()  # nothing to share yet
    choose(tab, "area", "somerset")
    found = search(tab, "domestic abuse")
    tab.click("#vrp-copy")
    tab.wait_for_function("() => document.getElementById('vrp-copied').textContent !== ''")
    assert tab.get_attribute("#vrp-copied", "role") == "status"
    assert tab.text_content("#vrp-copied").startswith("Link copied.")
    link = tab.evaluate("navigator.clipboard.readText()")
    assert parse_qs(urlsplit(link).query) == {"q": ["domestic abuse"], "area": ["somerset"]}
    assert tab.url == tab.base + "resources/"  # copying changes nothing in the address
    other_context = browser.new_context()
    other_context.add_init_script(COUNT_DRAWS)
    other = other_context.new_page()
    other.goto(link)
    other.wait_for_function(IDLE)
    other.wait_for_function("f => document.querySelector('#vrp-results .vrp-resource').id === f", arg=found[0])
    assert other.input_value("#vrp-q") == "domestic abuse" and other.input_value("#vrp-area") == "somerset"
    assert results(other) == found
    assert other.url == fixture_site.url + "resources/"  # the words do not stay in the address bar
    other_context.close()


def test_a_spoke_pages_link_opens_the_area_view(tab):
    tab.goto(tab.base + "resources/?area=bristol")
    tab.wait_for_function("() => document.getElementById('vrp-count').textContent.includes('local to Bristol')")
    tab.wait_for_function(IDLE)  # the count is said before the cards' pieces have come: wait for them
    assert tab.input_value("#vrp-area") == "bristol"
    expected = [r["id"] for r in ENTRIES if "bristol" in r["areas"]]
    found = every_result(tab)
    assert sorted(found) == sorted(expected + [r["id"] for r in ENTRIES if r["areas"] == ["all"]])
    assert found[:len(expected)] == [r for r in found if r in expected]  # local first, in the directory's order
    assert tab.url == tab.base + "resources/"


def test_show_more_adds_the_next_results_and_moves_to_the_first_of_them(tab):
    tab.goto(tab.base + "resources/")
    tab.evaluate("() => { window.__drawn = 0; }")
    open_filters(tab)
    tab.check("#vrp-local")
    settled(tab)
    local = [r["id"] for r in ENTRIES if r["areas"] != ["all"]]
    assert len(local) > 20 and len(results(tab)) == 20
    assert tab.text_content("#vrp-more") == f"Show the last {len(local) - 20}"
    tab.click("#vrp-more")
    tab.wait_for_function("n => document.querySelectorAll('#vrp-results .vrp-resource').length === n", arg=len(local))
    assert results(tab) == local  # no search words: the directory's own order
    assert tab.evaluate("document.activeElement.closest('.vrp-resource').id") == local[20]
    assert not tab.locator("#vrp-more").is_visible()


def test_the_cards_drawn_from_data_match_the_cards_in_the_html(tab):
    """The script's cards come from the template and the JSON pieces; the first results from the HTML.
    Shown the same entries, they must read the same."""
    tab.goto(tab.base + "resources/")
    html_cards = tab.eval_on_selector_all("#vrp-results .vrp-resource", "els => els.map(e => e.outerHTML)")
    open_filters(tab)
    choose(tab, "type", "helpline")
    choose(tab, "type", "")  # back to nothing chosen: the HTML's own cards again
    assert tab.eval_on_selector_all("#vrp-results .vrp-resource", "els => els.map(e => e.outerHTML)") == html_cards
    choose(tab, "topic", "domestic-abuse")
    drawn = {c["id"]: c for c in tab.eval_on_selector_all("#vrp-results .vrp-resource", """els => els.map(e => ({
        id: e.id, text: e.innerText, links: [...e.querySelectorAll('a')].map(a => a.getAttribute('href'))}))""")}
    tab.goto(tab.base + "resources/")
    shown = {c["id"]: c for c in tab.eval_on_selector_all("#vrp-results .vrp-resource", """els => els.map(e => ({
        id: e.id, text: e.innerText, links: [...e.querySelectorAll('a')].map(a => new URL(a.getAttribute('href'), location.href).href)}))""")}
    common = set(drawn) & set(shown)
    assert common
    for i in common:
        assert drawn[i]["text"] == shown[i]["text"], i
        assert drawn[i]["links"] == shown[i]["links"], i


def test_the_keyboard_alone_searches_filters_and_clears(tab):
    tab.goto(tab.base + "resources/")
    tab.locator("#vrp-q").focus()
    tab.keyboard.type("knife")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.id") == "vrp-filter"
    tab.keyboard.press("Enter")
    assert tab.get_attribute("#vrp-filter", "aria-expanded") == "true"
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.id") == "vrp-place"
    for _ in range(2):
        tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.id") == "vrp-area"
    tab.keyboard.press("ArrowDown")
    tab.wait_for_function("a => document.getElementById('vrp-area').value === a", arg=AREAS[0])
    tab.wait_for_function(IDLE)
    found = results(tab)
    assert found and all(AREAS[0] in BY_ID[i]["areas"] or BY_ID[i]["areas"] == ["all"] for i in found)
    assert "knife-crime-project" not in found  # a Bristol service
    for _ in range(5):  # only local, type, for, topic, then "Clear filters"
        tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.id") == "vrp-clear"
    tab.keyboard.press("Enter")
    assert tab.input_value("#vrp-area") == "" and tab.input_value("#vrp-q") == "knife"


def test_an_old_link_to_an_entry_on_the_directory_opens_its_page(tab):
    last = ENTRIES[-1]  # not among the first results, so not on the page
    tab.goto(tab.base + f"resources/#{last['id']}")
    tab.wait_for_url(f"**/resources/{last['id']}/")
    assert tab.locator("h1").text_content() == last["title"]
    tab.goto(tab.base + "resources/#no-such-entry")  # an anchor that is no entry leaves the page as it is,
    tab.wait_for_timeout(300)
    assert tab.url == tab.base + "resources/"  # without the anchor in the address, as for any section
    tab.errors.remove("Failed to load resource: the server responded with a status of 404 (Not Found)")  # the check


def test_an_entrys_page_copies_its_own_address(tab):
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab.goto(tab.base + "resources/samaritans/")
    assert tab.input_value("#vrp-share-url") == tab.base + "resources/samaritans/"
    tab.get_by_role("button", name="Copy the link").click()
    tab.wait_for_function("() => document.getElementById('vrp-share-status').textContent !== ''")
    assert tab.evaluate("navigator.clipboard.readText()") == tab.base + "resources/samaritans/"
    assert tab.locator("a[href='tel:116123']").count() == 1


def test_without_javascript_every_entry_is_reachable_from_the_directory(browser, fixture_site):
    """From the directory page, by links alone: every list page, and through them every entry's card and page."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    start = fixture_site.url + "resources/"
    page.goto(start)
    assert not page.locator("#vrp-search").is_visible()
    seen_cards, seen_pages, queue, done = set(results(page)), set(), [start], set()
    while queue:
        url = queue.pop()
        if url in done:
            continue
        done.add(url)
        page.goto(url)
        seen_cards |= set(page.eval_on_selector_all(".vrp-resource", "els => els.map(e => e.id)"))
        for href in page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)"):
            path = href.split("#")[0]
            if re.search(r"/resources/(page|area)/", path) and path not in done:
                queue.append(path)
            elif re.search(r"/resources/[a-z0-9-]+/$", path) and "/area/" not in path:
                seen_pages.add(path)
    ids = {r["id"] for r in ENTRIES}
    assert seen_cards == ids
    assert {p.rstrip("/").rsplit("/", 1)[1] for p in seen_pages} >= ids
    page.goto(fixture_site.url + "resources/gang-exit/")
    assert page.locator("h1").text_content() == "Gang Exit Project"
    context.close()


HOSTILE = '<script>window.__xss = 1</script><img src="x" onerror="window.__xss = 2"> **bold**'
# What a description may hold: every character that would be markup if it were not escaped, but no tag
# (a tag is refused by the data check, with its file and line: tests/test_validation.py).
MARKUP = 'Helpline & more <3 "for you" </ > &lt;script&gt; **bold**'


# A plain-text field may not hold a tag (the data check says so), but <, & and quotes are ordinary text.
TITLE = 'Helpline & more <3 "for you" </ >'


def with_first_entry(project, **fields) -> dict:
    """The project with fields of its directory's first entry replaced; returns the entry."""
    file = project / "data" / "resources.yml"
    first_line, data = file.read_text().split("\n", 1)[0], yaml.safe_load(file.read_text())
    data["resources"][0].update(fields)
    file.write_text(first_line + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return data["resources"][0]


def test_a_tag_is_refused_by_the_check_and_would_still_be_shown_as_typed(tmp_path):
    """The data check refuses a tag, at its line; the rendering escapes one all the same, in case it ever got past."""
    from vrp.data.problems import DataError
    from conftest import load
    from vrp.render import markdown_html
    project = directory_project(tmp_path / "project")
    with_first_entry(project, description=HOSTILE)
    with pytest.raises(DataError) as raised:
        load(project)
    assert 'field "description": has an HTML tag (<script>)' in str(raised.value)
    html = str(markdown_html(HOSTILE))
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html and "<strong>bold</strong>" in html


def test_editor_text_with_markup_renders_as_text_never_as_script(tmp_path, browser):
    project = directory_project(tmp_path / "project")
    first = with_first_entry(project, description=MARKUP, title=TITLE)["id"]
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    url, server = serve(tmp_path / "site")
    try:
        page = browser.new_page()
        page.goto(url + "resources/")
        page.locator("#vrp-q").fill("helpline")  # drawn by the script from the JSON pieces
        page.wait_for_function("() => !document.getElementById('vrp-count').textContent.startsWith('Searching')"
                               " && document.getElementById('vrp-count').textContent.includes('match')")
        for address, where in ((url + "resources/", f"#{first} .vrp-resource__description"),
                               (None, f"#{first} .vrp-resource__description"),
                               (url + f"resources/{first}/", ".vrp-entry__description")):
            if address:
                page.goto(address)
            assert page.evaluate("window.__xss") is None
            shown = page.locator(where).first.inner_text()
            assert 'Helpline & more <3 "for you" </ > &lt;script&gt; bold' in shown, shown
            assert page.locator(f"{where} strong").count() == 1 and page.locator(f"{where} script").count() == 0
        assert page.locator("h1").inner_text() == TITLE
        assert page.title().startswith(TITLE)
        page.close()
    finally:
        server.shutdown()


def test_python_and_the_script_split_words_alike(tab):
    """The index is made in Python and queried in the browser: both must see the same words."""
    from vrp.pages.directory import words
    samples = ["Men's Advice Line", "Women’s Aid", "CHÍLDLINE", "self-harm", "don't", "BS16 1AB", "Weston-super-Mare",
               "café & naïve", "rock'n'roll", "24/7 help", "O’Brien’s"]
    tab.goto(tab.base + "resources/")
    assert tab.evaluate("s => s.map(window.vrpDirectory.words)", samples) == [words(s) for s in samples]
