"""Measurements in headless Chromium: what a first visit fetches, what the site search fetches before it
is used and for a first query, and the directory's search: what its first load and first search fetch,
and its time per key typed.

The site is served as GitHub Pages serves it (tests/browser.py): under /vrp-site/, gzipped.
"""
from __future__ import annotations

import re
import statistics
import sys
from contextlib import contextmanager
from pathlib import Path

from bench import weights

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from browser import CHROMIUM, CHROMIUM_ARGS, PREFIX, GitHubPages, serve  # noqa: E402  (the tests' server, reused)

WORDS = ["k", "kn", "kni", "knif", "knife"]
LABELS = [*WORDS, "clear"]

# Times for each key pressed in the search box: to the next frame (the page answers the key), and to
# the first frame after the results of that key are drawn (the directory's "vrp:results" event).
WATCH_KEYS = """() => {
  window.benchFrames = [];
  window.benchResults = [];
  let pressed = null;
  document.getElementById("vrp-q").addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.key === "Control") return;
    const t0 = pressed = performance.now();
    requestAnimationFrame(() => setTimeout(() => window.benchFrames.push(performance.now() - t0), 0));
  });
  document.addEventListener("vrp:results", () => {
    if (pressed === null) return;
    const t0 = pressed;
    pressed = null;
    requestAnimationFrame(() => setTimeout(() => window.benchResults.push(performance.now() - t0), 0));
  });
}"""

# The ranking alone, with its data loaded: one pass of the directory's search per word.
TIME_RANK = """({words, runs}) => words.map((word) => {
  const times = [];
  let found = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    found = window.vrpDirectory.rank(word);
    times.push(performance.now() - t0);
  }
  return {times, found};
})"""

# What the page fetched before its first result was painted: the document and every file requested
# before the first contentful paint (the first results are in the HTML, so they come with that paint).
BEFORE_FIRST_PAINT = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0].startTime;
  return [location.href, ...performance.getEntriesByType("resource")
    .filter((e) => e.startTime <= paint).map((e) => e.name)];
}"""
IDLE = "() => !document.getElementById('vrp-results').hasAttribute('aria-busy')"


def _median(values) -> float:
    return round(statistics.median(values), 3)


@contextmanager
def launched():
    """Debian's Chromium, headless, with the tests' flags."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def served(site: Path):
    """The site served as GitHub Pages serves it: under its path, gzipped, cached for ten minutes."""
    base, server = serve(site, handler_class=GitHubPages)
    try:
        yield base
    finally:
        server.shutdown()


def transfer(browser, site: Path, pages: dict[str, str]) -> dict:
    """First-visit transfer of each page in `pages` (name -> path)."""
    with served(site) as base:
        return {name: _transfer(browser, site, base + path) for name, path in pages.items()}


def directory(browser, site: Path, path: str, runs: int = 7) -> dict:
    """The directory in a fresh browser: what its first load fetches, what a first search fetches,
    and the time from each key typed to the next frame and to its results."""
    with served(site) as base:
        context = browser.new_context(locale="en-GB")
        try:
            return _directory(context.new_page(), site, base + path, runs)
        finally:
            context.close()


def site_search(browser, site: Path, words: str = "knife") -> dict:
    """The site search on the home page: what is fetched for it before it is opened (nothing, by design),
    and what its first query fetches, from opening it to the results shown."""
    with served(site) as base:
        context = browser.new_context(locale="en-GB")
        page = context.new_page()
        urls = []
        page.on("request", lambda request: urls.append(request.url))
        try:
            page.goto(base, wait_until="networkidle", timeout=180_000)
            before = [u for u in urls if SEARCH_FILES.search(u)]
            start = len(urls)
            page.keyboard.press("/")
            page.keyboard.type(words)
            page.wait_for_function("""(q) => document.getElementById('vrp-site-q').value === q
                && document.getElementById('vrp-site-results').dataset.state === 'done'""", arg=words, timeout=120_000)
            page.wait_for_timeout(300)
            first = _weight(site, urls[start:])
            found = page.locator("#vrp-site-results li").count()
        finally:
            context.close()
    return {"before_use": _weight(site, before), "first_query": first, "words": words, "shown": found}


