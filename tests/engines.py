"""The two engines that build this site from the same mkdocs.yml, both installed in .venv from requirements.txt:
MkDocs 1.6.1, which `make build` and `make serve` run, and ProperDocs, the fork of MkDocs 1.x kept as a second
engine (ENGINES.md). Each is run by its own command, as a maintainer would type it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent
NAMES = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}


def build_with(engine: str, project: Path, site_dir: Path, *options: str, **env: str) -> subprocess.CompletedProcess:
    """The strict build of `project` into `site_dir` by `engine` ("mkdocs" or "properdocs").

    The config file is named on the command line: ProperDocs looks for properdocs.yml first and, when it
    falls back to mkdocs.yml, says at every build that the file should be renamed.
    """
    command = [str(BIN / engine), "build", "--strict", "--config-file", "mkdocs.yml", "--site-dir", str(site_dir)]
    return subprocess.run([*command, *options], cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env),
                          capture_output=True, text=True, timeout=600)
