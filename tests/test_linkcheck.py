"""The external link checker (`make linkcheck`) against a local server that misbehaves on purpose.

No test here reaches the internet: every address is on 127.0.0.1, apart from one of our own pages,
which the allow-list in lychee.toml keeps lychee from fetching.
"""
from __future__ import annotations

import http.server
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from vrp.tools import linkcheck

ROOT = Path(__file__).resolve().parents[1]
SLOW = 3  # seconds the slow page takes; the checker is given 1
OWN_PAGE = "https://avon-somerset-vrp.github.io/vrp-site/faq/"


class Handler(http.server.BaseHTTPRequestHandler):
    """Each path answers the way some real site does."""
    seen: list[tuple[str, str, str]] = []  # (method, path, user agent)
    codes = {"/ok": 200, "/moved": 301, "/found": 302, "/missing": 404, "/gone": 410, "/error": 500}

    def answer(self):
        self.seen.append((self.command, self.path, self.headers.get("User-Agent", "")))
        if self.path == "/slow":
            time.sleep(SLOW)
            code = 200
        elif self.path == "/no-head":  # some servers refuse HEAD although the page is there
            code = 405 if self.command == "HEAD" else 200
        else:
            code = self.codes.get(self.path, 404)
        body = b"<!doctype html><title>test</title>"
        try:
            self.send_response(code)
            if code in (301, 302):
                self.send_header("Location", "/ok")
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the checker gave up on the slow page, as it should

    do_GET = do_HEAD = answer

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def refused():
    """An address on a port where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/nothing-here"


def make_site(root: Path, server: str, refused: str) -> tuple[Path, Path]:
    """Two pages and one data file that link to every case."""
    site, data = root / "site", root / "data"
    (site / "news").mkdir(parents=True)
    data.mkdir()
    links = lambda *urls: "".join(f'<p><a href="{url}">link</a></p>' for url in urls)  # noqa: E731
    (site / "index.html").write_text(
        "<!doctype html><title>Home</title>"
        + links(f"{server}/ok", f"{server}/moved", f"{server}/found", f"{server}/missing#top", OWN_PAGE))
    (site / "news" / "index.html").write_text(
        "<!doctype html><title>News</title>"
        + links(f"{server}/gone", f"{server}/error", f"{server}/slow", refused, f"{server}/no-head"))
    (data / "resources.yml").write_text(
        "resources:\n"
        "  - id: old-service\n"
        f"    url: {server}/moved\n"  # line 3
        "  - id: closed-service\n"
        f"    url: {server}/missing\n")  # line 5
    (data / "faq.yml").write_text(
        "sections:\n"
        "  - id: s\n"
        "    questions:\n"
        "      - id: where-to-go\n"
        f"        answer: See [the old page]({server}/gone) or {server}/error.\n")  # line 5
    return site, data


@pytest.fixture(scope="module")
def checked(server, refused, tmp_path_factory):
    site, data = make_site(tmp_path_factory.mktemp("linkcheck"), server, refused)
    report = linkcheck.check(site, data, timeout=1, retries=0)
    return {result.url: result for result in report.results}, report, site, data


@pytest.mark.parametrize("path, kind, code", [
    ("/ok", "ok", 200),
    ("/no-head", "ok", 200),
    ("/missing", "broken", 404),
    ("/gone", "broken", 410),
    ("/error", "broken", 500),
    ("/slow", "timeout", None),
])
def test_each_answer_is_classified(checked, server, path, kind, code):
    result = checked[0][server + path]
    assert (result.kind, result.code) == (kind, code), result


def test_a_port_with_nothing_listening_is_unreachable(checked, refused):
    result = checked[0][refused]
    assert result.kind == "unreachable", result
    assert "refused" in result.status.lower()


def test_redirects_are_followed_and_reported(checked, server):
    moved, found = checked[0][f"{server}/moved"], checked[0][f"{server}/found"]
    assert (moved.kind, moved.permanent, moved.target) == ("redirect", True, f"{server}/ok")
    assert (found.kind, found.permanent, found.target) == ("redirect", False, f"{server}/ok")


def test_a_server_that_refuses_head_is_asked_again_with_get(checked):
    assert ("GET", "/no-head") in [(method, path) for method, path, _ in Handler.seen]


def test_requests_name_the_site(checked):
    agents = {agent for *_, agent in Handler.seen}
    assert agents and all("Avon and Somerset Violence Reduction Partnership" in a for a in agents), agents


def test_the_allow_list_is_not_fetched(checked):
    assert checked[0][OWN_PAGE].kind == "excluded"


def test_each_link_knows_its_pages_and_data_records(checked, server):
    results = checked[0]
    missing = results[f"{server}/missing"]  # linked as .../missing#top: the same page
    assert missing.pages == ["/"]
    assert [(r.file, r.line, r.record, r.field) for r in missing.records] == [
        ("data/resources.yml", 5, 'resource "closed-service"', "url")]
    gone = results[f"{server}/gone"]
    assert gone.pages == ["/news/"]
    assert [str(r) for r in gone.records] == ['data/faq.yml:5 question "where-to-go", field "answer"']


def test_the_report_names_page_and_record_for_each_problem(checked, server, refused):
    text = linkcheck.render(checked[1])
    broken = text.split("Broken links")[1].split("Links that moved")[0]
    for url in (f"{server}/missing", f"{server}/gone", f"{server}/error", f"{server}/slow", refused):
        assert url in broken
    assert not [line for line in text.splitlines() if line.endswith(f"  {server}/ok")]  # fine: not listed
    assert "404 Not Found" in broken and "410 Gone" in broken
    assert 'data/resources.yml:5 resource "closed-service", field "url"' in broken
    assert "page /news/" in broken
    moved = text.split("Links that moved for good")[1].split("Temporary redirects")[0]
    assert f"{server}/moved" in moved and f"now at {server}/ok" in moved
    assert 'data/resources.yml:3 resource "old-service", field "url"' in moved


def test_the_command_fails_on_broken_links_and_writes_markdown(checked, tmp_path):
    _, _, site, data = checked
    markdown = tmp_path / "report.md"
    done = subprocess.run([sys.executable, "-m", "vrp.tools.linkcheck", str(site), "--data", str(data), "--timeout", "1",
                           "--retries", "0", "--markdown", str(markdown)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert "Broken links (5)" in done.stdout
    body = markdown.read_text()
    assert body.startswith("# Broken links report")
    assert "## Broken links (5)" in body
    assert '`data/resources.yml:5 resource "closed-service", field "url"`' in body


def test_only_warnings_do_not_fail(server, tmp_path, monkeypatch):
    monkeypatch.delenv("LINKCHECK_MARKDOWN", raising=False)
    (tmp_path / "site").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "site" / "index.html").write_text(f'<a href="{server}/ok">a</a> <a href="{server}/moved">b</a>')
    assert linkcheck.main([str(tmp_path / "site"), "--data", str(tmp_path / "data"), "--timeout", "1"]) == 0


WORKFLOW = ROOT / ".github" / "workflows" / "links.yml"


def test_the_workflow_is_valid_for_github():
    checker = Path(sys.executable).parent / "check-jsonschema"
    done = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_workflow_runs_weekly_and_keeps_one_issue():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    assert workflow["permissions"] == {"contents": "read", "issues": "write"}
    text = WORKFLOW.read_text()
    assert "make linkcheck" in text and "Broken links report" in text
