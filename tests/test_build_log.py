"""A build's log shows only what needs attention: mkdocs-macros' INFO lines at every build ("Found local
Python module", "Found external Python module" for the same file, functions, variables, macros, filters)
are quietened in hooks/macros.py, while a macro that fails is still reported, names its page and stops
the build, under both engines. `--verbose` still shows macros' lines, for whoever debugs a macro."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT, copy_project
from engines import NAMES, build_with

RENDERED = re.compile(r"\A---\n(?:.*\n)*?render_macros: true\n(?:.*\n)*?---\n")


def macros_lines(log: str) -> list[str]:
    return [line for line in log.splitlines() if "[macros]" in line]


@pytest.mark.parametrize("engine", NAMES)
def test_a_build_logs_no_macros_lines(engine, site_build, properdocs_build):
    result = {"mkdocs": site_build, "properdocs": properdocs_build}[engine][1]  # the session's builds
    log = result.stdout + result.stderr
    assert not macros_lines(log), f"the {NAMES[engine]} build still logs mkdocs-macros' lines:\n{log}"
    assert "Documentation built" in log  # the log is there, only quieter


def test_a_verbose_build_still_shows_what_macros_found(tmp_path):
    result = build_with("mkdocs", ROOT, tmp_path / "site", "--verbose")
    assert result.returncode == 0, result.stderr[-4000:]
    assert any("Found local Python module 'hooks/macros'" in line for line in macros_lines(result.stderr))


def a_page_that_renders_macros(project) -> str:
    docs = project / "docs"
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
                   if RENDERED.match(p.read_text(encoding="utf-8")))
    assert pages, "no page in docs/ has `render_macros: true`"
    return pages[0]


@pytest.mark.parametrize("engine, mistake, words", [
    ("mkdocs", "{{ no_such_macro() }}", ["'no_such_macro' is undefined"]),
    ("properdocs", "{{ no_such_macro() }}", ["'no_such_macro' is undefined"]),
    ("mkdocs", "{{ help_block( }}", ["Macro Syntax Error", "expected ')'"]),
], ids=["unknown macro-mkdocs", "unknown macro-properdocs", "unclosed call-mkdocs"])
def test_a_failing_macro_is_still_reported_and_stops_the_build(engine, mistake, words, tmp_path):
    project = copy_project(tmp_path / "project")
    page = a_page_that_renders_macros(project)
    file = project / "docs" / page
    file.write_text(file.read_text(encoding="utf-8") + f"\n{mistake}\n", encoding="utf-8")
    out = tmp_path / "site"
    result = build_with(engine, project, out)
    assert result.returncode != 0, f"{NAMES[engine]} built the site despite {mistake!r} in {page}"
    reported = "\n".join(macros_lines(result.stderr))
    assert "WARNING" in reported and "ERROR" in reported, f"no macros error in the log:\n{result.stderr[-3000:]}"
    for expected in [f"_File_: `{page}`", *words]:
        assert expected in result.stderr, f"{expected!r} is not in the {NAMES[engine]} log:\n{result.stderr[-3000:]}"
    assert not list(out.rglob("*.html")), f"{NAMES[engine]} wrote a page despite the macro error"
