"""The model's rules and the manifest's shape, in memory (no build, no browser: make test-fast).

The model (vrp/model.py) writes each rule once: whether an entry is national, its address, its tel: link, its
card, its kind; an area's front doors; an update's date as shown; a help line's links. The manifest
(vrp/manifest.py) lists every page and file made from the data, each once, each from a template that exists.
"""
from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace

import pytest

from conftest import ROOT
from vrp.build import load
from vrp.manifest import SHELLS, render
from vrp.model import NATIONAL, SITE_ROOT, Site, entry_path, tel
from vrp.pages.directory import PIECE, Directory, depth
from vrp.search.words import ARTICLES, STOP_WORDS

pytestmark = pytest.mark.fast  # make test-fast

FIXTURES = ROOT / "tests" / "fixtures" / "data"


@pytest.fixture(scope="module")
def real():
    return load(ROOT)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Site:
    root = tmp_path_factory.mktemp("model")
    shutil.copytree(FIXTURES, root / "data")
    shutil.copytree(ROOT / "schemas", root / "schemas")
    return load(root).site


# --- the rules, each written once ---------------------------------------------------------------------------

def test_an_entry_is_national_when_its_areas_are_all_and_covers_every_area(fixture_site):
    childline, local = fixture_site.by_id["childline"], fixture_site.by_id["local-team"]
    assert childline.areas == (NATIONAL,) and childline.is_national and local.areas == ("banes",) and not local.is_national
    assert childline.covers("bristol") and local.covers("banes") and not local.covers("bristol")
    assert fixture_site.national == [childline] and fixture_site.entries_for("bristol", national=True) == [childline]


def test_an_entry_has_one_address_and_one_tel_link(fixture_site):
    childline, local = fixture_site.by_id["childline"], fixture_site.by_id["local-team"]
    assert childline.path == entry_path("childline") == "resources/childline/"
    assert childline.tel == "tel:08001111" == tel("0800 1111") and local.tel is None
    assert childline.host == "childline.org.uk"


def test_an_entry_s_kind_is_its_type_s_in_the_vocabularies(real):
    kinds = {t["id"]: t["kind"] for t in real.site.vocabularies["types"]}
    assert all(e.kind == kinds[e.type] for e in real.site.entries)
    assert {e.kind for e in real.site.entries} <= {"service", "other", "document"}


def test_a_card_has_the_fields_the_script_draws_by_name(fixture_site):
    childline, local = fixture_site.by_id["childline"], fixture_site.by_id["local-team"]
    card = childline.card
    assert card.areas == "National: all areas" and card.type == childline.type_label
    assert local.card.areas == fixture_site.labels["areas"]["banes"]
    assert card.audiences == card.audiences.lower() and card.path == childline.path and card.tel == childline.tel
    fields = local.card.fields(root="../")
    assert "phone" not in fields and "tel" not in fields and fields["email"] == local.email
    assert SITE_ROOT in str(childline.description_html) or "href" not in str(childline.description_html)
    assert SITE_ROOT not in fields["description"]
    script = (ROOT / "docs" / "assets" / "javascripts" / "directory.mjs").read_text()
    drawn = set(re.findall(r"\br\.(\w+)", script.split("function newCard(", 1)[1].split("\n  }\n", 1)[0]))
    assert drawn <= set(card.__dataclass_fields__), f"the script reads a field the card does not have: {drawn}"


def test_an_area_s_front_doors_are_its_entries_by_concern(tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "data")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    spokes = tmp_path / "data" / "spokes.yml"
    spokes.write_text(spokes.read_text().replace("    contact: {email: VRU_Project@bathnes.gov.uk}",
                                                 "    safeguarding: {children: local-team}\n    contact: {email: VRU_Project@bathnes.gov.uk}"))
    site = load(tmp_path).site
    banes = site.area("banes")
    assert banes.front_doors == {"children": site.by_id["local-team"]} and site.area("bristol").front_doors == {}
    assert banes.page == "spokes/banes.md" and banes.path == "spokes/banes/"
    assert all(a.has_page for a in site.spokes) and [a.id for a in site.spokes] == ["banes", "bristol"]


def test_an_update_s_date_is_shown_as_precisely_as_its_source_gives_it(real):
    for u in real.site.updates:
        if u.when:
            assert u.shown_date == u.when and u.datetime == str(u.date.year)
        else:
            assert u.datetime == u.date.isoformat() and str(u.date.year) in u.shown_date
        assert u.page == f"updates/{u.id}.md" and u.path == f"updates/{u.id}/"
    dates = [u.date for u in real.site.updates]
    assert dates == sorted(dates, reverse=True)