SEARCH_FILES = re.compile(r"/search/|site-search|search-engine")


def _transfer(browser, site: Path, url: str) -> dict:
    """Every file the page fetched until the network was idle (search index and worker included),
    in a fresh context so that nothing is cached."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    urls = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(url, wait_until="networkidle", timeout=180_000)
    page.wait_for_timeout(500)  # anything fetched once the page is idle counts too
    context.close()
    return _weight(site, urls)


def _weight(site: Path, urls) -> dict:
    total, files = {"raw": 0, "gzip": 0}, []
    for url in dict.fromkeys(urls):
        file = weights.local_file(site, PREFIX, url)
        if file is None or not file.is_file():
            files.append({"url": url, "outside": True})
            continue
        size = weights.sizes(file.read_bytes())
        files.append({"file": str(file.relative_to(site)), **size})
        total = {k: total[k] + size[k] for k in total}
    return {"requests": len(files), "total": total, "files": files}


def _directory(page, site: Path, url: str, runs: int) -> dict:
    page.goto(url, wait_until="load", timeout=180_000)
    first_load = _weight(site, page.evaluate(BEFORE_FIRST_PAINT))
    config = page.evaluate("JSON.parse(document.getElementById('vrp-directory-config').textContent)")
    # The first search: the pieces of data it fetches, from a first click in the box to its results.
    before = page.evaluate("performance.getEntriesByType('resource').length")
    page.evaluate(WATCH_KEYS)
    page.locator("#vrp-q").click()
    page.keyboard.type(WORDS[-1])
    page.wait_for_function("() => window.benchResults.length > 0 && document.getElementById('vrp-q').value === 'knife'")
    page.wait_for_function(IDLE, timeout=120_000)
    page.wait_for_timeout(300)
    first_search = _weight(site, page.evaluate(f"performance.getEntriesByType('resource').slice({before}).map(e => e.name)"))
    # Then the same word typed again and again, one key at a time: each key waits for its results.
    page.keyboard.press("Control+a")
    page.keyboard.press("Backspace")
    page.wait_for_function(IDLE)
    page.evaluate(WATCH_KEYS)
    keys = [*WORDS[-1], "Backspace"]
    for run in range(runs):
        for i, key in enumerate(keys):
            if key == "Backspace":
                page.keyboard.press("Control+a")
            page.keyboard.press(key)
            n = run * len(keys) + i + 1
            page.wait_for_function("n => window.benchFrames.length >= n && window.benchResults.length >= n", arg=n,
                                   timeout=120_000)
    frames, drawn = page.evaluate("[window.benchFrames, window.benchResults]")
    typed = [frames[i::len(keys)] for i in range(len(keys))]
    shown = [drawn[i::len(keys)] for i in range(len(keys))]
    ranked = page.evaluate(TIME_RANK, {"words": WORDS, "runs": runs})
    return {
        "entries": config["count"],
        "shown_for_last_word": ranked[-1]["found"],
        "first_load": first_load,
        "first_search": first_search,
        "rank_ms": {w: _median(r["times"]) for w, r in zip(WORDS, ranked, strict=True)},
        "typed_frame_ms": {w: _median(t) for w, t in zip(LABELS, typed, strict=True)},
        "typed_results_ms": {w: _median(t) for w, t in zip(LABELS, shown, strict=True)},
        "rank_median_ms": _median([t for r in ranked for t in r["times"]]),
        "typed_frame_median_ms": _median([t for ts in typed[:len(WORDS)] for t in ts]),
        "typed_results_median_ms": _median([t for ts in shown[:len(WORDS)] for t in ts]),
        "runs": runs,
    }
