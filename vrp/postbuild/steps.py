"""The steps over a built site, in order (see vrp.postbuild): `run` is what the MkDocs build calls after it has
written the site (hooks/postbuild.py) and `python -m vrp.postbuild` after any other engine."""
from __future__ import annotations

from pathlib import Path

from vrp.manifest import Output, front_matter, render
from vrp.pages.directory import Directory, synonym_config
from vrp.postbuild import csp, directory, external_links, inline_css, unused_css, valid_html
from vrp.postbuild.html_whitespace import collapse
from vrp.search import site as site_search


def page(html: str) -> str:
    """One page's own steps: links to other sites, valid HTML, whitespace."""
    return collapse(valid_html.mend(external_links.mark(html)))


def kept_linked(docs: Path, outputs: list[Output], templates) -> set[str]:
    """The pages (site paths of their HTML) whose front matter says `inline_styles: false`: they keep their
    stylesheets linked (vrp/postbuild/inline_css.py)."""
    sources = {file.relative_to(docs).as_posix(): file.read_text(encoding="utf-8") for file in docs.rglob("*.md")}
    sources |= {o.path: render(o, templates) for o in outputs if o.kind in ("page", "shell")}
    return {Output(src).url + "index.html" for src, text in sources.items() if front_matter(text).get("inline_styles") is False}


def run(site_dir: Path, build) -> None:
    """Every step over the site the engine built into `site_dir`; `build` is vrp.build.load's."""
    site_dir = Path(site_dir)
    for later in (o for o in build.outputs if o.kind == "later"):  # an engine without hooks copied placeholders
        (site_dir / later.path).unlink(missing_ok=True)
    for file in site_dir.rglob("*.html"):
        file.write_text(page(file.read_text(encoding="utf-8")), encoding="utf-8")
    entries = Directory.of(build.site)
    topics = build.site.vocabularies["topics"]
    site_search.write(site_dir, site_search.index_files(site_search.site_pages(site_dir) + entries.search_docs(), topics,
                                                        synonym_config(build.site, entries.index["topics"])))
    unused_css.trim(site_dir)
    inline_css.inline_site(site_dir, build.config.site_url,
                           kept_linked(build.root / build.config.docs_dir, build.outputs, build.templates))
    csp.apply(site_dir)
    directory.write_pages(site_dir, build.outputs, build.templates, build.config.site_url)
