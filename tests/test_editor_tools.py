"""Editors' own tools: pre-commit (set up by `make hooks`, hooks not tied to one virtual environment)
and VS Code's YAML extension (a JSON Schema draft it supports, each data file tied to its schema)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

from conftest import ROOT
from vrp.data.files import FILES

pytestmark = pytest.mark.fast  # make test-fast

CONFIG = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
LOCAL = [hook for repo in CONFIG["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
# Keywords VS Code's YAML extension reads besides draft-07's, and where our definitions live.
EDITOR_KEYWORDS = {"patternErrorMessage", "errorMessage", "markdownDescription", "$defs"}


def pins() -> dict[str, str]:
    lines = (ROOT / "requirements.txt").read_text().splitlines()  # `name==version \`, its hashes on the next lines
    return {name.lower().replace("_", "-"): version for name, _, version in
            (line.split()[0].partition("==") for line in lines if "==" in line)}


def test_the_pre_commit_config_is_valid():
    result = subprocess.run([str(PRE_COMMIT), "validate-config", ".pre-commit-config.yaml"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hooks_name_no_virtual_environment_and_pin_what_requirements_pin():
    locked = pins()
    for hook in LOCAL:
        assert hook["language"] == "python", hook["id"]
        assert not re.search(r"(^|/)\.?venv/|bin/", hook["entry"]), f"{hook['id']} is tied to one environment"
        for dependency in hook.get("additional_dependencies", []):
            name, _, version = dependency.partition("==")
            assert locked.get(name.lower()) == version, f"{dependency} differs from requirements.txt"
    remote = [repo for repo in CONFIG["repos"] if repo["repo"] != "local"]
    for repo in remote:
        if repo["repo"].endswith("/check-jsonschema"):
            assert repo["rev"] == locked["check-jsonschema"]


@pytest.mark.parametrize("hook", LOCAL, ids=lambda h: h["id"])
def test_each_local_hook_passes_on_the_project(hook):
    """What pre-commit runs in the hook's own environment, run here with this environment's Python."""
    command = hook["entry"].split()
    assert command[0] == "python"
    result = subprocess.run([sys.executable, *command[1:]], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_make_hooks_installs_the_git_hook(tmp_path):
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^hooks: .*\n\t\$\(BIN\)/pre-commit install$", makefile, re.M)
    shutil.copy(ROOT / ".pre-commit-config.yaml", tmp_path)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    result = subprocess.run([str(PRE_COMMIT), "install"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "pre-commit" in (tmp_path / ".git" / "hooks" / "pre-commit").read_text()


def _keywords(node, found: set):
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(key)
            if key in ("properties", "$defs", "definitions"):
                for sub in value.values():
                    _keywords(sub, found)
            elif key not in ("enum", "required", "examples", "default", "const"):
                _keywords(value, found)
    elif isinstance(node, list):
        for item in node:
            _keywords(item, found)
    return found


@pytest.mark.parametrize("schema", sorted((ROOT / "schemas").glob("*.schema.json")), ids=lambda p: p.name)
def test_schemas_use_draft_07_which_vs_code_supports(schema):
    spec = json.loads(schema.read_text())
    assert spec["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(spec)
    unknown = _keywords(spec, set()) - set(Draft7Validator.META_SCHEMA["properties"]) - EDITOR_KEYWORDS
    assert not unknown, f"keywords VS Code's YAML extension would not understand: {unknown}"
    refs = re.findall(r'"\$ref": "([^"]+)"', schema.read_text())
    for ref in refs:
        target = spec
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        assert isinstance(target, dict), ref


def test_every_data_file_is_tied_to_its_schema_for_vs_code():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text())
    mapped = {glob: schema for schema, glob in settings["yaml.schemas"].items()}
    for name in FILES:
        assert mapped.get(f"data/{name}.yml") == f"./schemas/{name}.schema.json", name
        first = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8-sig").split("\n", 1)[0]
        path = first.removeprefix("# yaml-language-server: $schema=")
        assert path != first and (ROOT / "data" / path).resolve() == (ROOT / "schemas" / f"{name}.schema.json")
    recommended = json.loads((ROOT / ".vscode" / "extensions.json").read_text())["recommendations"]
    assert "redhat.vscode-yaml" in recommended
