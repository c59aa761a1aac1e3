"""Behaviour in a real headless Chromium: the quick exit, privacy, the CSP, keyboard use and
accessibility (axe-core) on every built page (of the directory's own pages, a few of each kind: browser_paths)."""
from __future__ import annotations

import re
import time

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import site_search
from conftest import ROOT, load, pages

pytestmark = pytest.mark.browser

NEUTRAL = "https://www.bbc.co.uk/weather"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def all_paths(site):
    return [str(p.relative_to(site)).removesuffix("index.html") for p in pages(site)]


DIRECTORY_OWN = {  # the kinds of the directory's own pages, by their addresses
    "a page of every entry": re.compile(r"resources/page/\d+/"),
    "the national services": re.compile(r"resources/area/all/(\d+/)?"),
    "an area's first page": re.compile(r"resources/area/[^/]+/"),
    "an area's later page": re.compile(r"resources/area/[^/]+/\d+/"),
    "an entry": re.compile(r"resources/[^/]+/"),
}


def browser_paths(site) -> list[str]:
    """The pages a test in the browser visits: every page, except that of the directory's own pages (vrp.postbuild
    .directory: one template each, written from one shell, 10,000 of them at scale) it visits the first two of
    each kind and every retired entry's. The tests that read files (the HTML checker, the policy, the help bar's
    numbers) still read every page."""
    chosen, seen = [], {}
    retired = {r.path for r in load(ROOT).retired}
    for path in all_paths(site):
        kind = next((k for k, pattern in DIRECTORY_OWN.items() if pattern.fullmatch(path)), None)
        if kind is None or path in retired or seen.setdefault(kind, 0) < 2:
            chosen.append(path)
            if kind:
                seen[kind] += 1
    return chosen


def fake_neutral_page(page):
    """The exit leaves for BBC Weather; tests stay offline, so a stand-in answers for it."""
    page.route(NEUTRAL + "**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>Weather</title><h1>Weather</h1>"))


def visible_focus(page) -> bool:
    return page.evaluate("""() => {
        const el = document.activeElement, style = getComputedStyle(el);
        return el !== document.body && (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
               || style.boxShadow !== 'none');
    }""")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_axe_violations_on_any_page(site, page, base_url, scheme):
    axe, failures = Axe(), []
    if scheme == "slate":  # switch as a reader would; Material remembers it for every page
        page.goto(base_url)
        page.locator("[title='Switch to dark mode']").click()
    for path in browser_paths(site):
        page.goto(base_url + path)
        assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        for v in result.response["violations"]:
            failures.append(f"/{path} [{scheme}] {v['id']}: {v['help']} at "
                            + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3]))
    assert not failures, "\n".join(failures)


def test_no_page_contacts_another_host_sets_a_cookie_or_logs_an_error(site, page, context, base_url):
    for path in browser_paths(site):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
    # the site search loads its script and its index: use it too
    page.goto(base_url)
    assert site_search(page, "knife")
    foreign = [url for url in page.requests if not url.startswith(base_url) and not url.startswith("data:")]
    assert not foreign, foreign
    assert context.cookies() == []
    page.keyboard.press("Escape")
    stored = "() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]"
    assert page.evaluate(stored) == []  # nothing that reveals what was read or searched for
    page.locator("[title='Switch to dark mode']").click()  # the one thing the site remembers
    assert [key.rsplit(".", 1)[-1] for key in page.evaluate(stored)] == ["__palette"]
    assert not page.errors, page.errors  # a Content-Security-Policy violation is logged here too


def test_every_page_has_a_csp_allowing_only_this_site(site, read):
    for path in all_paths(site):
        meta = read(path).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta, path
        policy = dict(part.strip().split(" ", 1) for part in meta["content"].split(";"))
        assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
        assert "unsafe-inline" not in meta["content"] and "http" not in meta["content"], path


def test_quick_exit_by_click_leaves_and_back_does_not_return(page, base_url):
    fake_neutral_page(page)
    page.goto(base_url + "privacy/")
    page.goto(base_url + "faq/")
    page.get_by_role("link", name="Emergency Exit this page", exact=True).click()
    page.wait_for_url(NEUTRAL + "**")
    page.go_back()
    assert page.url == base_url + "privacy/", "Back returned to the page the reader left"


