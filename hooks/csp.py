"""Add a Content-Security-Policy to every page: only this site's own scripts, styles, images and
data may load, and of inline scripts only the exact ones the theme wrote into that page.

Material writes a few small inline scripts (storage helpers, palette restore), and one of them
contains the page's relative base URL, so the hashes are worked out page by page.
"""
import base64
import hashlib
import re

from mkdocs.exceptions import PluginError

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
NOT_RUN = re.compile(r'\btype="application/(ld\+)?json"')  # data blocks are not executed
CHARSET = '<meta charset="utf-8">'

POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
          "object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'self'")


def script_hashes(html: str) -> list[str]:
    found = []
    for attributes, body in INLINE_SCRIPT.findall(html):
        if NOT_RUN.search(attributes):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        found.append(f"'sha256-{digest}'")
    return sorted(set(found))


def with_policy(html: str, name: str) -> str:
    policy = POLICY.format(hashes=" ".join(script_hashes(html))).replace("  ", " ")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    if CHARSET not in html:
        raise PluginError(f"{name}: no charset meta to put the Content-Security-Policy after")
    return html.replace(CHARSET, CHARSET + "\n    " + meta, 1)


def on_post_page(output, page, config):
    return with_policy(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    """The theme's own pages, such as 404.html."""
    return with_policy(output_content, template_name) if template_name.endswith(".html") else output_content
