"""What a reader at risk meets first, on every page, in a real browser: a first screen that leaves room
for the page, phone numbers that never break, the exit control as GOV.UK's, a search that leaves no
words behind, and a look that reads as a public service (issues 14 and 15)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml

from browser import serve, site_search
from conftest import build, copy_project, pages
from test_browser import NEUTRAL, browser_paths, fake_neutral_page

pytestmark = pytest.mark.browser

PHONE, LAPTOP, SMALL = (390, 844), (1280, 800), (320, 640)
# The help strip, the exit control and the header together, as a share of the first screen.
BUDGET = {PHONE: 0.20, LAPTOP: 0.15}


def device(browser, size):
    """A phone is a touch screen without hover; a laptop has a mouse and a keyboard."""
    touch = size[0] < 500
    return browser.new_context(viewport={"width": size[0], "height": size[1]}, is_mobile=touch, has_touch=touch,
                               locale="en-GB")


TOP = """() => {
  const bottom = (sel) => Math.max(0, ...[...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect().bottom));
  const h1 = document.querySelector('article h1, h1').getBoundingClientRect();
  return {chrome: bottom('.md-banner, .md-header, .vrp-exit'), h1top: h1.top, h1bottom: h1.bottom,
          width: document.documentElement.scrollWidth};
}"""


@pytest.mark.parametrize("size", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_help_and_exit_take_a_small_share_of_the_first_screen_and_the_title_is_on_it(site, browser, base_url, size):
    context, wrong = device(browser, size), []
    page = context.new_page()
    for path in browser_paths(site):
        page.goto(base_url + path)
        top = page.evaluate(TOP)
        if top["chrome"] > BUDGET[size] * size[1]:
            wrong.append(f"/{path}: help, exit and header end at {top['chrome']:.0f}px, over {BUDGET[size]:.0%}")
        if top["h1bottom"] > size[1]:
            wrong.append(f"/{path}: the title ends at {top['h1bottom']:.0f}px, below the first screen")
    context.close()
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("size", [SMALL, PHONE, LAPTOP], ids=["320", "390", "1280"])
def test_no_page_is_wider_than_the_screen_and_no_phone_number_wraps(site, browser, base_url, size):
    context, wrong = device(browser, size), []
    page = context.new_page()
    for path in browser_paths(site):
        page.goto(base_url + path)
        if (width := page.evaluate("document.documentElement.scrollWidth")) > size[0]:
            wrong.append(f"/{path}: the page is {width}px wide")
        broken = page.evaluate("""() => [...document.querySelectorAll('a[href^="tel:"]')]
            .filter((a) => a.offsetParent !== null && a.getClientRects().length > 1).map((a) => a.textContent.trim())""")
        wrong += [f"/{path}: the number '{n}' is split over two lines" for n in broken]
        small = page.evaluate("""() => [...document.querySelectorAll('.vrp-help-bar a, .vrp-exit a')]
            .filter((a) => a.offsetParent !== null).map((a) => [a.textContent.trim(), a.getBoundingClientRect()])
            .filter(([, r]) => r.width < 44 || r.height < 44).map(([t, r]) => `${t} ${r.width}x${r.height}`)""")
        wrong += [f"/{path}: '{s}' is smaller than 44x44 px to tap" for s in small]
    context.close()
    assert not wrong, "\n".join(wrong[:30])


def test_every_help_strip_number_is_a_valid_phone_link(site, read):
    for page in pages(site):
        for link in read(str(page.relative_to(site))).select(".vrp-help-bar a[href^='tel:']"):
            digits = re.sub(r"\D", "", link.get_text())
            assert link["href"] == f"tel:{digits}" and 3 <= len(digits) <= 11, (page, link)


@pytest.mark.parametrize("size,says", [(PHONE, "Tap Exit this page"), (LAPTOP, "Press Shift 3 times")],
                         ids=["phone", "laptop"])
def test_the_exit_hint_fits_the_device(browser, base_url, size, says):
    context = device(browser, size)
    page = context.new_page()
    page.goto(base_url + "faq/")
    shown = page.locator(".vrp-exit__hint").inner_text()
    assert says in shown
    other = "Press Shift" if says.startswith("Tap") else "Tap Exit"
    assert other not in shown
    context.close()


def test_the_exit_control_is_named_emergency_and_blanks_the_page_at_once(page, base_url):
    page.goto(base_url + "about/")
    assert page.get_by_role("link", name="Emergency Exit this page", exact=True).is_visible()
    # what is on screen in the same moment as the click, before the next page has even been asked for
    left = page.evaluate("""() => { document.getElementById('vrp-exit').click();
        const overlay = document.querySelector('.vrp-exit-overlay');
        return {says: overlay && overlay.textContent, title: document.title,
                blank: [...document.body.children].filter((e) => e !== overlay)
                         .every((e) => getComputedStyle(e).visibility === 'hidden')}; }""")
    assert left == {"says": "Loading.", "title": "Loading", "blank": True}


def test_coming_back_to_a_page_never_shows_it_blank_or_half_way_through_the_presses(page, base_url):
    fake_neutral_page(page)
    page.goto(base_url + "about/")
    page.keyboard.press("Shift")
    assert page.locator("#vrp-exit").get_attribute("data-presses") == "1"
    page.goto(base_url + "faq/")
    page.go_back()
    assert page.url == base_url + "about/"
    assert page.locator("#vrp-exit").get_attribute("data-presses") is None
    assert page.locator("#vrp-exit-status").text_content() == ""
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.url == base_url + "about/", "two presses after coming back must not exit"
    page.goto(base_url + "faq/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL + "**")
    page.go_back()  # the page left is gone from the history: Back shows the one before it, whole
    assert page.url == base_url + "about/"
    assert not page.locator(".vrp-exit-overlay").count() and page.locator("article h1").is_visible()


def test_the_header_names_the_site_in_full_or_in_short_never_cut_off(browser, base_url):
    for size, name in ((PHONE, "Avon & Somerset VRP"), (LAPTOP, "Avon and Somerset Violence Reduction Partnership")):
        context = device(browser, size)
        page = context.new_page()
        page.goto(base_url + "faq/")
        shown = page.evaluate("""() => [...document.querySelectorAll('.vrp-brand__name')]
            .filter((e) => e.offsetParent !== null).map((e) => [e.textContent.trim(), e.scrollWidth <= e.clientWidth + 1,
                                                                getComputedStyle(e).textOverflow])""")
        assert shown == [[name, True, "clip"]], (size, shown)
        context.close()


def luminance(rgb: str) -> float:
    channels = [int(v) / 255 for v in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_titles_and_body_text_are_dark_on_light_or_light_on_dark_at_seven_to_one(page, base_url, scheme):
    page.goto(base_url)
    if scheme == "slate":
        page.locator("[title='Switch to dark mode']").click()
    for path in ("", "faq/", "strategies/north-somerset-2021-22/"):
        page.goto(base_url + path)
        colours = page.evaluate("""() => {
            const bg = getComputedStyle(document.body).backgroundColor;
            const of = (sel) => getComputedStyle(document.querySelector(sel)).color;
            return {bg, h1: of('article h1'), p: of('article p'), h2: of('article h2')}; }""")
        for what in ("h1", "p", "h2"):
            assert contrast(colours[what], colours["bg"]) >= 7, (path, scheme, what, colours)
        weight = page.evaluate("getComputedStyle(document.querySelector('article h1')).fontWeight")
        assert int(weight) >= 700


def test_type_steps_down_and_reads_comfortably_on_a_phone_and_a_laptop(browser, base_url):
    context = device(browser, PHONE)
    page = context.new_page()
    page.goto(base_url + "faq/")
    sizes = page.evaluate("""() => ['h1', 'h2', 'h3', 'p'].map((t) =>
        parseFloat(getComputedStyle(document.querySelector('article ' + t)).fontSize))""")
    assert sizes == sorted(sizes, reverse=True) and len(set(sizes)) == 4 and sizes[-1] >= 16, sizes
    context.close()
    context = device(browser, LAPTOP)
    page = context.new_page()
    page.goto(base_url + "faq/")
    # how many characters of a paragraph's own text fit across it
    per_line = page.evaluate("""() => [...document.querySelectorAll('article p')].filter((p) => p.textContent.length > 300)
        .map((p) => { const style = getComputedStyle(p), ctx = document.createElement('canvas').getContext('2d');
                      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
                      return p.clientWidth / (ctx.measureText(p.textContent).width / p.textContent.length); })""")
    assert per_line and all(60 <= n <= 75 for n in per_line), per_line
    context.close()


def test_printed_pages_keep_the_content_and_one_short_line_of_help(page, base_url):
    page.goto(base_url + "faq/")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", "#vrp-exit", ".vrp-exit__hint",
                   ".vrp-site-search", ".vrp-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("article h1").is_visible()
    assert page.locator(".vrp-help-bar a[href='tel:999']").is_visible()
    after = page.evaluate("""() => getComputedStyle(document.querySelector("article a[href^='https://']"), '::after').content""")
    assert "https://" in after  # links are printed with their address


def test_menu_and_search_open_by_keyboard_on_a_phone(browser, base_url):
    context = device(browser, PHONE)
    page = context.new_page()
    page.goto(base_url + "faq/")
    button = page.get_by_role("button", name="Menu")
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    button = page.get_by_role("button", name="Search this website")
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('vrp-site-search').open")
    assert page.evaluate("document.activeElement.id") == "vrp-site-q"
    # The exit button is above the open search, where it always is, and still leaves.
    exit_box = page.locator("#vrp-exit").bounding_box()
    assert exit_box and exit_box["y"] == 0 and exit_box["x"] + exit_box["width"] == PHONE[0]
    assert page.evaluate("document.elementFromPoint(%d, %d).closest('#vrp-exit') !== null"
                         % (exit_box["x"] + exit_box["width"] / 2, exit_box["y"] + exit_box["height"] / 2))
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('vrp-site-search').open")
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == "vrp-site-search"
    context.close()


SEARCH_WORDS = ["self harm", "self-harm", "suicidal", "bullying", "scared", "sexting", "grooming", "stabbing", "gang",
                "controlling", "hit me", "rape", "stalker", "someone keeps following me", "tell someone anonymously"]


def test_nothing_for_search_is_fetched_until_the_reader_opens_search(page, base_url):
    page.goto(base_url + "faq/")
    page.wait_for_load_state("networkidle")
    for_search = re.compile(r"/search/|site-search|search-engine")
    assert not [u for u in page.requests if for_search.search(urlsplit(u).path)], page.requests
    site_search(page, "knife")
    asked = [urlsplit(u).path for u in page.requests]
    assert any(p.endswith("search/index.json") for p in asked) and any("site-search.mjs" in p for p in asked)


@pytest.mark.parametrize("words", SEARCH_WORDS)
def test_the_site_search_finds_help_for_the_words_frightened_people_type(page, base_url, words):
    """A product requirement, not a detail of today's text: if an edit leaves one of these words finding
    nothing, keep or add a group for it in data/synonyms.yml."""
    page.goto(base_url)
    assert site_search(page, words), f'the site search finds nothing for "{words}"'


def test_a_synonym_finds_pages_that_never_use_the_word_typed(tmp_path, browser):
    """Through a group of our own, on a copy of the site: "zzquux" is on no page, "partnership" is in
    the site's name on every page."""
    project = copy_project(tmp_path / "project")
    file = project / "data" / "synonyms.yml"
    data = yaml.safe_load(file.read_text())
    data["groups"].append({"words": ["zzquux", "partnership"]})
    file.write_text(file.read_text().split("\n", 1)[0] + "\n" + yaml.safe_dump(data, sort_keys=False))
    assert build(project, tmp_path / "site").returncode == 0
    url, server = serve(tmp_path / "site")
    try:
        page = browser.new_page()
        page.goto(url)
        found = site_search(page, "zzquux")
        assert found
        assert "partnership" in page.locator("#vrp-site-results").inner_text().lower()
        page.close()
    finally:
        server.shutdown()


