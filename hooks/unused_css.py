"""Ship only the part of Material's stylesheets this site can use (vrp/postbuild/unused_css.py says how).

Runs after the build, when every page and script is written, so a page that starts to use a
feature (an admonition, a table) keeps its styles with no list to maintain. The files keep
their names; GitHub Pages caches them for ten minutes only. Their source maps no longer match
and are removed.
"""
from pathlib import Path

from vrp.postbuild.unused_css import THEME_CSS, Usage, purge


def on_post_build(config):
    site = Path(config.site_dir)
    usage = Usage()
    for page in site.rglob("*.html"):
        usage.add_html(page.read_text(encoding="utf-8"))
    for script in site.joinpath("assets", "javascripts").rglob("*.js"):
        if "lunr" not in script.parts:  # search's language files only split words
            usage.add_script(script.read_text(encoding="utf-8"))
    styles = site / "assets" / "stylesheets"
    theme = [css for pattern in THEME_CSS for css in styles.glob(pattern)]
    sheets = {css: css.read_text(encoding="utf-8") for css in styles.rglob("*.css")}
    for css in theme:
        elsewhere = "".join(text for other, text in sheets.items() if other != css)
        sheets[css] = purge(sheets[css], usage, elsewhere)
        css.write_text(sheets[css], encoding="utf-8")
        css.with_name(css.name + ".map").unlink(missing_ok=True)
