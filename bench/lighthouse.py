"""Lighthouse, only when it is already installed: the benchmark never downloads it.

`npx --no-install --offline` finds a local or global copy without asking the npm registry.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess

AUDITS = {"lcp_ms": "largest-contentful-paint", "tbt_ms": "total-blocking-time",
          "cls": "cumulative-layout-shift", "bytes": "total-byte-weight"}


def command() -> list[str] | None:
    """How to run Lighthouse here, or None if it is not installed."""
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


def run(cmd: list[str], url: str, chromium: str, args: list[str]) -> dict:
    """The four category scores and LCP, TBT, CLS and byte weight of one page (mobile preset)."""
    result = subprocess.run(
        [*cmd, url, "--output=json", "--output-path=stdout", "--quiet",
         "--only-categories=performance,accessibility,best-practices,seo",
         "--chrome-flags=" + " ".join(["--headless=new", *args])],
        capture_output=True, text=True, timeout=300, env=dict(os.environ, CHROME_PATH=chromium))
    if result.returncode != 0:
        return {"error": result.stderr.strip()[-500:]}
    report = json.loads(result.stdout)
    scores = {name: round(category["score"] * 100) for name, category in report["categories"].items()}
    return {**scores, **{key: report["audits"][audit]["numericValue"] for key, audit in AUDITS.items()}}
