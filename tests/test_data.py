"""The data's own invariants: schemas, vocabularies, facts that must match the source documents."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from jsonschema.validators import validator_for

from conftest import ROOT
from vrp.data.content import warnings
from conftest import load
from vrp.data.files import FILES

pytestmark = pytest.mark.fast  # make test-fast

SCHEMAS = sorted((ROOT / "schemas").glob("*.schema.json"))
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
    assert site.entries
    assert [s.id for s in site.spokes] == ["banes", "bristol", "north-somerset", "somerset", "south-gloucestershire"]


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
    due = {e.id for e in site.due_for_review()}
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


@pytest.mark.parametrize("number,shown", [
    ("0800 1111", True), ("08 08 16 89 111", True), ("0117 922 2700", True), ("01225 396312", True), ("0300 123 2224", True),
    ("07700 900123", True), ("116 123", True), ("999", True), ("101", True),
    ("0906 123 4567", False), ("09061234567", False), ("0 9 0 6 1 2 3 4 5 6 7", False), ("0871 234 5678", False),
    ("0845 123 4567", False), ("0844 123 4567", False), ("070 1234 5678", False), ("0762 123 4567", False),
    ("118 118", False), ("0800-1111", False)])
def test_the_numbers_the_site_may_show_are_one_rule_in_the_schemas(number, shown):
    """A directory entry's phone and a help line's number follow the same pattern (schemas/), which
    leaves out premium-rate, service-charge, personal and pager numbers."""
    patterns = [json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text())["$defs"]["phone"]["pattern"]
                for name in ("resources", "help")]
    assert [bool(re.fullmatch(p, number)) for p in patterns] == [shown, shown], number


# The only tel: forms a phone can dial here: the emergency and short numbers, 116 numbers, or 0 and 7 to 10 digits.
TEL = re.compile(r"tel:(999|101|111|18000|116\d{3}|0\d{7,10})")


def test_a_tel_link_is_made_only_from_a_number_in_the_form_the_schema_allows():
    """The schema's phone pattern and the model's tel: link agree: every number it allows becomes a tel:
    link of digits a phone can dial, and the forms a phone cannot dial are refused before a page is made."""
    from vrp.model import tel
    schemas = {name: json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text()) for name in ("resources", "help")}
    phone = re.compile(schemas["resources"]["$defs"]["phone"]["pattern"])
    number = re.compile(schemas["help"]["$defs"]["phone"]["pattern"])  # a help line's
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
