"""`python -m vrp.postbuild SITE [--root ROOT]`: the steps over a site built from vrp.prebuild's folder by any
MkDocs-family engine (vrp.postbuild.run); ROOT is the project (data/, docs/, overrides/), by default here."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vrp.build import load
from vrp.data.problems import DataError
from vrp.postbuild.steps import run


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project (default: here)")
    args = parser.parse_args(argv)
    try:
        run(args.site, load(args.root))
    except (DataError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
