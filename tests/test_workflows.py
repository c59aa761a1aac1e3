"""The GitHub Actions workflows: valid against GitHub's schema, least privilege, every action pinned to a
commit, and doing what the README promises (tests on pull requests, official Pages actions on main); and
Dependabot's weekly updates, whose pull requests run the same tests."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
DEPENDABOT = ROOT / ".github" / "dependabot.yml"


def load(name: str) -> dict:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def uses(node) -> list[str]:
    """Every `uses:` in a workflow, of a step or of a job that calls a reusable workflow."""
    if isinstance(node, dict):
        found = [str(node["uses"])] if "uses" in node else []
        return found + [u for key, value in node.items() if key != "uses" for u in uses(value)]
    if isinstance(node, list):
        return [u for item in node for u in uses(item)]
    return []


def steps(job: dict) -> str:
    return "\n".join(str(s.get("run", "")) + " " + str(s.get("uses", "")) for s in job["steps"])


def check_jsonschema(schema: str, file: Path) -> subprocess.CompletedProcess:
    checker = Path(sys.executable).parent / "check-jsonschema"
    return subprocess.run([str(checker), "--builtin-schema", schema, str(file)], capture_output=True, text=True)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid_against_the_github_schema(workflow):
    result = check_jsonschema("vendor.github-workflows", workflow)
    assert result.returncode == 0, result.stdout + result.stderr


# owner/repo[/path]@<a full commit SHA> # <the release it is>: a tag can be moved to other code, a commit cannot
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^\s*(- )?uses: (?P<action>\S+) # v\d+(\.\d+)*\s*$")


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it(workflow):
    found = uses(load(workflow.name))
    assert found, "a workflow with no action is not what these tests expect"
    unpinned = [u for u in found if not u.startswith("./") and not PINNED.match(u)]
    assert not unpinned, f"pin each to the full 40-character commit SHA of its release tag: {unpinned}"
    lines = [line for line in workflow.read_text().splitlines() if re.match(r"^\s*(- )?uses:", line)]
    assert len(lines) == len(found), "write each uses: on a line of its own"
    without = [line.strip() for line in lines if "@" in line and not VERSION_COMMENT.match(line)]
    assert not without, f"say which release each SHA is, e.g. '# v4.2.2': {without}"


def test_the_pin_check_rejects_tags_branches_and_short_shas():
    for bad in ("actions/checkout@v4", "actions/checkout@main", "actions/checkout@11d5960",
                "actions/checkout@11D5960A326750D5838078E36CF38B85AF677262", "actions/checkout"):
        assert not PINNED.match(bad), bad
    assert PINNED.match("actions/checkout@11d5960a326750d5838078e36cf38b85af677262")
    assert PINNED.match("github/codeql-action/init@11d5960a326750d5838078e36cf38b85af677262")
    assert uses({"jobs": {"a": {"uses": "o/r/.github/workflows/x.yml@main"},
                          "b": {"steps": [{"run": "x"}, {"uses": "o/r@v1"}]}}}) == ["o/r/.github/workflows/x.yml@main", "o/r@v1"]


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


# --- Dependabot ------------------------------------------------------------------------------------------


def test_dependabot_config_is_valid_against_its_schema():
    result = check_jsonschema("vendor.dependabot", DEPENDABOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_watches_every_pin_weekly_with_minor_and_patch_updates_grouped():
    updates = yaml.safe_load(DEPENDABOT.read_text())["updates"]
    watched = {(u["package-ecosystem"], u["directory"]) for u in updates}
    assert watched == {("pip", "/"), ("npm", "/tests/tools"), ("npm", "/bench"), ("github-actions", "/")}
    for u in updates:
        assert u["schedule"]["interval"] == "weekly", u["directory"]
        assert [sorted(g["update-types"]) for g in u["groups"].values()] == [["minor", "patch"]], u["directory"]
    reads = {"pip": "requirements.in", "npm": "package-lock.json", "github-actions": ".github/workflows"}
    for ecosystem, directory in watched:
        assert (ROOT / directory.strip("/") / reads[ecosystem]).exists(), (ecosystem, directory)


def test_dependabot_pull_requests_run_the_tests_an_editor_s_do():
    """Dependabot's pull requests change only requirements and lock files, on branches of its own: a branch
    or path filter on test.yml's pull_request trigger could leave them untested."""
    trigger = load("test.yml")["on"]["pull_request"]
    assert not trigger or not {"branches", "branches-ignore", "paths", "paths-ignore"} & trigger.keys()
