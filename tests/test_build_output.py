"""`make build` (vrp/tools/build.py): a build that fails leaves no site/ behind, so a half-finished site
can never be previewed or published; `make build` and the workflows use it. (A build that passes is
checked in test_contributing_templates.py, which builds the guide's templates with it.)"""
from __future__ import annotations

import re
import subprocess
import sys

import yaml

from conftest import ROOT, copy_project


def test_a_build_that_fails_on_a_link_leaves_no_site_behind(tmp_path):
    project = copy_project(tmp_path / "project")
    stale = project / "site" / "index.html"
    stale.parent.mkdir()
    stale.write_text("an old build")
    page = project / "docs" / "about.md"
    page.write_text(page.read_text() + "\n\nSee [a page that is not there](no-such-page.md).\n")
    result = subprocess.run([sys.executable, "-m", "vrp.tools.build", "--root", str(project)], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode != 0
    assert "no-such-page.md" in result.stderr
    assert "there is no site/ folder" in result.stderr
    assert not (project / "site").exists(), "a failed build left site/ behind"
    assert not list(project.glob(".site-building-*")), "the temporary build folder was left behind"


def test_make_build_and_the_workflows_use_the_build_that_keeps_site_only_on_success():
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^build:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "-m vrp.tools.build" in recipe and "mkdocs build" not in recipe
    for name in ("test.yml", "publish.yml"):
        workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())
        runs = [s.get("run", "") for job in workflow["jobs"].values() for s in job.get("steps", [])]
        assert "make build" in runs and not any("mkdocs build" in r for r in runs), name
