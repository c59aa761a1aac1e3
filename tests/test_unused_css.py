"""Material's stylesheets lose what this site never uses (vrp/postbuild/unused_css.py), and no reader can
tell: every element of every page has the same computed style as with the theme's full CSS, in
both palettes, with the search, the menu and the back-to-top button in use."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from material import templates

from browser import site_search
from test_browser import browser_paths
from vrp.postbuild.unused_css import THEME_CSS, Usage, drop_selectors, drop_unused_definitions, purge, selectors

THEME = Path(templates.__file__).parent / "assets" / "stylesheets"

# Every property a reader can see of each element and pseudo-element, as one hash each (custom
# properties are left out: those nothing reads are exactly what is dropped).
STYLES = """(detail) => {
  const hash = (s) => { let h = 2166136261; for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619); return h >>> 0; };
  const out = [];
  for (const el of document.querySelectorAll('*')) {
    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + [...el.classList].map(c => '.' + c).join('');
    for (const pseudo of ['', '::before', '::after']) {
      if (detail !== null && out.length !== detail) { out.push(null); continue; }
      const style = getComputedStyle(el, pseudo || null);
      if (pseudo && style.content === 'none') { out.push(detail === null ? [name + pseudo, 0] : ''); continue; }
      let text = '';
      for (let i = 0; i < style.length; i++) {
        if (!style[i].startsWith('--')) text += style[i] + ':' + style.getPropertyValue(style[i]) + '\\n';
      }
      out.push(detail === null ? [name + pseudo, hash(text)] : text);
    }
  }
  return detail === null ? out : out[detail];
}"""


# Entries off screen are laid out lazily (content-visibility), at sizes that depend on timing.
LAID_OUT = ".vrp-resource { content-visibility: visible !important; }"


def full_theme_css(context, site: Path):
    """Give this browser context the theme's own, complete stylesheets in place of ours: as files
    where a page links them (the directory), inside the page where vrp/postbuild/inline_css.py put them."""
    ours = [next((site / "assets" / "stylesheets").glob(pattern)) for pattern in THEME_CSS]
    swaps = {f"<style>{css.read_text(encoding='utf-8')}</style>":
             f"<style>{(THEME / css.name).read_text(encoding='utf-8')}</style>" for css in ours}

    def handle(route):
        request, name = route.request, route.request.url.rsplit("/", 1)[-1]
        if request.resource_type == "stylesheet" and name in {css.name for css in ours}:
            route.fulfill(path=THEME / name, content_type="text/css")
        elif request.resource_type == "document":
            response = route.fetch()
            body = response.text()
            for mine, theirs in swaps.items():
                body = body.replace(mine, theirs)
            route.fulfill(response=response, body=body)
        else:
            route.continue_()
    context.route("**/*", handle)


RULES = "() => [...document.styleSheets].reduce((n, sheet) => n + sheet.cssRules.length, 0)"


def differences(ours, theirs) -> list[str]:
    """Each element whose style differs, with the first properties that do."""
    a, b = ours.evaluate(STYLES, None), theirs.evaluate(STYLES, None)
    assert [e[0] for e in a] == [e[0] for e in b], "the two loads differ in their elements or classes"
    found = []
    for i, ((name, h1), (_, h2)) in enumerate(zip(a, b, strict=True)):
        if h1 != h2 and len(found) < 5:
            mine, full = (dict(line.split(":", 1) for line in p.evaluate(STYLES, i).splitlines()) for p in (ours, theirs))
            changed = sorted(k for k in mine.keys() | full.keys() if mine.get(k) != full.get(k))[:4]
            found.append(f"{name}: " + ", ".join(f"{k} {mine.get(k)!r} (full CSS {full.get(k)!r})" for k in changed))
    return found


def search(page):
    site_search(page, "knife")


def menu(page):
    page.get_by_role("button", name="Menu").click()
    page.wait_for_timeout(300)


def back_to_top(page):
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(200)
    page.mouse.wheel(0, -600)
    page.locator(".md-top").wait_for()


def dark(page):
    page.locator("[title='Switch to dark mode']").click()


STATES = {"search": ("", search, 390), "search, wide": ("", search, 1280), "menu": ("faq/", menu, 390),
          "back to top": ("faq/", back_to_top, 390), "dark": ("resources/", dark, 390)}


@pytest.fixture(scope="module")
def compare(browser, base_url, site):
    """Open a page with our stylesheets and with the theme's full ones; list what differs."""
    def compare(path: str, then=None, width: int = 390) -> list[str]:
        contexts = [browser.new_context(locale="en-GB", viewport={"width": width, "height": 800},
                                        reduced_motion="reduce", bypass_csp=True) for _ in range(2)]
        full_theme_css(contexts[1], site)
        try:
            tabs = [context.new_page() for context in contexts]
            for tab in tabs:
                tab.goto(base_url + path)
                tab.add_style_tag(content=LAID_OUT)
                if then:
                    then(tab)
                tab.wait_for_timeout(200)
            assert tabs[1].evaluate(RULES) > 1.3 * tabs[0].evaluate(RULES), "the full theme CSS is not in use"
            return differences(*tabs)
        finally:
            for context in contexts:
                context.close()
    return compare


