"""The resource directory in a real browser: filters, forgiving search, the query string,
Back/Forward, the live count, keyboard use, and editor text that can never run as script."""
from __future__ import annotations

import re
import unicodedata

import pytest
import yaml

from browser import serve
from conftest import ROOT, build, copy_project

pytestmark = pytest.mark.browser

RESOURCES = yaml.safe_load((ROOT / "data" / "resources.yml").read_text())["resources"]
VOCAB = yaml.safe_load((ROOT / "data" / "vocabularies.yml").read_text())
GROUPS = yaml.safe_load((ROOT / "data" / "synonyms.yml").read_text())["groups"]


def shown_ids(page) -> list[str]:
    return page.eval_on_selector_all(".vrp-resource", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)")


def count_text(page) -> str:
    return page.locator("#vrp-count").text_content()


def test_without_javascript_every_entry_is_readable_and_filters_are_hidden(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "resources/")
    assert shown_ids(page) == [r["id"] for r in sorted(RESOURCES, key=lambda r: [t["id"] for t in VOCAB["types"]].index(r["type"]))]
    assert not page.locator("#vrp-filters").is_visible()
    context.close()


def test_a_plural_finds_its_topic_through_synonyms(page, base_url):
    page.goto(base_url + "resources/")
    page.locator("#vrp-q").click()
    page.keyboard.type("knives")
    ids = shown_ids(page)
    knife = {r["id"] for r in RESOURCES if "knife-crime" in r["topics"]}
    assert knife and knife <= set(ids)
    assert count_text(page) == f"{len(ids)} resources match (of {len(RESOURCES)})"
    assert page.url.endswith("resources/?q=knives")


def test_case_and_accents_are_ignored_and_every_word_must_match(page, base_url):
    page.goto(base_url + "resources/")
    page.locator("#vrp-q").click()
    page.keyboard.type("CHÍLDLINE")
    assert "childline" in shown_ids(page)
    page.keyboard.type(" zebra")
    assert shown_ids(page) == []


def test_a_shared_link_opens_the_filtered_view(page, base_url):
    page.goto(base_url + "resources/?area=bristol&topic=domestic-abuse")
    assert page.locator("#vrp-area").input_value() == "bristol"
    assert page.locator("#vrp-topic").input_value() == "domestic-abuse"
    expected = [r["id"] for r in RESOURCES
                if ("bristol" in r["areas"] or "all" in r["areas"]) and "domestic-abuse" in r["topics"]]
    assert sorted(shown_ids(page)) == sorted(expected) and expected
    assert count_text(page).startswith(f"{len(expected)} resource")


def test_back_and_forward_step_through_filter_changes(page, base_url):
    page.goto(base_url + "resources/")
    page.select_option("#vrp-area", "somerset")
    assert page.url.endswith("?area=somerset")
    page.select_option("#vrp-type", "helpline")
    assert page.url.endswith("?area=somerset&type=helpline")
    narrowed = shown_ids(page)
    page.go_back()
    assert page.url.endswith("?area=somerset")
    assert page.locator("#vrp-type").input_value() == ""
    assert len(shown_ids(page)) > len(narrowed)
    page.go_forward()
    assert page.locator("#vrp-type").input_value() == "helpline"
    assert shown_ids(page) == narrowed


def test_typing_a_word_adds_one_history_entry_not_one_per_letter(page, base_url):
    page.goto(base_url + "help/")
    page.goto(base_url + "resources/")
    page.locator("#vrp-q").click()
    page.keyboard.type("abuse")
    page.go_back()
    assert page.url == base_url + "resources/"
    assert page.locator("#vrp-q").input_value() == ""


def test_no_results_says_so_and_offers_a_reset(page, base_url):
    page.goto(base_url + "resources/?q=qqqxyz")
    assert page.locator("#vrp-none").is_visible()
    assert count_text(page) == f"0 resources match (of {len(RESOURCES)})"
    assert page.locator("#vrp-count").get_attribute("role") == "status"
    page.get_by_role("button", name="Clear all filters").click()
    assert len(shown_ids(page)) == len(RESOURCES)
    assert page.url.endswith("/resources/")
    assert count_text(page) == f"Showing all {len(RESOURCES)} resources"