def test_a_help_line_takes_what_its_entry_says_and_its_links(real):
    site = real.site
    for line in (line for s in site.help for line in s.lines):
        if line.resource:
            entry = site.by_id[line.resource]
            assert line.number == entry.phone and line.url == entry.url
        if line.number:
            assert line.tel == tel(line.number)
        if line.text:
            assert line.sms == f"sms:{line.text}"
    assert site.help_bar == [line for s in site.help for line in s.lines if line.compact]
    ids = [line.id for s in site.help for line in s.lines]
    assert len(ids) == len(set(ids))


def test_the_small_words_a_name_ignores_are_the_search_s_own():
    assert set(ARTICLES) <= set(STOP_WORDS)


def test_no_template_or_script_writes_a_rule_of_the_model_again():
    """National, an entry's address and a tel: link are asked of the record, never worked out again."""
    texts = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
             for folder in ("overrides", "docs/assets/javascripts") for p in (ROOT / folder).rglob("*")
             if p.is_file() and p.suffix in (".html", ".md", ".mjs", ".js", ".xml")}
    rules = {'== ["all"]': "entry.is_national", "|tel": "a record's .tel", r"replace(/\D/g": "the card's tel",
             '"resources/" +': "the card's path", "resources/{{ r.id }}": "the record's .path"}
    found = [f"{path}: {written} (ask {instead})" for path, text in texts.items() for written, instead in rules.items()
             if written in text]
    assert not found, found


# --- the manifest -----------------------------------------------------------------------------------------

def test_every_output_has_its_own_path_and_a_template_that_exists(real):
    paths = [o.path for o in real.outputs]
    assert len(paths) == len(set(paths)), [p for p in paths if paths.count(p) > 1][:5]
    for o in real.outputs:
        assert (o.template is None) != (o.content is None), o.path
        if o.template:
            assert (ROOT / "overrides" / o.template).is_file(), o.template
        assert o.kind in ("page", "file", "shell", "later"), o.kind


def test_every_entry_area_update_and_list_has_its_page(real):
    site, outputs = real.site, {o.path: o for o in real.outputs}
    for e in site.entries:
        assert outputs[e.path + "index.html"].kind == "later" and outputs[e.path + "index.html"].listed
    for r in site.retired:
        assert not outputs[r.path + "index.html"].listed, "a retired entry's old address is not offered to search engines"
    for area in site.spokes:
        assert outputs[area.page].kind == "page"
    for u in site.updates:
        assert outputs[u.page].kind == "page"
    for page in Directory.of(site).lists:
        assert outputs[page.path + "index.html"].kind == "later"
    assert {"feed.xml", "resources.json", "resources.csv", "open-data/hsds/index.json"} <= outputs.keys()
    later = {depth(o.url) for o in real.outputs if o.kind == "later"}
    assert later <= set(SHELLS) and all(outputs[src].kind == "shell" for src in SHELLS.values())


def test_the_directory_s_pieces_carry_each_entry_s_card(real):
    site, outputs = real.site, {o.path: o for o in real.outputs}
    d = Directory.of(site)
    cards = [card for i in range(0, len(d.entries), PIECE)
             for card in json.loads(outputs[f"{d.data_dir}entries/{i // PIECE}.json"].content)]
    assert sorted(c["id"] for c in cards) == sorted(e.id for e in site.entries)
    by_id = {c["id"]: c for c in cards}
    assert all(by_id[e.id] == e.card.fields(root="../") for e in site.entries)


def test_every_page_of_the_manifest_renders(real):
    for o in real.outputs:
        if o.kind in ("page", "shell"):
            assert render(o, real.templates).startswith("---\n"), o.path  # front matter first, as the engine reads it


def test_the_pre_built_config_names_no_hook_and_no_macros(real):
    from vrp.prebuild import config
    settings = config(real, ROOT / "mkdocs.yml")
    assert "hooks" not in settings and not [p for p in settings["plugins"] if "macros" in str(p)]
    assert settings["docs_dir"] == "docs" and settings["theme"]["custom_dir"] == "overrides"
    assert settings["extra"]["vrp"]["theme"] == real.theme and real.theme["help_bar"]


def test_a_record_can_be_changed_and_its_rules_follow(fixture_site):
    """Records are values: a changed copy (as a test makes one) asks the same rules."""
    moved = replace(fixture_site.by_id["local-team"], areas=(NATIONAL,))
    assert moved.is_national and moved.card.areas == "National: all areas"
