"""`make content-review`: the entries the scheduled content review asks a person to check again.

Two lists, each entry with its file, line and record, as `make check` words a problem:

- **due**: directory entries whose `last_reviewed` is more than a year old (`Site.due_for_review`);
- **moved**: entries whose source address has changed host or path since it was written. Its
  redirects are followed now, and where they end on another host or another path, the page the
  facts were checked on has moved, and may no longer say the same.

Only the scheduled workflow (.github/workflows/content-review.yml) runs this: following addresses
needs the internet. The tests run it against a local server that redirects.

Usage: python -m vrp.tools.review [--root DIR] [--timeout S] [--today YYYY-MM-DD]
Exit status 1 if either list has an entry, else 0. An address that could not be reached is listed
as a note, not counted: the weekly link check (`make linkcheck`) reports broken links.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from vrp.data.content import warnings
from vrp.data.problems import DataError
from vrp.build import load
from vrp.data.validate import locate
from vrp.data.yamlsource import read

AGENT = "Mozilla/5.0 (compatible; vrp-site content review)"
WORKERS = 8


@dataclass(frozen=True, order=True)
class Where:
    """A record in a data file, worded as a validation message words it."""
    file: str
    line: int
    record: str
    field: str

    def __str__(self) -> str:
        return f'{self.file}:{self.line}: {self.record}: field "{self.field}"'


@dataclass(frozen=True)
class Followed:
    """Where an address ends after its redirects, or why it could not be followed."""
    url: str
    final: str = ""
    error: str = ""


def place(url: str) -> tuple[str, str]:
    """The host and path that say which page an address names. `http` or `https`, a leading `www.`,
    the case of the host, a trailing slash and `%20` for a space do not make another page."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = unquote(parts.path).rstrip("/") or "/"
    return host, path


def moved(written: str, final: str) -> bool:
    """True when following `written` ends on another host or another path."""
    return bool(final) and place(written) != place(final)


def follow(url: str, timeout: float = 20, opener: urllib.request.OpenerDirector | None = None) -> Followed:
    """Follow an address's redirects (as a browser would, GET) and say where it ends. `opener` is
    urllib's, with its own handlers (the tests send every request through a local server)."""
    request = urllib.request.Request(url, headers={"User-Agent": AGENT, "Accept": "text/html,*/*"})
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=timeout) as response:
            return Followed(url, response.geturl())
    except urllib.error.HTTPError as error:  # a reply, but not the page: the link check's business
        return Followed(url, "", f"HTTP {error.code} at {error.geturl()}")
    except (urllib.error.URLError, OSError, ValueError) as error:
        return Followed(url, "", str(getattr(error, "reason", error)))


def sources(root: Path) -> list[tuple[Where, str]]:
    """Every source address in the data with the record that cites it: each directory entry's
    `source.url` and each area's `sources`."""
    found = []
    for name, keys in (("resources", ("resources", "source")), ("spokes", ("spokes", "sources"))):
        source, _ = read(root / "data" / f"{name}.yml", f"data/{name}.yml")
        if source is None:
            continue
        for i, record in enumerate(source.data.get(keys[0], []) or []):
            cited = record.get(keys[1]) if isinstance(record, dict) else None
            cited = [cited] if isinstance(cited, dict) else cited if isinstance(cited, list) else []
            for j, item in enumerate(cited):
                if not isinstance(item, dict) or not isinstance(item.get("url"), str):
                    continue
                path = [keys[0], i, keys[1]] + ([j] if name == "spokes" else []) + ["url"]
                label, field = locate(source, path)
                found.append((Where(source.path, source.line(path), label, field), item["url"]))
    return found


@dataclass
class Review:
    due: list  # Problems, from vrp.data.content
    moved: list[tuple[Where, str, str]]  # record, address written, where it ends now
    unreachable: list[tuple[Where, str, str]]  # record, address written, why

    @property
    def found(self) -> bool:
        return bool(self.due or self.moved)


def review(root: Path, today=None, follower=follow, workers: int = WORKERS) -> Review:
    """The entries due for review and the sources that moved, for the data under `root`."""
    site = load(root, today).site
    due = [w for w in warnings(site, root) if w.field == "last_reviewed"]  # as `make check` words them
    cited = sources(root)
    urls = sorted({url for _, url in cited})
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(urls) or 1))) as pool:
        ends = dict(zip(urls, pool.map(follower, urls), strict=True))
    moved_, unreachable = [], []
    for where, url in sorted(cited):
        end = ends[url]
        if end.error:
            unreachable.append((where, url, end.error))
        elif moved(url, end.final):
            moved_.append((where, url, end.final))
    return Review(due, moved_, unreachable)


def report(found: Review) -> str:
    """The review in Markdown: for the job summary and the log alike."""
    lines = ["## Content review", ""]
    lines += [f"### {len(found.due)} entr{'y' if len(found.due) == 1 else 'ies'} not reviewed for over a year", ""]
    lines += [f"- {p}" for p in found.due] or ["None."]
    lines += ["", f"### {len(found.moved)} source address{'' if len(found.moved) == 1 else 'es'} that moved", "",
              "Each now leads to another site or page. Read the new page: if it still says what the entry "
              "says, put its address in the entry and update `last_reviewed`; if not, correct the entry.", ""]
    lines += [f"- {where}: {url} now leads to {final}" for where, url, final in found.moved] or ["None."]
    if found.unreachable:
        lines += ["", f"### Notes: {len(found.unreachable)} source address{'' if len(found.unreachable) == 1 else 'es'} "
                  "could not be followed", "", "The weekly link check reports broken links; these are listed "
                  "so that a moved page is not missed.", ""]
        lines += [f"- {where}: {url} ({why})" for where, url, why in found.unreachable]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--timeout", type=float, default=20, help="seconds to wait for each address")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        help="review as on this day, YYYY-MM-DD (default: today)")
    args = parser.parse_args(argv)
    try:
        found = review(args.root, args.today, follower=lambda url: follow(url, args.timeout))
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    text = report(found)
    print(text)
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
            out.write(text)
    return 1 if found.found else 0


if __name__ == "__main__":
    sys.exit(main())
