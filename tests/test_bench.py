"""The benchmark runs end to end on a tiny data set and reports every figure it promises.

Only shapes and sizes are checked: timings vary by machine, so none is asserted.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT

pytestmark = pytest.mark.browser

SIZE = 20
PAGE_TYPES = {"home", "faq", "directory", "spoke", "strategy"}
WORDS = ["k", "kn", "kni", "knif", "knife"]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "latest.json"
    result = subprocess.run([sys.executable, "-m", "bench.run", str(SIZE), "--runs", "2", "--no-lighthouse",
                             "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(out.read_text())
    report["stdout"] = result.stdout
    return report


@pytest.fixture(scope="module")
def run(report):
    return report["runs"][str(SIZE)]


def test_the_table_is_printed_with_a_column_for_the_size(report):
    header = report["stdout"].splitlines()[0].split()
    assert header[:2] == ["N", "resources"] and header[-1] == str(SIZE)
    assert "Lighthouse not run" in report["stdout"]


def test_the_synthetic_site_has_the_size_asked_for(run):
    real_faq = yaml.safe_load((ROOT / "data" / "faq.yml").read_text())["sections"]
    assert run["resources"] == SIZE
    assert run["directory_entries"] == SIZE
    assert run["faq_questions"] == sum(len(s["questions"]) for s in real_faq) + SIZE // 20
    assert run["pages"] >= 20 and run["stock"]["pages"] == run["pages"]


def test_builds_are_timed_and_compared_with_stock_material(report, run):
    assert run["build_s"] > 0 and run["stock"]["build_s"] > 0
    assert run["build_vs_stock"] > 0
    assert report["growth"] == []  # one size: nothing to compare


def test_every_page_type_has_a_weight_with_its_css_and_js(run):
    assert set(run["weights"]) == PAGE_TYPES
    for weight in run["weights"].values():
        assert 0 < weight["html"]["gzip"] < weight["html"]["raw"]
        assert weight["total"]["raw"] > weight["html"]["raw"]
        assert any(a["file"].endswith(".css") for a in weight["assets"])
        assert any(a["file"].endswith(".js") for a in weight["assets"])
        assert weight["elsewhere"] == []  # nothing loaded from another host
    stock = run["stock"]["home"]["total"]
    assert 0 < stock["gzip"] < stock["raw"]
    assert run["home_vs_stock_gzip"] == round(run["weights"]["home"]["total"]["gzip"] / stock["gzip"], 3)
    assert 0 < run["search_index"]["gzip"] < run["search_index"]["raw"]


def test_the_first_visit_is_measured_in_chromium(run):
    assert set(run["first_visit"]) == PAGE_TYPES
    home = run["first_visit"]["home"]
    assert {"index.html"} <= {f.get("file") for f in home["files"]}
    assert not any(f.get("outside") for f in home["files"])
    assert home["total"]["raw"] >= run["weights"]["home"]["total"]["raw"]
    assert run["stock"]["first_visit"]["total"]["gzip"] > 0


def test_the_directory_filter_is_timed_for_every_keystroke(run):
    found = run["filter"]
    assert found["entries"] == SIZE
    assert 0 < found["shown_for_last_word"] < SIZE  # "knife" narrows the list without emptying it
    for key in ("apply_ms", "layout_ms", "typed_frame_ms"):
        assert list(found[key]) == [*WORDS, "clear"]
        assert all(value >= 0 for value in found[key].values())
    assert found["typed_frame_median_ms"] > 0


def test_the_reading_age_of_our_pages_is_reported(report):
    ages = report["reading_age"]
    assert "docs/easy-read.md" in ages and "data/faq.yml" in ages
    assert all(s["reading_age"] > 0 for s in ages.values() if s["words"] >= 100)
    assert "Reading age of our words" in report["stdout"]
