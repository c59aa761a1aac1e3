"""Every built page is valid HTML: the Nu HTML Checker (vnu-jar, the W3C's checker, run on Java)
finds no error on any of them, the theme's pages included."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, pages

VNU = ROOT / "tests" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def check(*files: Path) -> list[dict]:
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("The Nu HTML Checker is not installed: run `make test`, which installs it (it needs Java and npm).")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]


def test_the_checker_finds_errors_when_there_are_some(tmp_path):
    """So that a clean result below means something."""
    broken = tmp_path / "broken.html"
    broken.write_text('<!doctype html><html lang="en"><title>x</title><p id="a"></p><p id="a"></p>'
                      '<input type="checkbox" autocomplete="off"></html>')
    found = [m["message"] for m in check(broken)]
    assert any("Duplicate ID" in m for m in found) and any("autocomplete" in m for m in found), found


def test_no_page_has_an_html_error(site):
    found = check(*pages(site))
    errors = [f"{m['url'].removeprefix('file:').removeprefix(str(site.resolve()))}:"
              f"{m.get('lastLine')}: {m['message']}" for m in found if m["type"] == "error"]
    assert not errors, "\n".join(errors[:40])