def test_searching_and_opening_a_result_leaves_no_search_word_or_topic_in_the_address_or_the_history(page, base_url):
    visited = []
    page.on("framenavigated", lambda frame: frame == page.main_frame and visited.append(frame.url))
    page.goto(base_url)
    start = page.evaluate("history.length")
    found = site_search(page, "domestic abuse")
    section = next(href for href in found if "#" in href)  # a section of Get help, with its fragment
    page.locator(f"#vrp-site-results a[href='{section}']").click()
    page.wait_for_load_state("load")
    page.wait_for_function("() => !location.hash")
    target = urlsplit(section).fragment
    # The section is on screen, and the keyboard starts there.
    assert page.evaluate("(id) => document.getElementById(id).getBoundingClientRect().top", target) < 300
    assert page.evaluate("document.activeElement.id") == target
    # The pages opened are in the history as any visit is (Cover your tracks says so); what was typed,
    # and the topic read, are not.
    assert page.evaluate("location.href") == base_url + "help/"
    typed = [urlsplit(u).query for u in visited]
    assert visited and all("domestic" not in t.lower() and "q=" not in t for t in typed), visited
    assert page.evaluate("history.length") == start + 1  # only the page opened, as an ordinary link would
    page.go_back()
    assert page.url == base_url
    stored = page.evaluate("() => JSON.stringify({...localStorage, ...sessionStorage})")
    assert "domestic" not in stored.lower()


