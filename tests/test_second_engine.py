"""ProperDocs, the fork of MkDocs 1.x, builds the same site as MkDocs: the same files, every page with the
same title, visible text, links and ids, and the open data (resources.json, resources.csv) and every other
file byte for byte, differences only where they are explained below (EXPLAINED, EXPLAINED_FILES).

So does an engine that runs no hooks (ENGINES.md): ProperDocs building vrp.prebuild's folder, whose
mkdocs.yml names no hook and no macros plugin, then `python -m vrp.postbuild` over its site. That is the
build Zensical will make, and it proves the pipeline is the engine's in nothing but the adapters.

Whatever the builds of the real project produce is compared, not a list of pages, so a new page, data
file or generated file is covered as soon as it is added. Both engines share .venv: installing ProperDocs
must not change which engine `mkdocs build` runs.
"""
from __future__ import annotations

import difflib
import gzip
import hashlib
import re
import shutil
import subprocess
import sys
from importlib.metadata import distribution, entry_points, version
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project
from engines import NAMES, SAME_DATE, build_with, build_without_hooks
from vrp.config import read_yaml

# Every build gets the same build date (SAME_DATE), so the sitemap's dates and its gzip header cannot differ
# when two builds fall either side of midnight (MkDocs and ProperDocs both read SOURCE_DATE_EPOCH).
# The builds compared with MkDocs' (the session's shared build, conftest.py):
OTHERS = {"properdocs": "ProperDocs", "prebuilt": "ProperDocs without hooks (vrp.prebuild, then vrp.postbuild)"}
ENGINE = {"mkdocs": "mkdocs", "properdocs": "properdocs", "prebuilt": "properdocs"}  # which engine each runs

MATERIAL = version("mkdocs-material")
GENERATOR_TAG = '<meta name="generator" content="{}">'
GENERATOR = re.compile(GENERATOR_TAG.format('([^"]*)'))
# The only differences the two builds may have, and why: each is a piece of markup with the value each
# engine must write into it; that value is checked, then set aside before the builds are compared.
EXPLAINED = {
    # Material names the engine in every page's head from the `mkdocs_version` it is given, which
    # ProperDocs sets to "ProperDocs <version>" (so Material writes "mkdocs-ProperDocs 1.6.7").
    GENERATOR_TAG: {"mkdocs": f"mkdocs-{version('mkdocs')}, mkdocs-material-{MATERIAL}",
                    "properdocs": f"mkdocs-ProperDocs {version('properdocs')}, mkdocs-material-{MATERIAL}"},
}
# Files other than pages that may differ, and why: each is compared once made the same this way.
EXPLAINED_FILES = {
    # The engine lists the pages in the order it found their files: in the pre-built folder the generated
    # pages are files among the others, while the hooks give them to MkDocs after the pages of docs/. The
    # same addresses, the same dates.
    "sitemap.xml": lambda data: b"".join(sorted(re.findall(rb"<url>.*?</url>", data, re.S))),
    "sitemap.xml.gz": lambda data: b"".join(sorted(re.findall(rb"<url>.*?</url>", gzip.decompress(data), re.S))),
}
ID_REFERENCES = ("for", "headers", "list", "aria-controls", "aria-describedby", "aria-labelledby", "aria-owns")
LINK_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "poster", "data")
SHOWN = 40  # problems listed in one failure message


@pytest.fixture(scope="module")
def builds(site, properdocs_build, tmp_path_factory) -> dict[str, Path]:
    """MkDocs' build and ProperDocs' of the same project (the session's), and ProperDocs' without hooks."""
    sites = {"mkdocs": site, "properdocs": properdocs_build[0], "prebuilt": tmp_path_factory.mktemp("site-prebuilt")}
    work = tmp_path_factory.mktemp("prebuilt")
    result = build_without_hooks("properdocs", ROOT, work, sites["prebuilt"], **SAME_DATE)
    assert result.returncode == 0, f"the build without hooks failed:\n{result.stderr[-4000:]}"
    config = read_yaml(work / "mkdocs.yml")
    assert "hooks" not in config and not [p for p in config["plugins"] if "macros" in str(p)], "the engine ran our code"
    return sites


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def common(builds, other: str) -> list[str]:
    return sorted(files(builds["mkdocs"]) & files(builds[other]))


def html_pages(builds, other: str) -> list[str]:
    return [path for path in common(builds, other) if path.endswith(".html")]


