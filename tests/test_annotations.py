"""What a pull request shows an editor: the data check's GitHub Actions annotations (the exact
workflow-command format, escaped as GitHub's toolkit does), its plain-English job summary, and the
workflow that runs it first, on its own."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from test_validation import project_with
from vrp.tools.check import annotation, escape_data, escape_property
from vrp.data.problems import Problem

pytestmark = pytest.mark.fast  # make test-fast

COMMAND = re.compile(r"^::(error|warning) file=([^,:]+),line=(\d+),title=([^:]*)::(.*)$")


def unescape(text: str) -> str:
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def run_check(project: Path, tmp_path: Path, *args, github: bool = True):
    summary = tmp_path / "summary.md"
    env = {"PATH": os.environ.get("PATH", ""), "GITHUB_STEP_SUMMARY": str(summary)}
    if github:
        env["GITHUB_ACTIONS"] = "true"
    result = subprocess.run([sys.executable, "-m", "vrp.tools.check", "--root", str(project), *args],
                            capture_output=True, text=True, env=env)
    return result, (summary.read_text(encoding="utf-8") if summary.exists() else "")


def test_escaping_follows_the_workflow_command_rules():
    assert escape_data("100% sure\r\nnext line: yes, really") == "100%25 sure%0D%0Anext line: yes, really"
    assert escape_property('data/a,b:c.yml 50%\n') == "data/a%2Cb%3Ac.yml 50%25%0A"
    problem = Problem("data/resources.yml", 21, 'say "50%":\nnow', "fix it, then: go", 'resource "a,b"', "url")
    assert annotation(problem) == ('::error file=data/resources.yml,line=21,title=resource "a%2Cb"%2C field "url"'
                                   '::say "50%25":%0Anow — fix it, then: go')
    assert annotation(problem, "warning").startswith("::warning file=data/resources.yml,line=21,")


def test_each_problem_is_an_annotation_on_its_file_and_line(tmp_path):
    project = project_with(tmp_path, "resources", "    type: helpline", "    type: helplines")
    result, _ = run_check(project, tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        '::error file=data/resources.yml,line=9,title=resource "childline"%2C field "type"::"helplines" is not a '
        'known type — did you mean "helpline"? (or add it to data/vocabularies.yml)')


def test_values_with_percent_signs_and_new_lines_are_escaped_in_the_annotation(tmp_path):
    project = project_with(tmp_path, "resources", "    phone: 0800 1111", '    phone: "50% off\\nnow"')
    result, _ = run_check(project, tmp_path)
    line = next(l for l in result.stdout.splitlines() if "line=8," in l)
    match = COMMAND.match(line)
    assert match, line
    assert "%25" in match.group(5) and "%0A" in match.group(5) and "\n" not in line
    assert unescape(match.group(5)).startswith('"50% off\nnow" is not in the right form — ')


def test_every_problem_is_annotated_and_summarised_in_plain_english(tmp_path):
    project = project_with(tmp_path, "resources", "    type: helpline", "    type: helplines")
    faq = project / "data" / "faq.yml"
    faq.write_text(faq.read_text().replace("        answer: The hub.", '        answer: "  "'))
    result, summary = run_check(project, tmp_path)
    commands = [COMMAND.match(l) for l in result.stdout.splitlines() if l.startswith("::")]
    assert all(commands) and len(commands) == 2
    assert {(m.group(2), int(m.group(3))) for m in commands} == {("data/resources.yml", 9), ("data/faq.yml", 15)}
    assert summary.startswith("## The data check found 2 problems to fix")
    assert "**data/faq.yml, line 15** (question \"who-runs-it\", field \"answer\"): has only spaces in it." in summary
    assert "**What to do:** write the text, or remove the field if it is optional." in summary
    assert "The tests and the build did not run" in summary
    assert "::" not in summary and "Traceback" not in result.stderr


def test_more_than_ten_problems_are_all_in_the_summary(tmp_path):
    project = project_with(tmp_path, "resources", "", "")
    text = (project / "data" / "resources.yml").read_text()
    (project / "data" / "resources.yml").write_text(text.replace("[public]", "[publics]").replace("type: ", "type: x")
                                                    .replace("[knife-crime]", "[knives]").replace("2026-0", "2026/0")
                                                    .replace("[banes]", "[bath]").replace("[all]", "[everywhere]")
                                                    .replace("https://", "www.").replace("0800 1111", "0800-1111")
                                                    .replace("VRU_Project@", "mailto:"))
    result, summary = run_check(project, tmp_path)
    count = sum(1 for l in result.stdout.splitlines() if l.startswith("::error"))
    assert count > 10
    assert f"GitHub marks only the first 10 on their lines in **Files changed**; all {count} are listed here." in summary
    assert summary.count("\n- **data/") == count


def test_valid_data_gives_a_short_summary_and_warnings_as_warnings(tmp_path):
    project = project_with(tmp_path, "faq", "It is a partnership.", "It is a partnership: [click here](https://www.gov.uk/).")
    result, summary = run_check(project, tmp_path)
    assert result.returncode == 0, result.stderr
    warnings = [l for l in result.stdout.splitlines() if l.startswith("::warning")]
    assert any(w.startswith('::warning file=data/faq.yml,line=9,title=question "what-is-it"%2C field "answer"::')
               for w in warnings), warnings
    assert summary.startswith("## The data is valid")
    # the small fixture also has too few local services in each area: a warning each
    assert f"### {len(warnings)} content warnings (they do not stop your change)" in summary
    assert '**data/faq.yml, line 9** (question "what-is-it", field "answer"): link text "click here"' in summary


def test_annotations_are_printed_only_in_github_actions_or_when_asked(tmp_path):
    project = project_with(tmp_path, "resources", "    type: helpline", "    type: helplines")
    plain, summary = run_check(project, tmp_path, github=False)
    assert "::error" not in plain.stdout and not summary
    asked, _ = run_check(project, tmp_path, "--github", github=False)
    assert asked.stdout.startswith("::error file=data/resources.yml,line=9,")


def test_pull_requests_check_the_data_first_on_its_own_and_test_only_valid_data():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "test.yml").read_text())
    jobs = workflow["jobs"]
    data = jobs["data"]
    assert "needs" not in data
    runs = [s.get("run", "") for s in data["steps"]]
    assert any(r.startswith("make check") for r in runs)
    assert not any("make test" in r or "make build" in r for r in runs), "the data job only checks the data"
    for name, job in jobs.items():
        if name != "data":
            assert job.get("needs") in ("data", ["data"]), f"job {name} must wait for the data check"
    assert data["name"] == "Check the data", "CONTRIBUTING.md names the check so"
    assert "**Check the data**" in (ROOT / "CONTRIBUTING.md").read_text()
