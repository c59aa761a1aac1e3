"""The two engines that build this site from the same mkdocs.yml, both installed in .venv from requirements.txt:
MkDocs 1.6.1, which `make build` and `make serve` run, and ProperDocs, the fork of MkDocs 1.x kept as a second
engine (ENGINES.md). Each is run by its own command, as a maintainer would type it; and the build of an engine
that runs no hooks: vrp.prebuild's folder, built by the engine, then vrp.postbuild."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent
NAMES = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}
SAME_DATE = {"SOURCE_DATE_EPOCH": "1800000000"}  # every test build: the sitemap's dates do not depend on the day


def build_with(engine: str, project: Path, site_dir: Path, *options: str, **env: str) -> subprocess.CompletedProcess:
    """The strict build of `project` into `site_dir` by `engine` ("mkdocs" or "properdocs").

    The config file is named on the command line: ProperDocs looks for properdocs.yml first and, when it
    falls back to mkdocs.yml, says at every build that the file should be renamed.
    """
    command = [str(BIN / engine), "build", "--strict", "--config-file", "mkdocs.yml", "--site-dir", str(site_dir)]
    return subprocess.run([*command, *options], cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env),
                          capture_output=True, text=True, timeout=600)


def build_without_hooks(engine: str, project: Path, work: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """The build an engine that runs no hooks makes (ENGINES.md): `python -m vrp.prebuild` writes `work`, the
    engine builds work/mkdocs.yml, where no hook is named, and `python -m vrp.postbuild` runs over its site. The
    first step that fails is returned, else the engine's."""
    run = dict(cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env), capture_output=True, text=True,
               timeout=600)
    pre = subprocess.run([sys.executable, "-m", "vrp.prebuild", str(work)], **run)
    if pre.returncode != 0:
        return pre
    built = subprocess.run([str(BIN / engine), "build", "--strict", "--config-file", str(work / "mkdocs.yml"),
                            "--site-dir", str(site_dir)], **run)
    if built.returncode != 0:
        return built
    post = subprocess.run([sys.executable, "-m", "vrp.postbuild", str(site_dir)], **run)
    return post if post.returncode != 0 else built