def test_quick_exit_by_keyboard_from_the_skip_link(page, base_url):
    fake_neutral_page(page)
    page.goto(base_url + "about/")
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Skip to Exit this page":
            break
    else:
        pytest.fail("no 'Skip to Exit this page' link among the first three tab stops")
    assert visible_focus(page)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab") if page.evaluate("document.activeElement.id") != "vrp-exit" else None
    assert page.evaluate("document.activeElement.id") == "vrp-exit"
    assert visible_focus(page)
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL + "**")


def test_quick_exit_by_pressing_shift_three_times(page, base_url):
    fake_neutral_page(page)
    page.goto(base_url + "help/")
    page.goto(base_url + "resources/")
    status = page.locator("#vrp-exit-status")
    page.keyboard.press("Shift")
    assert status.text_content() == "Shift, press 2 more times to exit."
    page.keyboard.press("Shift+A")  # Shift to type a capital letter resets the count
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert status.text_content() == "Shift, press 1 more time to exit."
    assert page.url == base_url + "resources/"
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL + "**")
    page.go_back()
    assert page.url == base_url + "help/"


def test_shift_presses_expire_after_five_seconds(page, base_url):
    page.clock.install()
    page.goto(base_url + "about/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5100)
    assert page.locator("#vrp-exit-status").text_content() == "Exit this page expired."
    page.keyboard.press("Shift")
    assert page.url == base_url + "about/"


def test_quick_exit_is_a_plain_link_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "faq/")
    link = page.locator("#vrp-exit")
    assert link.get_attribute("href") == NEUTRAL and link.is_visible()
    context.close()


@pytest.mark.parametrize("width,height", [(320, 640), (1280, 800)])
def test_quick_exit_stays_on_screen_and_uncovered_while_scrolling(page, base_url, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(base_url + "strategies/north-somerset-2021-22/")
    for y in (0, 1500, 100000):
        page.evaluate("y => window.scrollTo(0, y)", y)
        box = page.locator("#vrp-exit").bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= height and box["width"] >= 24 and box["height"] >= 24
        on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('#vrp-exit') !== null",
                               [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert on_top, f"something covers the exit button at scroll {y}"


def test_quick_exit_is_not_printed(page, base_url):
    page.goto(base_url)
    page.emulate_media(media="print")
    assert not page.locator("#vrp-exit").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("article h1").is_visible()


# The sum of every layout shift once the page has settled (the Cumulative Layout Shift).
LAYOUT_SHIFT = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 1000);
})"""


@pytest.fixture
def phone(browser):
    """A fresh browser the size of Lighthouse's mobile preset, for tests that slow it down."""
    context = browser.new_context(locale="en-GB", viewport={"width": 412, "height": 823})
    yield context
    context.close()


@pytest.mark.parametrize("path", ["", "faq/", "resources/", "spokes/bristol/", "strategies/north-somerset-2021-22/"])
def test_nothing_moves_while_a_page_loads(phone, base_url, path):
    """Scripts arrive late on purpose, as on a slow phone: what they change must already have
    its place when the page is first painted."""
    phone.route("**/*.js", lambda route: (time.sleep(0.3), route.continue_()))
    page = phone.new_page()
    page.goto(base_url + path)
    assert page.evaluate(LAYOUT_SHIFT) == 0


