"""`make screenshots` writes what a reviewer needs: each page as a phone and a laptop show it, light and dark."""
from __future__ import annotations

import struct

import pytest

from vrp.tools.screenshots import PAGES, shoot

pytestmark = pytest.mark.browser


def png_size(path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", head[16:24])


def test_screenshots_of_each_page_at_each_size_and_palette(browser, base_url, tmp_path):
    assert shoot(browser, base_url, tmp_path, {name: PAGES[name] for name in ("home", "help")}) == 16
    shots = {p.name: png_size(p) for p in tmp_path.glob("*.png")}
    for page in ("home", "help"):
        for width, height in ((390, 844), (1280, 800)):
            for palette in ("light", "dark"):
                assert shots[f"{page}-{width}x{height}-{palette}.png"] == (width, height)
                full = shots[f"{page}-{width}x{height}-{palette}-full.png"]
                assert full[0] == width and full[1] >= height
    assert len(shots) == 16
    light, dark = (tmp_path / f"home-390x844-{palette}.png" for palette in ("light", "dark"))
    assert light.read_bytes() != dark.read_bytes()


def test_pull_requests_keep_the_screenshots_for_a_reviewer():
    import yaml
    from conftest import ROOT
    steps = yaml.safe_load((ROOT / ".github" / "workflows" / "test.yml").read_text())["jobs"]["test"]["steps"]
    runs = [s.get("run") for s in steps]
    upload = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact")
              and s["with"]["path"].rstrip("/") == "screenshots"]
    assert "make screenshots" in runs and upload and runs.index("make screenshots") < steps.index(upload[0])
