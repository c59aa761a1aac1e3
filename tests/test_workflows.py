"""The GitHub Actions workflows: valid against GitHub's schema, least privilege, and doing
what the README promises (tests on pull requests, official Pages actions on main)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def load(name: str) -> dict:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(job: dict) -> str:
    return "\n".join(str(s.get("run", "")) + " " + str(s.get("uses", "")) for s in job["steps"])


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid_against_the_github_schema(workflow):
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows", str(workflow)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_starts_with_read_only_permissions(workflow):
    data = load(workflow.name)
    assert data["permissions"].get("contents") == "read"
    assert not {"write-all", "read-all"} & {str(data["permissions"])}


def test_pull_requests_run_every_test_and_the_strict_build():
    data = load("test.yml")
    assert "pull_request" in data["on"]
    run = steps(data["jobs"]["test"])
    assert "make test" in run and "make build" in run


def test_main_is_published_with_the_official_pages_actions_and_least_privilege():
    data = load("publish.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["concurrency"]["group"] and data["concurrency"]["cancel-in-progress"] is False
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    assert "make test" in steps(build) and "make build" in steps(build)
    assert "actions/upload-pages-artifact@" in steps(build)
    assert "actions/deploy-pages@" in steps(deploy) and deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in build  # only the deploy job can write to Pages
    assert deploy["environment"]["name"] == "github-pages"


def test_content_checks_are_strict_on_a_schedule():
    data = load("content-review.yml")
    assert "schedule" in data["on"] and "make content-check" in steps(data["jobs"]["content"])


def test_the_scheduled_review_follows_sources_and_no_other_workflow_does():
    """Following every source address needs the web: only the scheduled review does it, never the tests."""
    review = [s for s in load("content-review.yml")["jobs"]["content"]["steps"] if "make content-review" in str(s.get("run"))]
    assert len(review) == 1 and "cancelled()" in review[0]["if"], "it runs even when the strict checks fail"
    for workflow in WORKFLOWS:
        if workflow.name != "content-review.yml":
            assert "content-review" not in workflow.read_text(), workflow.name


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    assert re.search(r"^make test$", readme, re.M)
    assert re.search(r"^make test$", (ROOT / ".ci" / "run").read_text(), re.M)
