"""`make content-report`: every phone number and email with the page it was checked on, for a
reviewer. Built on the fixture data, so today's content never changes what these tests expect."""
from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import ROOT
from vrp.tools import content_report

FIXTURES = ROOT / "tests" / "fixtures" / "data"


def project(tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "data")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    resources = tmp_path / "data" / "resources.yml"
    resources.write_text(resources.read_text().replace(
        "    description: The local unit.\n",
        "    description: Out of hours, call [0117 496 0001](tel:01174960001) or write to duty@example.gov.uk.\n"))
    return tmp_path


def test_each_number_and_email_is_listed_with_the_page_it_was_checked_on(tmp_path):
    rows = {(r.value, r.where.split(" ", 1)[1]): r for r in content_report.rows(project(tmp_path))}
    childline = rows[("0800 1111", 'resource "childline", "phone"')]
    assert childline.checked_on == "https://www.childline.org.uk/" and childline.where.startswith("data/resources.yml:")
    email = rows[("VRU_Project@bathnes.gov.uk", 'resource "local-team", "email"')]
    assert email.checked_on == "https://beta.bathnes.gov.uk/violence-reduction-unit", "a local entry: its source"
    in_text = rows[("0117 496 0001", 'resource "local-team", "description" (in the text)')]
    assert in_text.checked_on == email.checked_on
    assert ("duty@example.gov.uk", 'resource "local-team", "description" (in the text)') in rows
    assert not any(value == "01174960001" for value, _ in rows), "a tel: link is the number it links, listed once"
    spoke = rows[("VRU_Project@bathnes.gov.uk", 'spoke "banes", "contact.email"')]
    assert spoke.checked_on == "https://beta.bathnes.gov.uk/violence-reduction-unit"


def test_the_report_is_markdown_for_a_reviewer_and_never_a_gate(tmp_path):
    root = project(tmp_path)
    out = tmp_path / "report.md"
    result = subprocess.run([sys.executable, "-m", "vrp.tools.content_report", "--root", str(root), "--output", str(out)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert "## Phone numbers" in text and "## Email addresses" in text
    assert "| 0800 1111 | data/resources.yml:" in text and "| https://www.childline.org.uk/ |" in text