@pytest.fixture(scope="module")
def removed(site) -> list[str]:
    """Every selector of the theme's CSS that we do not ship."""
    out = set()
    for pattern in THEME_CSS:
        theirs = next(THEME.glob(pattern)).read_text(encoding="utf-8")
        ours = next((site / "assets" / "stylesheets").glob(pattern)).read_text(encoding="utf-8")
        out |= selectors(theirs) - selectors(ours)
    return sorted(out)


# The elements a removed selector would pick, ignoring states (hover, focus, checked...) and
# pseudo-elements, which only narrow what it picks.
MATCHED = """(selectors) => {
  const state = /::?(-[\\w-]+|before|after|marker|placeholder|selection|backdrop|hover|focus-visible|focus-within|focus|active|visited|target|checked|indeterminate|placeholder-shown|disabled|enabled|invalid|valid|required|autofill)\\b(\\([^)]*\\))?/g;
  return selectors.filter((selector) => {
    try { return document.querySelector(selector.replace(state, '') || '*') !== null; }
    catch (error) { return false; }  // a selector Chromium cannot parse applies to nothing here
  });
}"""


@pytest.mark.browser
def test_no_removed_selector_picks_anything_on_any_page(site, page, base_url, removed):
    assert len(removed) > 500  # the theme's CSS for unused features is really gone
    failures = []
    for path in browser_paths(site):
        page.goto(base_url + path)
        failures += [f"/{path}: {selector}" for selector in page.evaluate(MATCHED, removed)]
    assert not failures, "\n".join(failures[:40])


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "resources/", "strategies/north-somerset-2021-22/"])
def test_pages_look_the_same_as_with_the_full_theme_css(compare, path):
    assert compare(path) == []


@pytest.mark.browser
@pytest.mark.parametrize("state", STATES)
def test_pages_in_use_look_the_same_as_with_the_full_theme_css(compare, state):
    path, then, width = STATES[state]
    assert compare(path, then, width) == []


def test_the_theme_css_shipped_is_much_smaller(site):
    for pattern, most in (("main.*.min.css", 0.7), ("palette.*.min.css", 0.5)):
        shipped = next((site / "assets" / "stylesheets").glob(pattern)).read_bytes()
        theirs = next(THEME.glob(pattern)).read_bytes()
        assert len(gzip.compress(shipped)) < most * len(gzip.compress(theirs)), pattern
    assert not list((site / "assets" / "stylesheets").glob("*.map"))


def usage(html: str = "", script: str = "") -> Usage:
    found = Usage()
    found.add_html(html)
    found.add_script(script)
    return found


@pytest.mark.parametrize("css,html,script,kept", [
    (".a{color:red}", '<p class="a">', "", ".a{color:red}"),
    (".a{color:red}", '<p class="b">', "", ""),
    (".a{color:red}", "", 'el.classList.add("a")', ".a{color:red}"),  # the theme's script may add it
    (".a,.b .c{color:red}", '<p class="b c">', "", ".b .c{color:red}"),
    (".b:not(.a){color:red}", '<p class="b">', "", ".b:not(.a){color:red}"),  # :not(.a) matches .b
    (".b :is(.a,.x){color:red}", '<p class="b x">', "", ".b :is(.a,.x){color:red}"),
    (".b :is(.a,.x){color:red}", '<p class="b">', "", ""),
    ("[data-md-color-primary=red]{color:red}", '<body data-md-color-primary="custom">', "", ""),
    ("[data-md-color-scheme=slate]{color:red}", '<input data-md-color-scheme="slate">', "",
     "[data-md-color-scheme=slate]{color:red}"),
    ("@media screen{.a{color:red}}", '<p class="b">', "", ""),
    ("@media screen{.a{color:red}.b{color:blue}}", '<p class="b">', "", "@media screen{.b{color:blue}}"),
])
def test_a_selector_goes_only_when_nothing_can_match_it(css, html, script, kept):
    assert drop_selectors(css, usage(html, script)) == kept


def test_custom_properties_and_keyframes_go_when_nothing_uses_them():
    css = ":root{--used:1px;--chain:2px;--gone:3px;--by-script:4px}.a{width:var(--used);" \
          "height:calc(var(--used) + 1px);animation:spin 1s}@keyframes spin{to{opacity:0}}@keyframes fade{to{opacity:0}}"
    out = drop_unused_definitions(css, elsewhere=".b{margin:var(--chain)}", script_words={"--by-script"})
    assert out == ":root{--used:1px;--chain:2px;--by-script:4px}.a{width:var(--used);" \
                  "height:calc(var(--used) + 1px);animation:spin 1s}@keyframes spin{to{opacity:0}}"


def test_a_property_only_an_unused_rule_read_goes_with_it():
    css = ":root{--icon:url(x.svg)}.tabbed-set{mask-image:var(--icon)}.a{color:red}"
    assert purge(css, usage('<p class="a">')) == ".a{color:red}"
