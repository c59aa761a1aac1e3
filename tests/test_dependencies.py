"""The Python lock: every package pinned with the sha256 of its files, so an install gets exactly the code
that was reviewed, and `make` installs it with hashes required.

requirements.in names what the site needs; requirements.txt (`make lock`) is the full lock. A fresh venv
installs it with `--require-hashes` in well under a minute when pip's cache holds the files (as after
`make test` has set up .venv), so it runs with every test.
"""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from conftest import ROOT

LOCK = ROOT / "requirements.txt"
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+)")


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements(path) -> list[str]:
    """Each requirement of a requirements file on one line (continuations joined), comments dropped."""
    text = path.read_text().replace("\\\n", " ")
    lines = [line.split(" #")[0].strip() for line in text.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def pins(path) -> dict[str, str]:
    """{normalised name: version} of every `name==version` in a requirements file."""
    out = {}
    for line in requirements(path):
        match = PIN.match(line)
        assert match, f"{path.name}: not pinned with ==: {line[:80]}"
        out[normal(match["name"])] = match["version"]
    return out


def pip(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


def test_every_locked_package_is_pinned_with_its_hashes():
    lines = requirements(LOCK)
    assert len(lines) > 30, "requirements.txt is the full lock, dependencies of dependencies included"
    without = [line.split()[0] for line in lines if not re.search(r"--hash=sha256:[0-9a-f]{64}\b", line)]
    assert not without, f"no --hash=sha256: for {without}: run make lock"
    assert all(PIN.match(line) for line in lines)


def test_the_lock_holds_every_direct_dependency_at_its_pin():
    wanted, locked = pins(ROOT / "requirements.in"), pins(LOCK)
    assert {name: locked.get(name) for name in wanted} == wanted, "requirements.txt is stale: run make lock"


def test_the_build_backend_in_the_lock_is_the_one_pyproject_names():
    """`pip install -e .` runs without build isolation, on the setuptools the lock installed with its hash."""
    (requires,) = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]["requires"]
    name, version = requires.split("==")
    assert pins(LOCK)[normal(name)] == version


def test_make_installs_with_hashes_required_and_locks_with_hashes():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"pip install .*--require-hashes -r requirements\.txt", makefile)
    assert re.search(r"pip install .*--no-deps --no-build-isolation -e \.", makefile)
    assert re.search(r"uv pip compile requirements\.in .*--generate-hashes", makefile)
    assert "npm ci --prefix tests/tools" in makefile and "npm ci --prefix bench" in makefile


def test_the_lock_installs_in_a_fresh_venv_with_hashes_required(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    result = pip("--python", python, "install", "--quiet", "--require-hashes", "-r", str(LOCK))
    assert result.returncode == 0, result.stderr[-3000:]
    check = pip("--python", python, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    listed = pip("--python", python, "list", "--format=freeze")
    installed = {normal(line.split("==")[0]): line.split("==")[1] for line in listed.stdout.split()}
    assert pins(LOCK).items() <= installed.items()


def test_a_file_whose_hash_differs_from_the_lock_is_refused(tmp_path):
    """The check the fresh install relies on: a download that is not the reviewed file stops the install."""
    (line,) = [line for line in requirements(LOCK) if normal(line.split("==")[0]) == "webencodings"]
    tampered = tmp_path / "requirements.txt"
    tampered.write_text(re.sub(r"sha256:[0-9a-f]{64}", "sha256:" + "0" * 64, line) + "\n")
    result = pip("download", "--quiet", "--no-deps", "--require-hashes", "-d", str(tmp_path / "files"),
                 "-r", str(tampered))
    assert result.returncode != 0 and "DO NOT MATCH THE HASHES" in result.stderr, result.stderr[-2000:]
