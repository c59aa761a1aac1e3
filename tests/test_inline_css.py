"""Stylesheets go into the page that links them (vrp/postbuild/inline_css.py); only this site's own."""
from __future__ import annotations

from vrp.postbuild.inline_css import inline

FILES = {"assets/stylesheets/site.css": ".a{color:red}", "assets/x.css": ".x{}"}
SITE = "https://example.org/vrp-site/"


def test_relative_and_site_absolute_links_become_style_elements():
    html = ('<link rel="stylesheet" href="../../assets/stylesheets/site.css">'
            '<link rel="stylesheet" href="/vrp-site/assets/x.css">')
    out = inline(html, SITE + "strategies/one/index.html", "/vrp-site/", FILES.get)
    assert out == "<style>.a{color:red}</style><style>.x{}</style>"


def test_links_elsewhere_or_to_missing_files_are_left_alone():
    html = ('<link rel="stylesheet" href="https://fonts.example/css">'
            '<link rel="stylesheet" href="/other-site/assets/x.css">'
            '<link rel="stylesheet" href="assets/missing.css">'
            '<link rel="canonical" href="assets/x.css">')
    assert inline(html, SITE + "index.html", "/vrp-site/", FILES.get) == html


def test_only_the_heads_styles_are_allowed_by_the_csp():
    from vrp.postbuild.csp import sha256, style_hashes
    page = "<head><style>.a{}</style></head><body><style>.b{}</style></body>"
    assert style_hashes(page) == [sha256(".a{}")]