def test_filters_work_with_the_keyboard_alone(page, base_url):
    page.goto(base_url + "resources/")
    page.locator("#vrp-q").focus()
    page.keyboard.type("helpline")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "vrp-area"
    page.keyboard.press("ArrowDown")  # the first area
    first_area = VOCAB["areas"][0]["id"]
    assert page.locator("#vrp-area").input_value() == first_area
    assert f"area={first_area}" in page.url and "q=helpline" in page.url
    for r in (r for r in RESOURCES if r["id"] in shown_ids(page)):
        assert first_area in r["areas"] or "all" in r["areas"]
    for _ in range(4):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "reset"
    page.keyboard.press("Enter")
    assert len(shown_ids(page)) == len(RESOURCES)
    assert page.evaluate("document.activeElement.id") == "vrp-q"


def test_an_entry_link_lands_on_the_entry(page, base_url):
    target = RESOURCES[-1]["id"]
    page.goto(base_url + f"resources/#{target}")
    assert page.locator(f"#{target}").is_visible()
    assert page.evaluate(f"document.getElementById('{target}').getBoundingClientRect().top") < 800


HOSTILE = '<script>window.__xss = 1</script><img src="x" onerror="window.__xss = 2"> **bold**'


def test_editor_text_with_markup_renders_as_text_never_as_script(tmp_path, browser):
    project = copy_project(tmp_path / "project")
    for name, change in (("resources", lambda d: d["resources"][0].update(description=HOSTILE)),
                         ("faq", lambda d: d["sections"][0]["questions"][0].update(answer=HOSTILE))):
        file = project / "data" / f"{name}.yml"
        schema_line, data = file.read_text().split("\n", 1)[0], yaml.safe_load(file.read_text())
        change(data)
        file.write_text(schema_line + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    first = RESOURCES[0]
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    url, server = serve(tmp_path / "site")
    try:
        page = browser.new_page()
        for path, where in (("resources/", f"#{first['id']} .vrp-resource__description"), ("faq/", "article")):
            page.goto(url + path)
            assert page.evaluate("window.__xss") is None, path
            shown = page.locator(where).first.inner_text()
            assert "<script>window.__xss = 1</script>" in shown and 'onerror="window.__xss = 2"' in shown, path
            assert page.locator(f"{where} img").count() == 0
        page.close()
    finally:
        server.shutdown()


LABELS = {kind: {v["id"]: v["label"] for v in values} for kind, values in VOCAB.items()}
SYNONYMS = {t["id"]: [w for g in GROUPS if t["id"] in g.get("topics", []) for w in g["words"]] for t in VOCAB["topics"]}


def normal(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def expected_for(field: str, value: str) -> list[str]:
    """What the issue asks each filter to show, worked out from the YAML alone."""
    def text(r):
        words = [r["title"], r["organisation"], r["description"], LABELS["types"][r["type"]]]
        words += [LABELS["audiences"][a] for a in r["audiences"]] + [LABELS["topics"][t] for t in r["topics"]]
        words += [s for t in r["topics"] for s in SYNONYMS[t]]
        return normal(" ".join(words))
    keep = {
        "area": lambda r: value in r["areas"] or "all" in r["areas"],
        "type": lambda r: r["type"] == value,
        "audience": lambda r: value in r["audiences"],
        "topic": lambda r: value in r["topics"],
        "q": lambda r: all(w in text(r) for w in normal(value).split()),
    }[field]
    return sorted(r["id"] for r in RESOURCES if keep(r))


@pytest.mark.parametrize("field,value", [
    ("area", "north-somerset"), ("type", "guidance"), ("audience", "schools"), ("topic", "county-lines-exploitation"),
    ("q", "domestic abuse"), ("q", "mavisbus"),
])
def test_each_filter_narrows_to_exactly_the_right_entries(page, base_url, field, value):
    page.goto(base_url + f"resources/?{field}={value.replace(' ', '+')}")
    expected = expected_for(field, value)
    assert expected and len(expected) < len(RESOURCES)
    assert sorted(shown_ids(page)) == expected
    assert count_text(page) == f"{len(expected)} resource{'s match' if len(expected) != 1 else ' matches'} (of {len(RESOURCES)})"
