"""`make bench`: build synthetic sites of several sizes and print one table of sizes and ratios.

    python -m bench.run                  # 100, 1000 and 10000 resources
    python -m bench.run 20 500           # any sizes
    python -m bench.run --quick          # 20 and 100, for a quick look
    python -m bench.run --lighthouse-only  # Lighthouse on the real site, nothing else

For each size: the strict build time and its growth, a stock Material build of as many pages as
MkDocs renders for us (the directory's own pages are written from shells),
page weights per page type against a stock one-paragraph page, the site search's index, the search
scripts, and in headless Chromium the first-visit transfer, what the site search fetches before it is
used and for its first query, what the directory's first load and first search fetch, and its time from a
key typed to the next frame and to that key's results.
Absolute times depend on the machine, so read the ratios. Then Lighthouse (if installed: `make bench`
installs it) on the real site's page types and the directory at 1,000 and 10,000 resources, against
the issue's budget.
The table is also written as JSON to bench/results/latest.json (lighthouse.json for --lighthouse-only).
"""
from __future__ import annotations

import argparse
import importlib.metadata
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

from bench import chromium, lighthouse, relevance, stock, synthetic, table, weights
from vrp.tools import readability

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "latest.json"
PAGES = {"home": "", "faq": "faq/", "directory": "resources/", "spoke": "spokes/bristol/",
         "strategy": "strategies/north-somerset-2021-22/"}
SIZES, QUICK = [100, 1000, 10000], [20, 100]
# The search: our own engine (no library: bench/README.md says why), the directory's and the site search's scripts.
ENGINE = "assets/javascripts/search-engine.mjs"
SEARCH_SCRIPTS = [ENGINE, "assets/javascripts/directory.mjs", "assets/javascripts/directory-share.js",
                  "assets/javascripts/site-search.mjs"]


class BuildFailed(RuntimeError):
    pass