def test_a_link_to_a_section_of_the_same_page_moves_there_and_leaves_no_trace(page, base_url):
    page.goto(base_url + "help/")
    start = page.evaluate("history.length")
    link = page.locator("article a[href^='#']").first
    target = link.get_attribute("href")[1:]
    link.click()
    assert page.evaluate("location.hash") == ""
    assert page.evaluate("history.length") == start
    assert abs(page.evaluate("(id) => document.getElementById(id).getBoundingClientRect().top", target)) < 150
    assert page.evaluate("document.activeElement.id") == target
    page.keyboard.press("Tab")  # the keyboard goes on from the section
    assert page.evaluate("(id) => document.getElementById(id).compareDocumentPosition(document.activeElement) & 4", target)


def test_the_beat_chart_reads_at_12_pixels_on_a_phone_and_the_tables_first_column_stays_in_view(browser, base_url):
    context = device(browser, PHONE)
    page = context.new_page()
    page.goto(base_url + "strategies/north-somerset-2021-22/")
    sizes = page.evaluate("""() => [...document.querySelectorAll('.vrp-chart svg')].filter((s) => s.getClientRects().length)
        .flatMap((s) => [...s.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))""")
    assert sizes and min(sizes) >= 12, min(sizes or [0])
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE[0]
    # The widest table scrolls sideways in its own box; its first column stays where it was.
    region = page.locator(".vrp-table-scroll").filter(has=page.locator("table")).last
    region.scroll_into_view_if_needed()
    first = region.locator("tbody tr td:first-child, tbody tr th:first-child").first
    before = first.bounding_box()["x"]
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")
    region.evaluate("r => { r.scrollLeft = r.scrollWidth; }")
    assert abs(first.bounding_box()["x"] - before) < 1
    last = region.locator("tbody tr td:last-child").first.bounding_box()
    assert last["x"] + last["width"] <= PHONE[0]  # the rest of the row came into view beside it
    context.close()


