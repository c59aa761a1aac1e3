"""`make check`: validate data/ without building the site, and list content warnings.

Exit 1 on any data problem. Content warnings (reviews due, vague link text, images without
alternative text) are printed; with --strict (the scheduled job) they fail too.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from vrp.content import warnings
from vrp.site import load, read_all
from vrp.problems import DataError


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--strict", action="store_true", help="fail on content warnings too")
    args = parser.parse_args(argv)
    try:
        site = load(args.root)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    found = warnings(site, args.root)
    for warning in found:
        print(f"warning: {warning}")
    counts = {"resource": len(site.resources), "question": sum(len(s["questions"]) for s in site.faq),
              "spoke": len(site.spokes), "update": len(site.updates), "content warning": len(found)}
    said = [f"{n} {what}{'' if n == 1 else 's'}" for what, n in counts.items()]
    print(f"data/ is valid: {', '.join(said[:-1])}; {said[-1]}.")
    return 1 if args.strict and found else 0


if __name__ == "__main__":
    sys.exit(main())
