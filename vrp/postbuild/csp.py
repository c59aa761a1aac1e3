"""Add a Content-Security-Policy to every page: only this site's own scripts, styles, images and
data may load, and of inline scripts and styles only the exact ones written into that page.

Material writes a few small inline scripts (storage helpers, palette restore), one of them holding
the page's relative base URL, and vrp/postbuild/inline_css.py puts the stylesheets into each page, so the
hashes are worked out page by page, after the build, from the files as they will be served. The last step
over the pages (vrp.postbuild), so that nothing changes a page after its hashes are taken.
"""
import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
INLINE_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
NOT_RUN = re.compile(r'\btype="application/(ld\+)?json"')  # data blocks are not executed
CHARSET = '<meta charset="utf-8">'

POLICY = ("default-src 'self'; script-src 'self' {scripts}; style-src 'self' {styles}; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
          "object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'self'")


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def script_hashes(html: str) -> list[str]:
    return sorted({sha256(body) for attributes, body in INLINE_SCRIPT.findall(html) if not NOT_RUN.search(attributes)})


def style_hashes(html: str) -> list[str]:
    """Only the head's: the stylesheets vrp/postbuild/inline_css.py put there, never a <style> in page text."""
    return sorted({sha256(body) for body in INLINE_STYLE.findall(html.split("</head>", 1)[0])})


def with_policy(html: str, name: str) -> str:
    policy = POLICY.format(scripts=" ".join(script_hashes(html)), styles=" ".join(style_hashes(html)))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy.replace("  ", " ").replace(" ;", ";")}">'
    if CHARSET not in html:
        raise ValueError(f"{name}: no charset meta to put the Content-Security-Policy after")
    return html.replace(CHARSET, CHARSET + "\n" + meta, 1)


def apply(site: Path) -> None:
    """The policy on every page of the built site."""
    for file in site.rglob("*.html"):
        file.write_text(with_policy(file.read_text(encoding="utf-8"), file.relative_to(site).as_posix()),
                        encoding="utf-8")
