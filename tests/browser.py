"""Browser fixtures: the built site served on 127.0.0.1 and driven in Debian's headless Chromium.

Every request a page makes is recorded, so a test can prove nothing left the local server.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import re
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


SITE_URL = re.search(r"^site_url:\s*(\S+)", (Path(__file__).parents[1] / "mkdocs.yml").read_text(), re.M)[1]
PREFIX = urlsplit(SITE_URL).path  # e.g. /vrp-site/, as on GitHub Pages


class Pages(http.server.SimpleHTTPRequestHandler):
    """Like GitHub Pages: the site lives under the path of `site_url`, and a missing page gets
    404.html with status 404."""

    prefix = PREFIX
    compress = False  # GitHubPages below: gzip and a cache lifetime, for the benchmark

    def log_message(self, *args):
        pass

    def send_head(self):
        path = urlsplit(self.path).path
        if not path.startswith(self.prefix):
            return self._not_found()
        self.path = "/" + self.path[len(self.prefix):]
        target = Path(self.translate_path(self.path))
        if not target.exists() or (target.is_dir() and not (target / "index.html").exists()):
            return self._not_found()
        if target.is_dir():
            if not self.path.endswith("/"):
                return super().send_head()  # the redirect to path/
            target = target / "index.html"
        if self.compress and "gzip" in self.headers.get("Accept-Encoding", "") \
                and target.suffix in GZIPPED:
            return self._gzipped(target)
        return super().send_head()

    def _gzipped(self, target: Path):
        body = gzip.compress(target.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        if self.compress:
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def _not_found(self):
        page = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        return io.BytesIO(page)


GZIPPED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv"}


class GitHubPages(Pages):
    """As GitHub Pages sends files: text gzipped (level 6), cached for ten minutes, over
    connections kept open for the next request."""

    compress = True
    protocol_version = "HTTP/1.1"


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser closing a connection early is normal (a page left mid-load), not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(directory: Path, prefix: str = PREFIX, handler_class: type = Pages):
    """Serve `directory` on a free port of 127.0.0.1 under `prefix`; returns (base_url, server)."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}{prefix}", server


@pytest.fixture(scope="session")
def base_url(site):
    url, server = serve(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not at {CHROMIUM}: run `make test`, which installs it, or set CHROMIUM.")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="en-GB")
    yield context
    context.close()


@pytest.fixture
def page(context, base_url):
    """A fresh tab that records every request and console error."""
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    page.close()


def site_search(page, words: str) -> list[str]:
    """Open the site search as a reader would (the "/" key), type `words`, wait for their results, and
    return the results' addresses."""
    if not page.evaluate("document.getElementById('vrp-site-search').open"):
        page.keyboard.press("/")
    page.keyboard.type(words)
    page.wait_for_function("""(q) => document.getElementById('vrp-site-q').value.endsWith(q)
        && document.getElementById('vrp-site-results').dataset.state === 'done'""", arg=words)
    return page.eval_on_selector_all("#vrp-site-results a", "els => els.map((a) => a.getAttribute('href'))")
