"""Shared fixtures: the real site built once per session, and a page reader for its HTML."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from engines import SAME_DATE

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]


def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run the strict build of `project` into `site_dir`, as `make build` does (on a fixed date: SAME_DATE)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **SAME_DATE)
    return subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(site_dir)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


def load(root: Path, today=None):
    """The checked data of a project, as its model (the Site of vrp.build.load, which raises DataError)."""
    from vrp.build import load as load_build
    return load_build(root, today).site


def copy_project(dest: Path) -> Path:
    """A throwaway copy of the project, to break on purpose."""
    for name in ("data", "docs", "overrides", "hooks", "schemas", "vrp", "mkdocs.yml"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    return dest


def without_front_doors(project: Path) -> Path:
    """The project's areas without the directory entries they name (`safeguarding`, `team`), for a copy
    whose directory holds other entries than the real ones."""
    file = project / "data" / "spokes.yml"
    first, _ = file.read_text(encoding="utf-8").split("\n", 1)
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    for spoke in data["spokes"]:
        spoke.pop("safeguarding", None)
        spoke.pop("team_entry", None)
    file.write_text(first + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, f"the strict build failed:\n{result.stderr[-4000:]}"
    return out


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


@pytest.fixture(scope="session")
def read(site):
    cache = {}

    def read(path: str) -> BeautifulSoup:
        file = site / path
        if file.is_dir() or path.endswith("/") or path == "":
            file = file / "index.html"
        if file not in cache:
            cache[file] = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        return cache[file]
    return read


from browser import base_url, browser, context, page  # noqa: E402,F401  (browser fixtures for every test module)

BUILT = {"site", "read", "page", "browser", "context", "base_url"}  # the shared fixtures that build the site or start a browser


def pytest_collection_modifyitems(items):
    """`make test-fast` stays fast: a test marked fast may not ask for the built site or a browser."""
    for item in items:
        if not item.get_closest_marker("fast"):
            continue
        defs = getattr(item, "_fixtureinfo", None)
        for name in BUILT & set(getattr(item, "fixturenames", ())):
            used = defs.name2fixturedefs[name][-1].func.__module__ if defs and name in defs.name2fixturedefs else ""
            if used in ("conftest", "browser"):
                raise pytest.UsageError(f"{item.nodeid} is marked fast but uses the built site or a browser ({name})")
