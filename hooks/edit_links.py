"""Point "Edit this page" at the file an editor should change.

A page built from data names its YAML in front matter (`data_source: data/faq.yml`); its edit link then
opens that file instead of the Markdown shell (or, for generated pages, instead of nothing).
"""
from urllib.parse import urljoin


def on_page_markdown(markdown, page, config, files):
    source = page.meta.get("data_source")
    if source and config.repo_url and config.edit_uri:
        # edit_uri points into docs/ ("edit/main/docs/"); data files sit beside docs/.
        page.edit_url = urljoin(config.repo_url.rstrip("/") + "/", urljoin(config.edit_uri, f"../{source}"))
    return markdown
