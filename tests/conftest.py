"""Shared fixtures: the real site built once per session, and a page reader for its HTML."""
from __future__ import annotations

import os
import posixpath
import re
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


class InMemory:
    """A project's site without a build (the tests' middle layer): vrp.build.load checks it and makes the manifest,
    and each page is rendered here as the engine would be given it, its Markdown converted as mkdocs.yml says,
    inside an <article> as the theme puts it (no header, navigation or footer); each generated file is its text."""

    def __init__(self, root: Path, today=None):
        from vrp.build import load as load_build
        self.build = load_build(root, today)
        self.site = self.build.site
        self.outputs = {o.url: o for o in self.build.outputs}

    def _source(self, url: str) -> str | None:
        docs = self.build.root / self.build.config.docs_dir
        for src in (url.rstrip("/") + ".md", url + "index.md"):
            if src.removeprefix("/") and (docs / src).is_file():
                return src
        output = self.outputs.get(url)
        return output.path if output is not None and output.kind == "page" else None

    def exists(self, url: str) -> bool:
        return self._source(url) is not None or url in self.outputs

    def page(self, url: str) -> BeautifulSoup:
        """The page at `url` ("updates/", "spokes/bristol/", "resources/childline/", "" for the home page)."""
        from vrp.manifest import render
        src = self._source(url)
        if src is not None:
            body = self._links(self.build.html(src), src)
        else:  # one of the directory's own pages: its body, as vrp.postbuild.directory writes it into its shell
            body = render(self.outputs[url], self.build.templates)
        return BeautifulSoup(f'<article class="md-content__inner">{body}</article>', "html.parser")

    @staticmethod
    def _links(html: str, src: str) -> str:
        """Links to pages by their Markdown file made addresses, as the engine makes them."""
        from vrp.pages.macros import page_url, relative_url

        def address(found):
            path, _, anchor = found.group(1).partition("#")
            path, _, query = path.partition("?")
            if not path.endswith(".md") or ":" in path:
                return found.group(0)
            target = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
            return (f'href="{relative_url(page_url(target) or ".", page_url(src) or ".")}{"?" + query if query else ""}'
                    f'{"#" + anchor if anchor else ""}"')
        return re.sub(r'href="([^"]+)"', address, html)

    def file(self, path: str) -> str:
        from vrp.manifest import render
        return render(self.outputs[path], self.build.templates)


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


DIRECTORY_FIXTURE = ROOT / "tests" / "fixtures" / "directory"


def directory_project(dest: Path) -> Path:
    """A copy of the project whose directory holds the tests' own entries, synonyms, places, vocabularies and help page."""
    project = copy_project(dest)
    for name in ("resources", "synonyms", "places", "vocabularies", "help"):
        shutil.copy(DIRECTORY_FIXTURE / f"{name}.yml", project / "data" / f"{name}.yml")
    return without_front_doors(project)


@pytest.fixture(scope="session")
def directory_site(tmp_path_factory) -> Path:
    """The directory's tests' project (tests/fixtures/directory), built once for every module that reads it."""
    work = tmp_path_factory.mktemp("directory")
    result = build(directory_project(work / "project"), work / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    return work / "site"


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The strict build of the real project, once for the whole run: (the site, what the build said)."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, f"the strict build failed:\n{result.stderr[-4000:]}"
    return out, result


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    return site_build[0]


@pytest.fixture(scope="session")
def properdocs_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The same project built by ProperDocs, the second engine (ENGINES.md), once for the whole run."""
    from engines import build_with
    out = tmp_path_factory.mktemp("site-properdocs")
    result = build_with("properdocs", ROOT, out, **SAME_DATE)
    assert result.returncode == 0, f"the strict ProperDocs build failed:\n{result.stderr[-4000:]}"
    return out, result


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

BUILT = {"site", "site_build", "properdocs_build", "directory_site", "read", "page", "browser", "context", "base_url"}  # the shared fixtures that build the site or start a browser


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
