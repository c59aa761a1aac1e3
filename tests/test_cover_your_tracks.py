"""Cover your tracks and the privacy notice say exactly what the site keeps on a reader's device."""
from __future__ import annotations

import pytest


@pytest.mark.browser
def test_the_pages_name_everything_the_site_stores(page, base_url, read):
    """Use the site as a reader might, then every stored key must be named on both pages (today
    only the light/dark choice, and only once the reader switches)."""
    for path in ("", "help/", "easy-read/", "cover-your-tracks/"):
        page.goto(base_url + path)
    page.locator("[title='Switch to dark mode']").click()
    page.goto(base_url + "help/")
    keys = page.evaluate("() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    assert keys, "switching colours should be remembered"
    for path in ("cover-your-tracks/", "privacy/"):
        words = read(path).select_one("article").get_text(" ")
        for key in keys:
            assert key.rsplit(".", 1)[-1] in words, f"/{path} does not say the site keeps {key}"
