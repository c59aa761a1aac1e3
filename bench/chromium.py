"""Measurements in headless Chromium: what a first visit fetches, and the directory's filter time.

The site is served as GitHub Pages serves it (tests/browser.py): under /vrp-site/, gzipped.
"""
from __future__ import annotations

import statistics
import sys
from contextlib import contextmanager
from pathlib import Path

from bench import weights

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from browser import CHROMIUM, CHROMIUM_ARGS, PREFIX, GitHubPages, serve  # noqa: E402  (the tests' server, reused)

WORDS = ["k", "kn", "kni", "knif", "knife"]
STEPS = [*WORDS, ""]  # the last step clears the box: every entry is shown again
LABELS = [*WORDS, "clear"]

# Times one filter pass per prefix of the word, then clearing the box, `runs` times. The layout each
# pass causes is timed apart: apply() only flips `hidden`, and the browser lays the page out later.
TIME_APPLY = """({steps, runs}) => {
  const apply = steps.map(() => []), layout = steps.map(() => []);
  document.body.offsetHeight;
  for (let r = 0; r < runs; r++) {
    steps.forEach((word, i) => {
      const t0 = performance.now();
      window.vrpDirectory.apply(word);
      const t1 = performance.now();
      document.body.offsetHeight;
      layout[i].push(performance.now() - t1);
      apply[i].push(t1 - t0);
    });
  }
  return {apply, layout};
}"""

# From each key press to the first moment after the next frame: the filter, layout and paint.
WATCH_KEYS = """() => {
  window.benchFrames = [];
  document.getElementById("vrp-q").addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.key === "Control") return;
    const t0 = performance.now();
    requestAnimationFrame(() => setTimeout(() => window.benchFrames.push(performance.now() - t0), 0));
  });
}"""

VISIBLE = "els => els.filter(e => e.offsetParent !== null).length"


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


def directory_filter(browser, site: Path, path: str, runs: int = 7) -> dict:
    with served(site) as base:
        context = browser.new_context(locale="en-GB")
        try:
            return _filter(context.new_page(), base + path, runs)
        finally:
            context.close()


def _transfer(browser, site: Path, url: str) -> dict:
    """Every file the page fetched until the network was idle (search index and worker included),
    in a fresh context so that nothing is cached."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    urls = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(url, wait_until="networkidle", timeout=180_000)
    page.wait_for_timeout(500)  # the search worker asks for its index after the page is idle
    context.close()
    total, files = {"raw": 0, "gzip": 0}, []
    for seen in dict.fromkeys(urls):
        file = weights.local_file(site, PREFIX, seen)
        if file is None or not file.is_file():
            files.append({"url": seen, "outside": True})
            continue
        size = weights.sizes(file.read_bytes())
        files.append({"file": str(file.relative_to(site)), **size})
        total = {k: total[k] + size[k] for k in total}
    return {"requests": len(files), "total": total, "files": files}


def _filter(page, url: str, runs: int) -> dict:
    page.goto(url, timeout=180_000)
    entries = page.locator(".vrp-resource").count()
    timed = page.evaluate(TIME_APPLY, {"steps": STEPS, "runs": runs})
    page.evaluate(WATCH_KEYS)
    page.locator("#vrp-q").click()
    keys = [*WORDS[-1], "Backspace"]  # the box is selected before Backspace, so that clears it
    for run in range(runs):
        for i, key in enumerate(keys):
            if key == "Backspace":
                shown = page.eval_on_selector_all(".vrp-resource", VISIBLE)
                page.keyboard.press("Control+a")
            page.keyboard.press(key)
            # One key at a time: the next press waits until this one's frame is out.
            page.wait_for_function("n => window.benchFrames.length >= n", arg=run * len(keys) + i + 1,
                                   timeout=120_000)
    frames = page.evaluate("window.benchFrames")
    typed = [frames[i::len(STEPS)] for i in range(len(STEPS))]
    return {
        "entries": entries,
        "shown_for_last_word": shown,
        "apply_ms": {w: _median(t) for w, t in zip(LABELS, timed["apply"])},
        "layout_ms": {w: _median(t) for w, t in zip(LABELS, timed["layout"])},
        "typed_frame_ms": {w: _median(t) for w, t in zip(LABELS, typed)},
        "apply_median_ms": _median([t for ts in timed["apply"][:len(WORDS)] for t in ts]),
        "typed_frame_median_ms": _median([t for ts in typed[:len(WORDS)] for t in ts]),
        "runs": runs,
    }
