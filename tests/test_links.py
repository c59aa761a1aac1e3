"""Internal links are checked on every build, offline: a broken page link or anchor in docs/ fails the strict
build and says where; a broken link inside YAML is named by the data check, before any build (in memory here).
Also what GitHub Pages needs."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from browser import SITE_URL
from conftest import ROOT, build, copy_project, load, pages
from vrp.data.problems import DataError
from test_contributing_templates import paste


def broken(tmp_path, file: str, old: str | None, new: str) -> Path:
    """A copy of the project with one change: `new` in place of `old`, or added at the end."""
    project = copy_project(tmp_path / "project")
    path = project / file
    text = path.read_text()
    if old is None:
        text = text.rstrip("\n") + "\n\n" + new + "\n"
    else:
        assert old in text, f"{old!r} not in {file}"
        text = text.replace(old, new, 1)
    path.write_text(text)
    return project


def broken_build(tmp_path, file: str, old: str | None, new: str) -> str:
    """What the strict build of the changed copy says (the engine checks the links of docs/)."""
    result = build(broken(tmp_path, file, old, new), tmp_path / "site")
    assert result.returncode != 0, "the build should have failed"
    return result.stderr


def broken_check(tmp_path, file: str, old: str | None, new: str) -> str:
    """What the data check says of the changed copy, in memory: a link in data/ never reaches the build."""
    with pytest.raises(DataError) as raised:
        load(broken(tmp_path, file, old, new))
    return str(raised.value)


def question_with(answer: str) -> str:
    """A new question for data/faq.yml whose answer is `answer`, pasted as CONTRIBUTING.md says."""
    return ("- id: a-test-question\n  question: Is this a test?\n  answer: " + answer +
            "\n  sources:\n    - title: A source\n      url: https://www.gov.uk/\n")


def faq_with(answer: str) -> tuple[str, str]:
    text = paste((ROOT / "data/faq.yml").read_text(), "sections[].questions", question_with(answer))
    line = next(i for i, l in enumerate(text.splitlines(), 1) if answer in l)
    return text, line


def test_a_broken_page_link_fails_the_build_naming_page_and_link(tmp_path):
    err = broken_build(tmp_path, "docs/strategies/index.md", None, "See [the old strategy](north-somerset-2012.md).")
    assert "strategies/index.md" in err and "north-somerset-2012.md" in err


def test_a_broken_anchor_fails_the_build_naming_page_and_anchor(tmp_path):
    err = broken_build(tmp_path, "docs/about.md", None, "Read [our definition](faq.md#our-defintion).")
    assert "about.md" in err and "our-defintion" in err


@pytest.mark.fast
def test_a_broken_link_in_a_faq_answer_names_the_data_file_line_and_question(tmp_path):
    text, line = faq_with("See [the strategy](strategies/national-strategy.md).")
    err = broken_check(tmp_path, "data/faq.yml", (ROOT / "data/faq.yml").read_text(), text)
    assert f'data/faq.yml:{line}: question "a-test-question": field "answer": links to ' \
           '"strategies/national-strategy.md", but there is no such page' in err, err


@pytest.mark.fast
def test_a_broken_anchor_in_a_faq_answer_names_the_data_file_line_and_question(tmp_path):
    text, line = faq_with("See [the question](faq.md#nowhere-at-all).")
    err = broken_check(tmp_path, "data/faq.yml", (ROOT / "data/faq.yml").read_text(), text)
    assert f'data/faq.yml:{line}: question "a-test-question": field "answer": links to "faq.md#nowhere-at-all", ' \
           'but faq.md has no heading or entry "#nowhere-at-all"' in err, err


@pytest.mark.fast
def test_a_broken_anchor_on_a_page_made_by_macros_is_named_before_the_build(tmp_path):
    """spokes/index.md shows a macro's output: the data check knows its anchors too, so a data link
    never reaches the build's link check unresolved."""
    text, line = faq_with("See [where we work](spokes/index.md#nowhere).")
    err = broken_check(tmp_path, "data/faq.yml", (ROOT / "data/faq.yml").read_text(), text)
    assert f'data/faq.yml:{line}: question "a-test-question": field "answer": links to "spokes/index.md#nowhere", ' \
           'but spokes/index.md has no heading or entry "#nowhere"' in err, err


def test_builds_never_fetch_external_urls():
    config = (ROOT / "mkdocs.yml").read_text()
    assert re.search(r"validate_external_urls:\s*false", config)
    assert re.search(r"raise_error_after_finish:\s*true", config) and re.search(r"^strict:\s*true", config, re.M)


def test_sitemap_robots_and_canonical_urls_are_ready_for_pages(site, read):
    urls = [el.text for el in ET.parse(site / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert SITE_URL + "faq/" in urls and SITE_URL + "resources/" in urls and all(u.startswith(SITE_URL) for u in urls)
    assert f"Sitemap: {SITE_URL}sitemap.xml" in (site / "robots.txt").read_text()
    for page in pages(site):
        path = str(page.relative_to(site)).removesuffix("index.html")
        html = page.read_text()
        assert "localhost" not in html and "127.0.0.1" not in html, path
        if path != "404.html":
            canonical = read(path).find("link", rel="canonical")
            assert canonical and canonical["href"] == SITE_URL + path, path


@pytest.mark.browser
def test_the_404_page_works_when_served(page, base_url):
    failed = []
    page.on("response", lambda r: r.status >= 400 and "no-such-page" not in r.url and failed.append(r.url))
    response = page.goto(base_url + "no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.locator(".vrp-help a[href='tel:999']").is_visible()
    assert page.locator("#vrp-site-q").count() == 1
    page.get_by_role("link", name="home page").click()
    assert page.url.rstrip(".") == base_url
    assert not failed, failed  # its styles and scripts load from the right place at any depth
