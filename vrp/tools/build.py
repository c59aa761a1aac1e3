"""`make build`: the strict build, into site/ only if it succeeds.

MkDocs writes pages as it goes, and a link check that fails at the end of the build leaves a
complete-looking site/ behind (without the Content-Security-Policy the last step adds), which
could be previewed or published by mistake. So the build goes to a temporary folder beside site/
and is moved into place only when it succeeds; when it fails, site/ is removed too, so that
whatever is in site/ is always the output of a build that passed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build(root: Path, site_dir: Path, extra: list[str] | None = None) -> int:
    root, site_dir = Path(root).resolve(), Path(site_dir)
    site_dir = site_dir if site_dir.is_absolute() else root / site_dir
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    try:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(partial),
                                 *(extra or [])], cwd=root, env=env)
        shutil.rmtree(site_dir, ignore_errors=True)
        if result.returncode != 0:
            print(f"The build failed, so there is no {site_dir.name}/ folder: fix the problems above and build again.",
                  file=sys.stderr)
            return result.returncode
        partial.rename(site_dir)
        return 0
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args, extra = parser.parse_known_args(argv)
    return build(args.root, args.site_dir, extra)


if __name__ == "__main__":
    sys.exit(main())
