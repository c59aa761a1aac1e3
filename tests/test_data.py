"""The data's own invariants: schemas, vocabularies, facts that must match the source documents."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml
from jsonschema.validators import validator_for

from conftest import ROOT
from vrp.data.content import warnings
from vrp.data.site import FILES, load

SCHEMAS = sorted((ROOT / "schemas").glob("*.schema.json"))
# The only phone numbers the site may show: each checked against the organisation's own site.
KNOWN_NUMBERS = {"999", "101", "111", "0800 555 111", "0800 1111", "0808 2000 247", "116 123", "0808 800 5000",
                 "08000 121 700", "0808 8010 327", "0808 500 2222", "0300 123 6600", "08 08 16 89 111",
                 "0808 1000 900", "0800 999 5428", "0800 5999 247", "0808 802 0300", "0808 802 4040",
                 "0808 808 8141", "0800 068 4141", "0808 800 4444", "0300 123 2040",
                 "116 000",  # Missing People (the missing children hotline)
                 "18000",  # Relay UK: 999 by text relay
                 # local front doors and helplines, each as the council or its partnership publishes it
                 "0117 903 6444", "0117 922 2700", "01225 396312", "01275 888 801",
                 "0300 123 2224", "0800 69 49 999", "01454 866000", "01454 868007",
                 "01275 888690",  # North Somerset, an immediate child protection concern: betterhealthns.co.uk/professionals/healthy-schools-network/cyp-mental-health
                 "01454 615165",  # the Emergency Duty Team, out of hours: sites.southglos.gov.uk/safeguarding/children/i-am-a-professional/concerned-about-a-child-2/
                 "0300 123 23 27",  # Somerset's Emergency Duty Team: somerset.gov.uk/children-families-and-education/report-a-child-at-risk/
                 "0800 9531919",  # AWP mental health crisis line: betterhealthns.co.uk/professionals/healthy-schools-network/cyp-mental-health
                 }
KNOWN_TEXT_NUMBERS = {"85258"}  # Shout


@pytest.fixture(scope="module")
def site():
    return load(ROOT)


@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda p: p.name)
def test_schemas_are_valid_json_schema(schema):
    spec = json.loads(schema.read_text())
    validator_for(spec).check_schema(spec)


def test_every_data_file_has_a_schema_named_on_its_first_line():
    for name in FILES:
        first = (ROOT / "data" / f"{name}.yml").read_text().split("\n", 1)[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{name}.schema.json"
        assert (ROOT / "schemas" / f"{name}.schema.json").exists()


def test_the_real_data_is_valid(site):
    assert site.resources
    assert [s["id"] for s in site.spokes] == ["banes", "bristol", "north-somerset", "somerset", "south-gloucestershire"]


def test_phone_numbers_are_only_the_checked_ones(site):
    lines = [line for situation in site.help for line in situation["lines"]]
    numbers = {line["number"] for line in lines if line["number"]} | {r["phone"] for r in site.resources if r.get("phone")}
    # On purpose, a new number fails here until a developer has checked it on the organisation's own
    # website and added it to KNOWN_NUMBERS (CONTRIBUTING.md says so).
    assert numbers <= KNOWN_NUMBERS, (f"new phone numbers {sorted(numbers - KNOWN_NUMBERS)}: check each on the "
                                      "organisation's own website, then add it to KNOWN_NUMBERS in tests/test_data.py")
    texts = {line["text"] for line in lines if line["text"]}
    assert texts <= KNOWN_TEXT_NUMBERS, (f"new text numbers {sorted(texts - KNOWN_TEXT_NUMBERS)}: check each on the "
                                         "organisation's own website, then add it to KNOWN_TEXT_NUMBERS")
    text = "\n".join((ROOT / "data" / f"{name}.yml").read_text() for name in FILES)
    text += "\n".join(p.read_text() for p in (ROOT / "docs").rglob("*.md"))
    for found in re.findall(r"\b0\d{2,4} ?\d{3,4} ?\d{3,4}\b", text):
        assert found in KNOWN_NUMBERS or found.replace(" ", "") in {k.replace(" ", "") for k in KNOWN_NUMBERS}, found


def test_north_somerset_tables_add_up(site):
    """The beat-area counts must sum to the strategy's own yearly totals (Table 4 and Table 5 of the source)."""
    totals = site.north_somerset["totals"]["offences"]
    rows = site.north_somerset["beats"]["rows"]
    assert [sum(r["counts"][i] for r in rows) for i in range(len(totals))] == totals
    actions = [a["id"] for p in site.north_somerset["programmes"] for a in p["actions"]]
    assert len(actions) == len(set(actions))