def explained(html: str, build: str) -> str:
    """The page with each explained difference set aside (only where it has the engine's own value)."""
    for markup, values in EXPLAINED.items():
        html = html.replace(markup.format(values[ENGINE[build]]), markup.format("(set aside: differs by engine)"))
    return html


def soup(builds, build: str, path: str) -> BeautifulSoup:
    return BeautifulSoup(explained((builds[build] / path).read_text(encoding="utf-8"), build), "html.parser")


def first_difference(ours: list[str], theirs: list[str], joiner: str = " ", other: str = "ProperDocs") -> str:
    """Where two sequences first differ, with what comes just before, shortened for a message."""
    def show(items):
        text = joiner.join(items)
        return repr(text if len(text) <= 160 else text[:157] + "...")
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False).get_opcodes():
        if tag != "equal":
            where = f"after {show(ours[max(0, i1 - 4):i1])}" if i1 else "at the start"
            return f"{where}: MkDocs has {show(ours[i1:i2][:20])}, {other} has {show(theirs[j1:j2][:20])}"
    return "no difference"


def fail_with(problems: list[str], what: str) -> None:
    if problems:
        more = f"\n... and {len(problems) - SHOWN} more" if len(problems) > SHOWN else ""
        pytest.fail(f"{what}:\n" + "\n".join(problems[:SHOWN]) + more, pytrace=False)


def visible_text(page: BeautifulSoup) -> list[str]:
    body = page.body or page
    for hidden in body.find_all(["script", "style", "template"]):
        hidden.extract()
    return body.get_text(" ").split()


def aspects(page: BeautifulSoup) -> dict[str, list[str]]:
    """What a reader and a link checker see of a page, each as a list to compare in order."""
    return {
        "title": [page.title.get_text()] if page.title else [],
        "meta tags": [f'{m.get("name") or m.get("property") or m.get("http-equiv") or m.get("charset")}={m.get("content", "")}'
                      for m in page.find_all("meta")],
        "links": [f"<{tag.name} {attr}={tag[attr]}>" for tag in page.find_all(True)
                  for attr in LINK_ATTRIBUTES if tag.has_attr(attr)],
        "ids": [tag["id"] for tag in page.find_all(id=True)],
        "references to ids": [f"{attr}={' '.join(tag.get_attribute_list(attr))}" for tag in page.find_all(True)
                              for attr in ID_REFERENCES if tag.has_attr(attr)],
        "visible text": visible_text(page),  # last: it takes the scripts and styles out
    }


def test_properdocs_shares_the_environment_without_taking_over_mkdocs():
    """ProperDocs installs its own package and command only; it sends `mkdocs.*` imports to itself only
    inside its own command (properdocs/replacement.py, imported by its command line)."""
    shipped = {Path(str(f)).parts[0] for f in distribution("properdocs").files}
    assert "mkdocs" not in shipped, "the properdocs package ships a `mkdocs` module, which would replace MkDocs"
    commands = {ep.name: ep.dist.name for ep in entry_points(group="console_scripts")
                if ep.name in ("mkdocs", "properdocs")}
    assert commands == {"mkdocs": "mkdocs", "properdocs": "properdocs"}
    where = subprocess.run([sys.executable, "-c", "import mkdocs; print(mkdocs.__file__)"],
                           capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where) == Path(str(distribution("mkdocs").locate_file("mkdocs/__init__.py")))


def test_each_build_was_made_by_its_own_engine(builds):
    problems = []
    for build, site in builds.items():
        expected = EXPLAINED[GENERATOR_TAG][ENGINE[build]]
        for path in html_pages(builds, "properdocs"):
            found = GENERATOR.findall((site / path).read_text(encoding="utf-8"))
            if found and found != [expected]:
                problems.append(f"{path}: the {build} build says it was made by {found}, not {expected!r}")
        assert GENERATOR.findall((site / "index.html").read_text(encoding="utf-8")) == [expected], (
            f"the home page of the {build} build does not name its engine as {expected!r}")
    fail_with(problems, "a page does not name the engine that built it")


@pytest.mark.parametrize("other", OTHERS)
def test_both_builds_write_the_same_files(builds, other):
    ours, theirs = files(builds["mkdocs"]), files(builds[other])
    assert "index.html" in ours, "the MkDocs build wrote no home page: nothing to compare"
    fail_with([f"only MkDocs wrote {path}" for path in sorted(ours - theirs)]
              + [f"only {OTHERS[other]} wrote {path}" for path in sorted(theirs - ours)],
              f"MkDocs and {OTHERS[other]} wrote different files")


