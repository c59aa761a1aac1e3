"""Local substance: each area's count of its own entries is watched by a content warning, never a build error.

Built on the small fixture data set, so an editor's change to data/ can never turn these red.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from vrp.data.content import MIN_LOCAL_ENTRIES, local_coverage_warnings, warnings
from conftest import load

pytestmark = pytest.mark.fast  # make test-fast

FIXTURES = ROOT / "tests" / "fixtures" / "data"
AREAS = ["banes", "bristol"]  # the fixture's two areas


def entry(i: int, areas: str) -> str:
    return f"""  - id: service-{i}
    title: Service {i}
    organisation: A local charity
    description: A local service.
    url: https://www.example.org.uk/service-{i}/
    type: guidance
    audiences: [public]
    topics: [domestic-abuse]
    areas: {areas}
    last_reviewed: 2026-02-01
    source:
      title: The charity's page about service {i}
      url: https://www.example.org.uk/service-{i}/
"""


def project(tmp_path: Path, *extra: str) -> Path:
    """The fixture data with extra resource entries appended."""
    shutil.copytree(FIXTURES, tmp_path / "data")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    resources = tmp_path / "data" / "resources.yml"
    resources.write_text(resources.read_text() + "".join(extra))
    return tmp_path


def coverage(root: Path) -> dict[str, str]:
    """Each area named in a coverage warning, with its warning."""
    found = local_coverage_warnings(load(root))
    return {area: str(w) for w in found for area in AREAS if f'area "{area}"' in str(w)}


def test_the_fixture_areas_are_short_of_local_entries_and_each_says_so(tmp_path):
    found = coverage(project(tmp_path))
    assert set(found) == set(AREAS), "the fixture has one local entry (banes), so every area is short"
    assert str(found["banes"]).startswith('data/resources.yml:')
    assert 'area "banes" (Bath and North East Somerset): has 1 local entry,' in str(found["banes"])
    assert "has 0 local entries" in found["bristol"]
    assert all(f"fewer than {MIN_LOCAL_ENTRIES} — add services" in str(w) for w in found.values())


def test_the_warning_is_among_the_content_warnings(tmp_path):
    root = project(tmp_path)
    every = warnings(load(root), root)
    assert any('area "bristol" (Bristol): has 0 local entries' in str(w) for w in every)


def test_twelve_entries_of_its_own_silence_an_areas_warning_and_eleven_do_not(tmp_path):
    # the fixture already has one banes entry
    eleven = project(tmp_path / "eleven", *(entry(i, "[banes]") for i in range(10)))
    assert "banes" in coverage(eleven) and "has 11 local entries" in coverage(eleven)["banes"]
    twelve = project(tmp_path / "twelve", *(entry(i, "[banes]") for i in range(11)))
    assert "banes" not in coverage(twelve)
    assert set(coverage(twelve)) == {"bristol"}


def test_an_entry_counts_for_every_area_it_covers_but_not_for_all(tmp_path):
    shared = project(tmp_path / "shared", *(entry(i, "[banes, bristol]") for i in range(12)))
    assert not coverage(shared), "twelve entries covering both areas count for each of them"
    national = project(tmp_path / "national", *(entry(i, "[all]") for i in range(12)))
    assert set(coverage(national)) == set(AREAS), "national entries are not local services"


@pytest.mark.parametrize("strict,code", [(False, 0), (True, 1)])
def test_a_short_area_never_fails_make_check_only_the_strict_weekly_review(tmp_path, strict, code):
    root = project(tmp_path)
    result = subprocess.run([sys.executable, "-m", "vrp.tools.check", "--root", str(root), *(["--strict"] if strict else [])],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == code, result.stderr
    assert 'area "bristol" (Bristol): has 0 local entries' in result.stdout
    assert "data/ is valid" in result.stdout


def test_a_removed_service_leaves_the_build_valid(tmp_path):
    """Taking out the fixture's only local entry (a service that closed) is a valid edit: warnings, no errors."""
    root = project(tmp_path)
    resources = root / "data" / "resources.yml"
    text = resources.read_text()
    resources.write_text(text[:text.index("  - id: local-team")])
    assert "has 0 local entries" in coverage(root)["banes"]
