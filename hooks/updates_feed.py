"""Publish the updates as an Atom 1.0 feed at feed.xml, so people can follow them in a feed reader.

Reads `Site.updates` (newest first) and the addresses of the update pages that hooks/update_pages.py
generated, shapes them with vrp/pages/feed.py and renders overrides/generated/updates-feed.xml (Jinja,
every value escaped). Atom needs absolute addresses, so they come from site_url.
"""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from vrp.pages.feed import FEED, feed
from vrp.pages.render import environment

TEMPLATE = "generated/updates-feed.xml"


@event_priority(50)  # after update_pages.py (listed before it), before htmlproofer takes its list of files
def on_files(files, config):
    if not config.site_url:
        raise PluginError("The updates feed needs absolute addresses: set site_url in mkdocs.yml.")
    site = config.extra["vrp"]
    urls = {item["id"]: files.get_file_from_path(f"updates/{item['id']}.md").url for item in site.updates}
    template = environment(Path(config.config_file_path).parent / "overrides").get_template(TEMPLATE)
    content = template.render(feed=feed(site.updates, urls, config.site_url), site_name=config.site_name)
    # MkDocs copies a theme folder's files it does not know as templates: the template is not for readers.
    if theme_copy := files.get_file_from_path(TEMPLATE):
        files.remove(theme_copy)
    files.append(File.generated(config, FEED, content=content))
    return files
