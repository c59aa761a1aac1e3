"""The scheduled content review: entries not reviewed for a year, and sources whose address now
leads to another host or path. Never against the web: every request goes to a local server (as its
proxy), which redirects, on the fixture data.
"""
from __future__ import annotations

import datetime as dt
import shutil
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT
from vrp.tools import review

FIXTURES = ROOT / "tests" / "fixtures" / "data"
SITE = "http://pages.example.org.uk"


class Redirects(BaseHTTPRequestHandler):
    """A proxy for every address in the test: /same is a page; /slash adds a slash; /old moved to
    /new/page; /hop moved to /old; /elsewhere moved to another host; /gone is not found."""

    def do_GET(self):  # noqa: N802 (the standard library's name)
        path = urlsplit(self.path).path  # a proxy is asked for the whole address
        moves = {"/slash": "/slash/", "/old": f"{SITE}/new/page", "/hop": "/old",
                 "/elsewhere": "http://elsewhere.example.org.uk/same"}
        if path in moves:
            self.send_response(301)
            self.send_header("Location", moves[path])
            self.end_headers()
        elif path in ("/same", "/slash/", "/new/page"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<p>A page.</p>")
        else:
            self.send_error(404)

    def log_message(self, *args):  # keep the test output quiet
        pass


@pytest.fixture(scope="module")
def proxy():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Redirects)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def follower(proxy, monkeypatch):
    """review.follow, with every request sent to the local server."""
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": proxy, "https": proxy}))
    follow = review.follow
    return lambda url, timeout=5: follow(url, min(timeout, 5), opener)


def entry(name: str, url: str, reviewed: str = "2026-11-01") -> str:
    return f"""  - id: service-{name}
    title: Service {name}
    organisation: A local charity
    description: A local service.
    url: https://www.example.org.uk/{name}/
    type: guidance
    audiences: [public]
    topics: [domestic-abuse]
    areas: [banes]
    last_reviewed: {reviewed}
    source:
      title: The charity's page about service {name}
      url: {url}
"""


def project(root: Path, *extra: str) -> Path:
    """The fixture data with every source at a page of the local server that stays put, and `extra` entries."""
    shutil.copytree(FIXTURES, root / "data")
    shutil.copytree(ROOT / "schemas", root / "schemas")
    for name in ("resources", "spokes"):
        file = root / "data" / f"{name}.yml"
        text = file.read_text()
        for url in ("https://beta.bathnes.gov.uk/violence-reduction-unit", "https://www.avonandsomerset.police.uk/"):
            text = text.replace(f"      url: {url}\n", f"      url: {SITE}/same\n").replace(f'url: "{url}"', f'url: "{SITE}/same"')
        file.write_text(text + ("".join(extra) if name == "resources" else ""))
    return root


def busy(root: Path) -> Path:
    """Five sources that redirect or fail, and one entry not reviewed since June 2025."""
    return project(root, *(entry(n, f"{SITE}/{n}") for n in ("slash", "old", "elsewhere", "gone", "hop")),
                   entry("stale", f"{SITE}/same", reviewed="2025-06-30"))


def test_an_address_names_the_same_page_whatever_its_scheme_www_case_or_last_slash():
    assert not review.moved("http://www.Example.org/a/b/", "https://example.org/a/b")
    assert not review.moved("https://example.org", "https://example.org/")
    assert not review.moved("https://example.org/a%20b", "https://example.org/a b")
    assert review.moved("https://example.org/a", "https://example.org/b")
    assert review.moved("https://example.org/?p=16552", "https://example.org/news/2025/05/a-page")
    assert review.moved("https://old.example.org/a", "https://new.example.org/a")


def test_following_an_address_ends_where_its_redirects_lead(follower):
    assert follower(f"{SITE}/same").final == f"{SITE}/same"
    assert follower(f"{SITE}/old").final == f"{SITE}/new/page"
    assert follower(f"{SITE}/hop").final == f"{SITE}/new/page"
    assert follower(f"{SITE}/elsewhere").final == "http://elsewhere.example.org.uk/same"
    gone = follower(f"{SITE}/gone")
    assert not gone.final and "404" in gone.error


def test_the_review_lists_moved_sources_and_entries_due_with_their_records(tmp_path, follower):
    root = busy(tmp_path)
    found = review.review(root, dt.date(2026, 12, 5), follower)
    moved = {where.record: (url, final) for where, url, final in found.moved}
    assert set(moved) == {'resource "service-old"', 'resource "service-elsewhere"', 'resource "service-hop"'}
    assert moved['resource "service-old"'] == (f"{SITE}/old", f"{SITE}/new/page")
    where = next(w for w, _, _ in found.moved if w.record == 'resource "service-old"')
    lines = (root / "data" / "resources.yml").read_text().splitlines()
    assert where.file == "data/resources.yml" and where.field == "source.url" and f"{SITE}/old" in lines[where.line - 1]
    assert [w.record for w, _, _ in found.unreachable] == ['resource "service-gone"']
    assert [p.record for p in found.due] == ['resource "service-stale"']
    assert found.found
    said = review.report(found)
    assert f"{SITE}/old now leads to {SITE}/new/page" in said and "service-stale" in said and "service-gone" in said


def test_an_areas_sources_are_followed_too(tmp_path, follower):
    root = project(tmp_path)
    spokes = root / "data" / "spokes.yml"
    spokes.write_text(spokes.read_text().replace(f'url: "{SITE}/same"}}\n    last_checked', f'url: "{SITE}/old"}}\n    last_checked'))
    found = review.review(root, dt.date(2026, 12, 5), follower)
    assert [(w.file, w.record, w.field) for w, _, _ in found.moved] == [("data/spokes.yml", 'spoke "bristol"', "sources[1].url")]


def test_nothing_to_review_exits_0_and_anything_exits_1(tmp_path, follower, monkeypatch, capsys):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.setattr(review, "follow", follower)
    assert review.main(["--root", str(project(tmp_path / "clean")), "--today", "2026-11-01"]) == 0
    assert capsys.readouterr().out.count("None.") == 2
    assert review.main(["--root", str(busy(tmp_path / "busy")), "--today", "2026-12-05"]) == 1
    out = capsys.readouterr().out
    assert "3 source addresses that moved" in out and "1 entry not reviewed for over a year" in out