@pytest.mark.parametrize("other", OTHERS)
def test_every_page_has_the_same_title_text_links_and_ids(builds, other):
    problems = []
    for path in html_pages(builds, other):
        ours, theirs = (aspects(soup(builds, build, path)) for build in ("mkdocs", other))
        for aspect in ours:
            if ours[aspect] != theirs[aspect]:
                problems.append(f"{path}: {aspect}: {first_difference(ours[aspect], theirs[aspect], other=OTHERS[other])}")
    fail_with(problems, f"a page differs between the MkDocs and the {OTHERS[other]} builds")


@pytest.mark.parametrize("other", OTHERS)
def test_every_page_is_the_same_html_but_for_the_explained_differences(builds, other):
    """Markup, attributes, inline scripts and styles, and so the Content-Security-Policy's hashes."""
    problems = []
    for path in html_pages(builds, other):
        ours, theirs = (explained((builds[build] / path).read_text(encoding="utf-8"), build) for build in ("mkdocs", other))
        if ours != theirs:
            tokens = [re.split(r"(?=<)", html) for html in (ours, theirs)]
            problems.append(f"{path}: {first_difference(*tokens, joiner='', other=OTHERS[other])}")
    fail_with(problems, "a page's HTML differs between the builds in a way EXPLAINED does not account for")


@pytest.mark.parametrize("other", OTHERS)
def test_open_data_and_every_other_file_are_byte_for_byte_the_same(builds, other):
    """resources.json, resources.csv, the sitemap, the search index, stylesheets, scripts, images..."""
    others = [path for path in common(builds, other) if not path.endswith(".html")]
    assert {"resources.json", "resources.csv"} <= files(builds["mkdocs"]), "MkDocs wrote no open-data files to compare"
    problems = []
    for path in others:
        ours, theirs = ((builds[build] / path).read_bytes() for build in ("mkdocs", other))
        if ours == theirs:
            continue
        if other == "prebuilt" and path in EXPLAINED_FILES and EXPLAINED_FILES[path](ours) == EXPLAINED_FILES[path](theirs):
            continue
        try:
            lines = [data.decode("utf-8").splitlines() for data in (ours, theirs)]
        except UnicodeDecodeError:
            problems.append(f"{path}: MkDocs wrote {len(ours)} bytes (sha256 {hashlib.sha256(ours).hexdigest()[:12]}), "
                            f"ProperDocs {len(theirs)} (sha256 {hashlib.sha256(theirs).hexdigest()[:12]})")
            continue
        line = next((n for n, (a, b) in enumerate(zip(*lines, strict=False), 1) if a != b), min(map(len, lines)) + 1)
        problems.append(f"{path}:{line}: {first_difference(*lines, joiner=' / ', other=OTHERS[other])}")
    fail_with(problems, f"a file differs between the MkDocs and the {OTHERS[other]} builds")


def test_a_data_mistake_stops_the_properdocs_build_with_the_same_message(tmp_path):
    """Hooks raise MkDocs' PluginError; under ProperDocs that import is ProperDocs' own, so the editor
    still gets the message alone, not a traceback, and no page is written. Without hooks, the same."""
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(ROOT / "tests" / "fixtures" / "data", project / "data")
    resources = project / "data" / "resources.yml"
    resources.write_text(resources.read_text(encoding="utf-8").replace("type: helpline", "type: helplines", 1),
                         encoding="utf-8")
    messages = {}
    for engine in NAMES:
        out = tmp_path / f"site-{engine}"
        result = build_with(engine, project, out)
        assert result.returncode != 0, f"{NAMES[engine]} built the site despite the data mistake"
        assert "Traceback" not in result.stderr, f"{NAMES[engine]} showed a traceback:\n{result.stderr[-3000:]}"
        assert not list(out.rglob("*.html")), f"{NAMES[engine]} wrote a page despite the data mistake"
        messages[engine] = [line for line in result.stderr.splitlines() if line.strip().startswith("data/")]
        assert any('data/resources.yml:' in line and 'is not a known type' in line for line in messages[engine]), (
            f"{NAMES[engine]} did not report the mistake:\n{result.stderr[-3000:]}")
    assert messages["mkdocs"] == messages["properdocs"]
    # without hooks, vrp.prebuild runs the same check first and stops with the same lines, writing nothing
    result = build_without_hooks("properdocs", project, tmp_path / "prebuilt", tmp_path / "site-prebuilt")
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert [line for line in result.stderr.splitlines() if line.strip().startswith("data/")] == messages["mkdocs"]
    assert not (tmp_path / "prebuilt").exists() and not (tmp_path / "site-prebuilt").exists()