def test_content_checks_flag_vague_links_and_missing_alt_text(tmp_path, site):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("Read [click here](https://a.example/) and ![](x.png)\n")
    found = warnings(site, tmp_path)
    said = [str(w) for w in found]
    assert any(w.startswith('docs/page.md:1: link text "click here" says nothing on its own — ') for w in said), said
    assert any(w.startswith("docs/page.md:1: an image has no alternative text — ") for w in said), said


def test_content_checks_list_resources_due_for_review(site):
    due = {r["id"] for r in site.due_for_review()}
    found = warnings(site, ROOT)
    said = [str(w) for w in found]
    for rid in due:
        assert any(f'resource "{rid}": field "last_reviewed": last reviewed' in w for w in said), rid


def test_contributing_field_reference_matches_the_schemas():
    result = subprocess.run([sys.executable, "-m", "vrp.tools.contributing", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_make_check_passes_on_the_real_data():
    result = subprocess.run([sys.executable, "-m", "vrp.tools.check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "data/ is valid" in result.stdout


def test_reading_age_tells_plain_words_from_hard_ones():
    from vrp.tools.readability import report, scores
    easy = scores("Call 999 if you are in danger. We can help you. You are not alone.")
    hard = scores("Multi-agency collaboration necessitates comprehensive organisational accountability "
                  "frameworks, particularly regarding interventions addressing intergenerational vulnerability.")
    assert easy["reading_age"] < 10 < hard["reading_age"]
    figures = report(ROOT)
    assert figures["docs/easy-read.md"]["reading_age"] < figures["docs/strategies/north-somerset-2021-22.md"]["reading_age"]


# The only tel: forms a phone can dial here: the emergency and short numbers, 116 numbers, or 0 and 7 to 10 digits.
TEL = re.compile(r"tel:(999|101|111|18000|116\d{3}|0\d{7,10})")


def test_a_tel_link_is_made_only_from_a_number_in_the_form_the_schema_allows():
    """The schema's phone pattern and the `tel` filter agree: every number it allows becomes a tel:
    link of digits a phone can dial, and the forms a phone cannot dial are refused before a page is made."""
    from vrp.pages.render import tel
    schemas = {name: json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text()) for name in ("resources", "help")}
    phone = re.compile(schemas["resources"]["properties"]["resources"]["items"]["properties"]["phone"]["pattern"])
    number = re.compile(schemas["help"]["$defs"]["line"]["properties"]["number"]["pattern"])  # a help line's
    allowed = ["999", "101", "111", "116 000", "116 123", "0800 1111", "0117 903 6444", "08 08 16 89 111",
               "0300 123 23 27", "01275 888690", "08000 121 700"]
    refused = ["+44 117 903 6444", "0117-903-6444", "(0117) 903 6444", "0117 903 6444 ext 2", "117 903 6444",
               "0117  903 6444", "tel:01179036444", "0800 11", "01179036444123", "999 or 112"]
    for written in allowed:
        assert phone.fullmatch(written), written
        assert TEL.fullmatch(tel(written)) and tel(written)[4:] == written.replace(" ", ""), written
    for written in refused:
        assert not phone.fullmatch(written), written
    assert all(number.fullmatch(w) for w in allowed) and not any(number.fullmatch(w) for w in refused)
    assert number.fullmatch("18000") and TEL.fullmatch(tel("18000"))  # Relay UK, on the help page only


def test_the_schema_asks_every_local_entry_for_its_source():
    """Schema-level, on the fixtures: an entry for one or more areas without `source` is refused, by the
    same schema the build, the editors' IDE and pre-commit use; an entry for [all] may go without."""
    from vrp.data.yamlsource import read
    spec = json.loads((ROOT / "schemas" / "resources.schema.json").read_text())
    validator = validator_for(spec)(spec)
    fixture = read(ROOT / "tests" / "fixtures" / "data" / "resources.yml", "resources.yml")[0].data
    local = [r for r in fixture["resources"] if r["areas"] != ["all"]]
    national = [r for r in fixture["resources"] if r["areas"] == ["all"]]
    assert local and national and all("source" in r for r in local)
    assert not list(validator.iter_errors(fixture))
    for entry in local:
        without = {k: v for k, v in entry.items() if k != "source"}
        errors = list(validator.iter_errors({"resources": [without]}))
        assert any(e.validator == "required" and "source" in e.validator_value for e in errors), entry["id"]
        elsewhere = dict(without, areas=["bristol", "somerset"])
        assert list(validator.iter_errors({"resources": [elsewhere]})), "any areas but [all] need a source"
    for entry in national:
        assert not list(validator.iter_errors({"resources": [{k: v for k, v in entry.items() if k != "source"}]}))
