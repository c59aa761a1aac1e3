"""An editor's mistakes: each must name the file, line, record and field with a fix, and stop the build.

Table-driven: every case breaks one thing in a small valid data set (tests/fixtures/data).
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, build, copy_project
from vrp.problems import DataError
from vrp.site import load

FIXTURES = ROOT / "tests" / "fixtures" / "data"
TODAY = dt.date(2026, 11, 23)

# (case, file, text to find, replacement, expected line, expected words in the message)
CASES = [
    ("yaml syntax", "resources", "    title: Childline\n", "    title: Childline\n   oops: [\n", 5,
     ["data/resources.yml:5:", "YAML syntax error"]),
    ("tab indentation", "faq", "        question: What is it?", "\t    question: What is it?", 7,
     ["data/faq.yml:7:", "tab", "spaces"]),
    ("missing required field", "resources", "    organisation: NSPCC\n", "", 3,
     ['resource "childline": field "organisation": is missing', "add it"]),
    ("misspelt field", "resources", "    title: Childline", "    titel: Childline", 4,
     ['resource "childline": field "titel": is not a known field', 'did you mean "title"?']),
    ("unknown field", "spokes", "    summary: The local spoke.", "    summary: The local spoke.\n    mayor: Someone", 8,
     ['spoke "banes": field "mayor": is not a known field']),
    ("wrong type: list", "resources", "    audiences: [public]", "    audiences: public", 10,
     ['resource "childline": field "audiences": should be a list', "[public]"]),
    ("wrong type: number", "spokes", "      amount: 114884", "      amount: lots", 11,
     ['spoke "banes": field "funding.amount": should be a whole number']),
    ("javascript url", "resources", "https://www.childline.org.uk/", "javascript:alert(1)", 7,
     ['resource "childline": field "url": "javascript:alert(1)" is not in the right form', "https://"]),
    ("bare www url", "resources", "https://www.childline.org.uk/", "www.childline.org.uk", 7,
     ['field "url": "www.childline.org.uk" is not in the right form']),
    ("http resource url", "resources", "https://www.childline.org.uk/", "http://www.childline.org.uk/", 7,
     ['resource "childline": field "url"', "https://"]),
    ("bad email", "resources", "VRU_Project@bathnes.gov.uk", "mailto:VRU_Project", 19,
     ['resource "local-team": field "email"', "email address"]),
    ("bad phone", "resources", "0800 1111", "call 0800-1111", 8,
     ['resource "childline": field "phone"', "UK number"]),
    ("foreign phone", "resources", "0800 1111", "+1 555 0100", 8, ['field "phone"']),
    ("unknown area", "resources", "    areas: [banes]", "    areas: [bath]", 23,
     ['resource "local-team": field "areas[1]": "bath" is not a known area', 'did you mean "banes"?']),
    ("unknown type", "resources", "    type: helpline", "    type: helplines", 9,
     ['resource "childline": field "type": "helplines" is not a known type', 'did you mean "helpline"?']),
    ("unknown topic", "resources", "    topics: [knife-crime]", "    topics: [knife-crimes]", 11,
     ['field "topics[1]": "knife-crimes" is not a known topic', 'did you mean "knife-crime"?']),
    ("unknown audience", "resources", "    audiences: [professionals]", "    audiences: [profesionals]", 21,
     ['field "audiences[1]": "profesionals" is not a known audience', 'did you mean "professionals"?']),
    ("all with areas", "resources", "    areas: [all]", "    areas: [all, bristol]", 12, ['"all" is listed with other areas']),
    ("duplicate id", "resources", "  - id: local-team", "  - id: childline", 14,
     ['resource "childline": field "id": repeats the id on line 3']),
    ("duplicate question", "faq", "question: Who runs it?", "question: What is it?", 14,
     ['question "who-runs-it": field "question": repeats the question on line 7']),
    ("duplicate question, other case", "faq", "question: Who runs it?", "question: what IS it?", 14,
     ["repeats the question on line 7"]),
    ("empty answer", "faq", "        answer: The hub.", '        answer: ""', 15,
     ['question "who-runs-it": field "answer": is empty']),
    ("question without question mark", "faq", "question: Who runs it?", "question: Who runs it", 14,
     ['field "question"', "question mark"]),
    ("date not a date", "resources", "last_reviewed: 2026-01-10", "last_reviewed: 10/01/2026", 13,
     ['resource "childline": field "last_reviewed"', "YYYY-MM-DD"]),
    ("impossible date", "resources", "last_reviewed: 2026-01-10", "last_reviewed: 2026-02-30", 13,
     ['"2026-02-30" is not a real date']),
    ("future date", "resources", "last_reviewed: 2026-01-10", "last_reviewed: 2027-01-10", 13,
     ["2027-01-10 is in the future"]),
    ("future update date", "updates", "date: 2019-09-27", "date: 2030-09-27", 5, ['update "first-meeting": field "date"']),
    ("over-long title", "resources", "    title: Childline", "    title: " + "Childline " * 10, 4,
     ['field "title": is 99 characters long; the limit is 80']),
    ("bad id", "resources", "  - id: local-team", "  - id: Local Team", 14, ['field "id"', "lower-case"]),
    ("empty file", "updates", None, "", 1, ["data/updates.yml:1:", "the file is empty"]),
    ("missing schema line", "faq", "# yaml-language-server: $schema=../schemas/faq.schema.json", "# FAQ", 1,
     ["data/faq.yml:1:", "first line"]),
    ("duplicate key", "resources", "    phone: 0800 1111", "    phone: 0800 1111\n    phone: 0800 1111", 9,
     ['field "phone": the field "phone" appears twice']),
    ("script link in markdown", "faq", "It is a partnership.", "It is a [partnership](javascript:alert(1)).", 9,
     ['question "what-is-it": field "answer": has a link to "javascript:alert(1)"']),
    ("spoke not an area", "spokes", "  - id: bristol", "  - id: bristoll", 20,
     ['spoke "bristoll": field "id": "bristoll" is not an area', 'did you mean "bristol"?']),
    ("missing list", "faq", "    questions:", "    questionz:", 5, ['section "basics": field "questionz"', 'did you mean "questions"?']),
    ("synonym of an unknown topic", "synonyms", "    topics: [knife-crime]", "    topics: [knife-crimes]", 4,
     ['synonym group number 1: field "topics[1]": "knife-crimes" is not a known topic', 'did you mean "knife-crime"?']),
    ("markup in a synonym", "synonyms", "[knife, knives, blade]", "[knife, </script>]", 3,
     ['synonym group number 1: field "words[2]"', "lower-case words"]),
    ("place in an unknown area", "places", "    areas: [banes]", "    areas: [bath]", 5,
     ['place "Bath": field "areas[1]": "bath" is not a known area', 'did you mean "banes"?']),
    ("place listed twice", "places", "  - name: BS99", "  - name: bath", 6,
     ['place "bath": field "name": repeats the place name on line 3']),
    ("local entry without a source", "resources",
     "    source:\n      title: The council's page about the unit\n      url: https://beta.bathnes.gov.uk/violence-reduction-unit\n",
     "", 14, ['resource "local-team": field "source": is missing', "areas are not [all]", "`source:`", "`title:`",
              "`url:`"]),
    ("national entry made local needs a source", "resources", "    areas: [all]", "    areas: [bristol]", 3,
     ['resource "childline": field "source": is missing', "areas are not [all]"]),
    ("source without its address", "resources", "      url: https://beta.bathnes.gov.uk/violence-reduction-unit\n", "",
     26, ['resource "local-team": field "source.url": is missing', "https://"]),
]


def project_with(tmp_path: Path, name: str, find, replace) -> Path:
    shutil.copytree(FIXTURES, tmp_path / "data")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    file = tmp_path / "data" / f"{name}.yml"
    text = file.read_text()
    if find is None:
        text = replace
    else:
        assert find in text, f"fixture no longer contains {find!r}"
        text = text.replace(find, replace, 1)
    file.write_text(text)
    return tmp_path


def test_the_fixture_data_is_valid(tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "data")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    load(tmp_path, TODAY)


@pytest.mark.parametrize("case,name,find,replace,line,words", CASES, ids=[c[0] for c in CASES])
def test_each_mistake_is_reported_at_its_line_and_field(tmp_path, case, name, find, replace, line, words):
    project = project_with(tmp_path, name, find, replace)
    with pytest.raises(DataError) as raised:
        load(project, TODAY)
    messages = [str(p) for p in raised.value.problems]
    matching = [m for m in messages if m.startswith(f"data/{name}.yml:{line}:")]
    assert matching, f"no message at data/{name}.yml:{line}; got:\n" + "\n".join(messages)
    assert any(all(w in m for w in words) for m in matching), "\n".join(messages)
    assert all(" — " in m for m in messages), "every message ends with what to do"


def test_all_problems_are_listed_at_once(tmp_path):
    project = project_with(tmp_path, "resources", "    type: helpline", "    type: helplines")
    text = (project / "data" / "faq.yml").read_text().replace("question: Who runs it?", "question: What is it?")
    (project / "data" / "faq.yml").write_text(text)
    with pytest.raises(DataError) as raised:
        load(project, TODAY)
    files = {p.file for p in raised.value.problems}
    assert files == {"data/resources.yml", "data/faq.yml"}
    assert str(raised.value).startswith("2 problems in the site's data; nothing was built:")


def test_a_broken_data_file_stops_the_build_before_any_page_is_written(tmp_path):
    project = copy_project(tmp_path / "project")
    resources = project / "data" / "resources.yml"
    resources.write_text(resources.read_text().replace("type: helpline", "type: helplines", 1))
    out = tmp_path / "site"
    result = build(project, out)
    assert result.returncode != 0
    assert 'data/resources.yml:' in result.stderr and 'is not a known type' in result.stderr
    assert not list(out.rglob("*.html")), "a page was written despite the error"


def test_make_check_reports_without_building(tmp_path):
    import subprocess, sys
    project = project_with(tmp_path, "resources", "    type: helpline", "    type: helplines")
    result = subprocess.run([sys.executable, "-m", "vrp.check", "--root", str(project)], capture_output=True, text=True)
    assert result.returncode == 1
    assert 'data/resources.yml:9: resource "childline": field "type"' in result.stderr
    assert not (project / "site").exists()