@pytest.mark.parametrize("path", ["", "faq/", "resources/", "spokes/banes/", "strategies/north-somerset-2021-22/"])
def test_pages_reflow_at_320_pixels(page, base_url, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_keyboard_reaches_the_footer_with_focus_always_visible(page, base_url):
    page.goto(base_url)
    seen = []
    for _ in range(200):
        page.keyboard.press("Tab")
        here = page.evaluate("document.activeElement.closest('.vrp-footer-links') !== null")
        seen.append(page.evaluate("document.activeElement.outerHTML.slice(0, 80)"))
        assert visible_focus(page), f"no visible focus on {seen[-1]}"
        if here:
            break
    else:
        pytest.fail("Tab never reached the footer links: " + " | ".join(seen[-5:]))


def test_site_search_finds_a_resource_and_leads_to_its_entry(page, base_url):
    page.goto(base_url)
    found = site_search(page, "Childline")
    entry = next(i for i, href in enumerate(found) if href.endswith("/resources/childline/"))
    assert entry < 3 and all("childline" in href for href in found[:entry])  # Get help's Childline, and the entry
    page.locator("#vrp-site-results a").nth(entry).click()
    page.wait_for_url("**/resources/childline/**")
    assert page.locator("#childline").is_visible()
    assert page.evaluate("document.getElementById('childline').getBoundingClientRect().top") < 800


# The light/dark switch (assets/javascripts/palette-toggle.js in place of the theme's).
SHOWN_SWITCH = "() => [...document.querySelectorAll('[data-vrp-palette] label')].filter(l => !l.hidden).map(l => l.title)"


def test_the_dark_theme_is_chosen_by_click_or_by_keyboard_and_kept_on_the_next_page(page, base_url):
    page.goto(base_url)
    assert page.evaluate(SHOWN_SWITCH) == ["Switch to dark mode"]
    page.locator("[title='Switch to dark mode']").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert page.evaluate(SHOWN_SWITCH) == ["Switch to light mode"]
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == "dark"
    page.goto(base_url + "faq/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert page.evaluate(SHOWN_SWITCH) == ["Switch to light mode"]
    for _ in range(40):  # Tab to the switch, as a keyboard user would
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "__palette":
            break
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Switch to light mode"
    assert page.evaluate("getComputedStyle(document.activeElement.nextElementSibling).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    assert page.evaluate(SHOWN_SWITCH) == ["Switch to dark mode"]
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == "light"
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"


@pytest.mark.parametrize("device,scheme,switch", [("light", "default", "Switch to dark mode"),
                                                  ("dark", "slate", "Switch to light mode")])
def test_the_colours_follow_the_device_until_the_reader_chooses(browser, base_url, device, scheme, switch):
    context = browser.new_context(color_scheme=device, locale="en-GB")
    page = context.new_page()
    page.add_init_script(WATCH_SWITCHING)
    page.goto(base_url + "faq/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
    assert page.evaluate("window.__switching") == 0  # set before the first paint, not switched after it
    assert page.evaluate(SHOWN_SWITCH) == [switch]  # the button says what it will do now
    control = page.locator("[data-vrp-palette] input:checked")
    assert control.get_attribute("aria-label") == switch  # and so does the control the keyboard reaches
    other = "dark" if device == "light" else "light"
    page.emulate_media(color_scheme=other)  # the device changes, and so does the page
    page.wait_for_function("(s) => document.body.dataset.mdColorScheme !== s", arg=scheme)
    page.emulate_media(color_scheme=device)
    page.wait_for_function("(s) => document.body.dataset.mdColorScheme === s", arg=scheme)
    page.locator("[data-vrp-palette] label:not([hidden])").click()  # the reader chooses the other: that is kept
    chosen = page.evaluate("document.body.dataset.mdColorScheme")
    assert chosen != scheme
    page.goto(base_url)
    assert page.evaluate("document.body.dataset.mdColorScheme") == chosen  # whatever the device says
    context.close()


# Records each time the page is told to restyle everything for a change of colours.
WATCH_SWITCHING = """
window.__switching = 0;
new MutationObserver((records) => {
  window.__switching += records.filter((r) => r.attributeName === 'data-md-color-switching').length;
}).observe(document, {attributes: true, subtree: true});
"""


def test_a_page_loads_without_restyling_everything_for_the_switch(page, base_url):
    """The theme's switch restyled the whole page as it started, three times over, which blocked
    a phone on a long page; ours leaves the colours set before the first paint alone."""
    page.add_init_script(WATCH_SWITCHING)
    for scheme in ("default", "slate"):
        page.goto(base_url + "strategies/north-somerset-2021-22/")
        page.wait_for_load_state("load")
        assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
        assert page.evaluate("window.__switching") == 0, scheme
        if scheme == "default":
            page.locator("[title='Switch to dark mode']").click()
            assert page.evaluate("window.__switching") > 0  # the watch sees a real switch
