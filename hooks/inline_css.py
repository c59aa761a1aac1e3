"""Put each page's stylesheets into the page itself (vrp/postbuild/inline_css.py says why).

Runs after the build, once hooks/unused_css.py has trimmed the stylesheets; hooks/csp.py, listed
after this one, then allows each <style> by its hash. A page whose own HTML is large and grows
with content can keep its links with `inline_styles: false` in its front matter (the directory:
its styles would be a small share of it, and its budget is for the HTML).
"""
from pathlib import Path
from urllib.parse import urlsplit

from vrp.postbuild.inline_css import inline, site_reader

kept_linked: set[str] = set()  # pages (site paths of their HTML) whose front matter says no


def on_pre_build(config):
    kept_linked.clear()


def on_post_page(output, page, config):
    if page.meta.get("inline_styles") is False:
        kept_linked.add(page.file.dest_uri)
    return output


def on_post_build(config):
    site, base = Path(config.site_dir), config.site_url or "http://localhost/"
    prefix, read = urlsplit(base).path, site_reader(site)
    for file in site.rglob("*.html"):
        path = file.relative_to(site).as_posix()
        if path in kept_linked:
            continue
        html = file.read_text(encoding="utf-8")
        file.write_text(inline(html, base + path, prefix, read), encoding="utf-8")