def build(project: Path, site: Path, timeout: int) -> float:
    """Seconds for the strict build of `project`, run as `make build` runs it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=project, env=env, capture_output=True, text=True, timeout=timeout)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise BuildFailed(f"the build of {project} failed:\n{result.stderr[-3000:]}")
    return round(seconds, 3)


def one_size(n: int, work: Path, browser, runs: int, timeout: int) -> dict:
    site, stock_site = work / f"site-{n}", work / f"stock-site-{n}"
    (work / f"project-{n}").mkdir()
    made = synthetic.project(work / f"project-{n}", n)
    seconds = build(work / f"project-{n}", site, timeout)
    pages, own = weights.html_pages(site), weights.directory_pages(site)
    # The peer has as many pages as MkDocs renders for us; the directory's own pages (one per entry,
    # and its lists) are written from shells, not rendered one by one (vrp/postbuild/directory.py).
    rendered = pages - own["entries"] - own["lists"]
    stock_seconds = build(stock.project(work / f"stock-{n}", rendered), stock_site, timeout)
    result = {
        **made, "pages": pages, "build_s": seconds,
        "stock": {"pages": rendered, "build_s": stock_seconds, "home": weights.page(stock_site, "")},
        "build_vs_stock": round(seconds / stock_seconds, 2),
        "weights": {name: weights.page(site, path) for name, path in PAGES.items()},
        "search_index": weights.search_index(site),
        "directory_pages": own,
        "search_scripts": weights.scripts(site, SEARCH_SCRIPTS),
    }
    result["home_vs_stock_gzip"] = round(result["weights"]["home"]["total"]["gzip"]
                                         / result["stock"]["home"]["total"]["gzip"], 3)
    if browser:
        result["first_visit"] = chromium.transfer(browser, site, PAGES)
        result["stock"]["first_visit"] = chromium.transfer(browser, stock_site, {"home": ""})["home"]
        result["directory"] = chromium.directory(browser, site, PAGES["directory"], runs)
        result["site_search"] = chromium.site_search(browser, site)
    return result


def growth(sizes: list[int], runs: dict) -> list[dict]:
    """Build time between consecutive sizes; an exponent near 1 is linear, below 1 is better."""
    out = []
    for small, large in zip(sizes, sizes[1:], strict=False):
        t1, t2 = runs[str(small)]["build_s"], runs[str(large)]["build_s"]
        out.append({"from": small, "to": large, "size_ratio": round(large / small, 2),
                    "time_ratio": round(t2 / t1, 2), "exponent": round(math.log(t2 / t1) / math.log(large / small), 2),
                    "ms_per_extra_resource": round((t2 - t1) * 1000 / (large - small), 2)})
    return out


def run_lighthouse(work: Path, sizes: list[int], runs: int, timeout: int) -> dict | str:
    """Lighthouse on the real site's page types, built here from the repository, and on the
    directory of 1,000 resources when that size was built."""
    cmd = lighthouse.command()
    if cmd is None:
        return "Lighthouse not available (`make bench` installs it into bench/node_modules): skipped"
    print("building the real site for Lighthouse...", file=sys.stderr, flush=True)
    build(ROOT, work / "site-real", timeout)
    targets = {name: (work / "site-real", path) for name, path in PAGES.items()}
    for n in (1000, 10000):
        if n in sizes:
            targets[f"directory ({n:,})"] = (work / f"site-{n}", PAGES["directory"])
    pages = {}
    for name, (site, path) in targets.items():
        print(f"Lighthouse, {runs} runs: {name}...", file=sys.stderr, flush=True)
        with chromium.served(site) as base:
            pages[name] = lighthouse.run(cmd, base + path, chromium.CHROMIUM, chromium.CHROMIUM_ARGS, runs)
    return {"version": lighthouse.version(cmd), "runs": runs, "budget": lighthouse.BUDGET_TEXT, "pages": pages}


def run_relevance(work: Path, timeout: int) -> dict | str:
    """The judged queries (bench/queries.yml) on the real site: a score, never a gate."""
    if not (work / "site-real").exists():
        print("building the real site...", file=sys.stderr, flush=True)
        build(ROOT, work / "site-real", timeout)
    try:
        return relevance.run(work / "site-real")
    except (OSError, subprocess.CalledProcessError) as error:
        return f"relevance not measured: {error}"


def versions(browser) -> dict:
    names = ["mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "playwright"]
    found = {name: importlib.metadata.version(name) for name in names}
    return {**found, "python": platform.python_version(), "chromium": browser.version if browser else None,
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs"}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, help=f"numbers of resources (default {SIZES})")
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK}")
    parser.add_argument("--runs", type=int, default=7, help="repeats of each directory measurement (each word typed, each ranking)")
    parser.add_argument("--no-browser", action="store_true", help="skip Chromium")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse even if installed")
    only.add_argument("--lighthouse-only", action="store_true",
                      help="no synthetic sizes: build the real site and run Lighthouse only")
    parser.add_argument("--lighthouse-runs", type=int, default=5, help="Lighthouse runs per page (the median is shown)")
    parser.add_argument("--timeout", type=int, default=1200, help="seconds allowed for one build")
    parser.add_argument("--out", type=Path, help=f"where to write the JSON (default {RESULTS.relative_to(ROOT)}; lighthouse.json with --lighthouse-only)")
    args = parser.parse_args(argv)
    sizes = [] if args.lighthouse_only else sorted(set(args.sizes or (QUICK if args.quick else SIZES)))
    out = args.out or (RESULTS.with_name("lighthouse.json") if args.lighthouse_only else RESULTS)
    report = {"sizes": sizes, "runs": {}}
    with tempfile.TemporaryDirectory(prefix="vrp-bench-") as tmp:
        work = Path(tmp)
        with (nullcontext() if args.no_browser or not sizes else chromium.launched()) as browser:
            report["versions"] = versions(browser)
            for n in sizes:
                print(f"building {n} resources...", file=sys.stderr, flush=True)
                report["runs"][str(n)] = one_size(n, work, browser, args.runs, args.timeout)
        report["growth"] = growth(sizes, report["runs"])
        if sizes:
            report["reading_age"] = readability.report(ROOT)
            report["relevance"] = run_relevance(work, args.timeout)
        report["lighthouse"] = "Lighthouse not run (--no-lighthouse)" if args.no_lighthouse else \
            run_lighthouse(work, sizes, args.lighthouse_runs, args.timeout)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    table.show(report, PAGES)
    if isinstance(report.get("relevance"), dict):
        print()
        relevance.show(report["relevance"])
    if sizes:
        ages = {name: s["reading_age"] for name, s in report["reading_age"].items() if s["words"] >= 100}
        print("\nReading age of our words (Flesch-Kincaid grade + 5; aim about 12), pages of 100+ words:")
        for name, age in sorted(ages.items(), key=lambda item: item[1]):
            print(f"  {age:5.1f}  {name}")
    print(f"written to {out}")
    return report


if __name__ == "__main__":
    main()
