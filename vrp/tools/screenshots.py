"""`make screenshots`: PNGs of the pages readers meet most, as a phone and a laptop show them, in the
light and the dark palette, so a reviewer can look at a change without building the site.

`python -m vrp.tools.screenshots site screenshots` serves the built site as GitHub Pages does (the tests'
server) and writes `<page>-<width>x<height>-<palette>.png` (the first screen) and `...-full.png`
(the whole page) for each page below, in Debian's headless Chromium.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

PAGES = {"home": "", "help": "help/", "faq": "faq/", "directory": "resources/",
         **{f"spoke-{area}": f"spokes/{area}/" for area in ("banes", "bristol", "north-somerset", "somerset",
                                                           "south-gloucestershire")},
         "strategy-north-somerset": "strategies/north-somerset-2021-22/", "easy-read": "easy-read/",
         "updates": "updates/"}
SIZES = [(390, 844), (1280, 800)]
PALETTES = {"light": None, "dark": "Switch to dark mode"}  # the switch a reader presses


def shoot(browser, url: str, out: Path, pages: dict[str, str]) -> int:
    """Write the PNGs of `pages` (name -> path under `url`) with a Playwright browser; returns how many."""
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for width, height in SIZES:
        touch = width < 500  # a phone: touch, no hover, as the exit hint expects
        for palette, switch in PALETTES.items():
            context = browser.new_context(viewport={"width": width, "height": height}, locale="en-GB",
                                          is_mobile=touch, has_touch=touch)
            page = context.new_page()
            if switch:
                page.goto(url)
                page.locator(f"[title='{switch}']").click()
            for name, path in pages.items():
                page.goto(url + path)
                page.wait_for_load_state("networkidle")
                stem = out / f"{name}-{width}x{height}-{palette}"
                page.screenshot(path=f"{stem}.png")
                page.screenshot(path=f"{stem}-full.png", full_page=True)
                written += 2
            context.close()
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site (make build writes site/)")
    parser.add_argument("out", type=Path, help="where to write the PNGs")
    parser.add_argument("--pages", default=",".join(PAGES), help="which pages, by name (default: all of them)")
    args = parser.parse_args(argv)
    chosen = {name: PAGES[name] for name in args.pages.split(",")}
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
    from browser import CHROMIUM, CHROMIUM_ARGS, serve  # the tests' server and browser settings
    from playwright.sync_api import sync_playwright

    url, server = serve(args.site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            written = shoot(browser, url, args.out, chosen)
            browser.close()
    finally:
        server.shutdown()
    print(f"{written} screenshots in {args.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
