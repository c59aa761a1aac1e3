"""`make serve`, the README's first command, serves the site: MkDocs' dev server gives the pages its own address
(http://127.0.0.1:PORT/vrp-site/), and every step after the build must follow it (the directory's own pages are
written from shells that carry that address)."""
from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from bs4 import BeautifulSoup

from conftest import MKDOCS, ROOT, load

SITE = load(ROOT)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served():
    """`mkdocs serve` as `make serve` runs it (on another port), until it answers or stops."""
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/vrp-site/"
    try:
        for _ in range(600):  # a failed build stops the server, which ends the wait at once
            if server.poll() is not None:
                pytest.fail("mkdocs serve stopped:\n" + server.stdout.read()[-3000:])
            try:
                with urllib.request.urlopen(base, timeout=5):
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        else:
            pytest.fail("mkdocs serve never answered")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def fetch(url: str) -> BeautifulSoup:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200, url
        return BeautifulSoup(response.read().decode("utf-8"), "html.parser")


def test_make_serve_serves_the_home_page_an_area_and_the_directorys_own_pages(served):
    assert fetch(served).find("h1")
    spoke = SITE.spokes[0]
    assert spoke.name in fetch(served + f"spokes/{spoke.id}/").find("h1").get_text()
    entry = SITE.entries[0]
    page = fetch(served + entry.path)
    assert entry.title in page.find("h1").get_text()
    assert page.find("link", rel="canonical")["href"] == served + entry.path  # the served address, not the live one
