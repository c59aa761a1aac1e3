"""Lighthouse on a served page, several runs, against the budget of the performance issue.

`make bench` installs the pinned copy into bench/node_modules (bench/package-lock.json); failing that,
a copy on PATH or one that `npx --no-install --offline` finds is used. The benchmark never downloads it.
One run is noisy (Total Blocking Time varies several-fold on a small machine), so each page is run
several times and the median run is reported, chosen as Lighthouse chooses it (core/lib/median-run.js).
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
from pathlib import Path

LOCAL = Path(__file__).resolve().parent / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
BUDGET_TEXT = "Performance 98+, Accessibility, Best Practices and SEO 100, LCP under 1500 ms, CLS 0"
BUDGET = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
LCP_MS = 1500


def command() -> list[str] | None:
    """How to run Lighthouse here, or None if it is not installed."""
    if LOCAL.exists():
        return [str(LOCAL)]
    if shutil.which("lighthouse"):
        return ["lighthouse"]
    npx = ["npx", "--no-install", "--offline", "lighthouse"]
    if not shutil.which("npx"):
        return None
    try:
        found = subprocess.run([*npx, "--version"], capture_output=True, text=True, timeout=60,
                               env=dict(os.environ, npm_config_offline="true"))
    except subprocess.TimeoutExpired:
        return None
    return npx if found.returncode == 0 else None


def version(cmd: list[str]) -> str:
    return subprocess.run([*cmd, "--version"], capture_output=True, text=True, timeout=60).stdout.strip()


def report(cmd: list[str], url: str, chromium: str, args: list[str]) -> dict:
    """One Lighthouse run (mobile preset, the default) of `url`: its full JSON report."""
    result = subprocess.run(
        [*cmd, url, "--output=json", "--output-path=stdout", "--quiet",
         "--only-categories=" + ",".join(CATEGORIES),
         "--chrome-flags=" + " ".join(["--headless=new", *args])],
        capture_output=True, text=True, timeout=300, env=dict(os.environ, CHROME_PATH=chromium))
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip()[-500:])
    return json.loads(result.stdout)


def value(lhr: dict, audit: str) -> float:
    return lhr["audits"][audit]["numericValue"]


def median_run(reports: list[dict]) -> dict:
    """The run nearest the median first paint and time to interactive, ties to the quicker one:
    Lighthouse's computeMedianRun, which avoids the median score because one late task moves it."""
    fcp = statistics.median(value(r, "first-contentful-paint") for r in reports)
    tti = statistics.median(value(r, "interactive") for r in reports)
    return min(reports, key=lambda r: ((fcp - value(r, "first-contentful-paint")) ** 2
                                       + (tti - value(r, "interactive")) ** 2, value(r, "interactive")))


def failing(lhr: dict, category: str) -> list[str]:
    """Audits that cost the category points (scored below 1 with a weight), or scored poorly."""
    out = []
    for ref in lhr["categories"][category]["auditRefs"]:
        score = lhr["audits"][ref["id"]]["score"]
        if score is not None and ((score < 1 and ref["weight"] > 0) or score < 0.9):
            out.append(ref["id"])
    return out


def over_budget(page: dict) -> list[str]:
    """The keys of `page` (a summary) that miss the budget."""
    over = [name for name, least in BUDGET.items() if page[name] < least]
    if page["lcp_ms"] >= LCP_MS:
        over.append("lcp_ms")
    if page["cls"] > 0:
        over.append("cls")
    return over


def summary(reports: list[dict]) -> dict:
    """The median run's scores and metrics, the spread of the performance score and of LCP (which
    swings with when the theme's script ran, README: Performance), the speed Lighthouse measured for
    this machine's CPU during that run, and why any category misses its budget."""
    lhr = median_run(reports)
    performance = [round(r["categories"]["performance"]["score"] * 100) for r in reports]
    lcp = [round(value(r, "largest-contentful-paint")) for r in reports]
    page = {name: round(lhr["categories"][name]["score"] * 100) for name in CATEGORIES}
    page.update(lcp_ms=round(value(lhr, "largest-contentful-paint")), tbt_ms=round(value(lhr, "total-blocking-time")),
                cls=round(value(lhr, "cumulative-layout-shift"), 3),  # to 3 places, as Lighthouse shows it
                bytes=round(value(lhr, "total-byte-weight")),
                runs=len(reports), performance_min=min(performance), performance_max=max(performance),
                lcp_ms_min=min(lcp), lcp_ms_max=max(lcp), lcp_runs_over=sum(ms >= LCP_MS for ms in lcp))
    page["cpu_index"] = round(lhr["environment"]["benchmarkIndex"])  # lower when the machine is busy
    page["failing"] = {name: failing(lhr, name) for name in CATEGORIES if page[name] < BUDGET[name]}
    page["over_budget"] = over_budget(page)
    return page


def run(cmd: list[str], url: str, chromium: str, args: list[str], runs: int = 5) -> dict:
    """`runs` runs of one page, summarised; or the error of the first run that failed."""
    try:
        return summary([report(cmd, url, chromium, args) for _ in range(runs)])
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        return {"error": str(error)}
