"""The peer: a stock Material for MkDocs project of plain one-paragraph pages.

Same MkDocs, Material and Python as ours, and only what every Material site has: the theme with
Google Fonts off (ours has them off too) and the search plugin. Its build time is the floor for a
Material site of that many pages; its home page is the weight the issue's budget compares with.
"""
from __future__ import annotations

from pathlib import Path

import yaml

PARAGRAPH = ("Partners across the area work together to prevent serious violence. This page says who we are, "
             "what we do and where to find help, in plain English, so that anyone can use it quickly.")


def project(dest: Path, pages: int) -> Path:
    """Write a stock project with `pages` pages (the home page included) into `dest`."""
    docs = dest / "docs"
    docs.mkdir(parents=True)
    config = {"site_name": "Stock Material", "theme": {"name": "material", "font": False},
              "plugins": ["search"], "strict": True}
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (docs / "index.md").write_text(f"# Home\n\n{PARAGRAPH}\n", encoding="utf-8")
    for i in range(1, pages):
        (docs / f"page-{i}.md").write_text(f"# Page {i}\n\n{PARAGRAPH}\n", encoding="utf-8")
    return dest