@pytest.mark.parametrize("size", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_exit_button_never_covers_the_words_of_a_scrolled_page(browser, base_url, size):
    """Once the help strip has gone by, the button has a band of its own across the top: the page's words
    pass under the band, and beside the button there is the band, not text."""
    context = device(browser, size)
    page = context.new_page()
    page.goto(base_url + "faq/")
    for y in (400, 1200, 3000):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(50)
        exit_box = page.locator("#vrp-exit").bounding_box()
        middle = exit_box["y"] + exit_box["height"] / 2
        beside = page.evaluate("""(y) => [8, 40, 120, 200].map((x) => {
            const el = document.elementFromPoint(x, y); return el && !!el.closest('.vrp-exit'); })""", middle)
        assert all(beside), (y, beside)  # the band (the exit's own) runs across the screen at the button's height
    context.close()


def test_get_help_opens_with_a_short_chooser_and_each_situation_is_compact(browser, base_url):
    context = device(browser, PHONE)
    page = context.new_page()
    page.goto(base_url + "help/")
    chooser = page.locator("nav.vrp-situations").first
    assert chooser.locator("a").count() >= 5
    assert chooser.bounding_box()["y"] < PHONE[1]  # the chooser starts on the first screen
    # Each service shows who it is for and its number; the rest folds under one line, open by keyboard.
    more = page.locator("details.vrp-line__more").first
    assert not more.evaluate("d => d.open") and more.locator("summary").is_visible()
    more.locator("summary").focus()
    page.keyboard.press("Enter")
    assert more.evaluate("d => d.open")
    page.keyboard.press("Enter")
    screens = page.evaluate("document.documentElement.scrollHeight") / PHONE[1]
    assert screens < 16, screens  # about 22 screens before the services were folded
    context.close()


def test_the_menu_names_the_site_in_full_on_a_phone(browser, base_url):
    context = device(browser, PHONE)
    page = context.new_page()
    page.goto(base_url + "faq/")
    page.get_by_role("button", name="Menu").click()
    page.wait_for_timeout(300)
    title = page.locator(".md-nav--primary > .md-nav__title").first
    assert title.evaluate("t => t.scrollWidth <= t.clientWidth + 1 && t.scrollHeight <= t.clientHeight + 1")  # nothing cut
    assert "Avon and Somerset Violence Reduction Partnership" in title.inner_text()
    context.close()
