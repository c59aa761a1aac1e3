"""Publish the resource directory as Open Referral HSDS 3.0 JSON under /open-data/hsds/.

Reads the validated Site (hooks/data.py); vrp.pages.hsds shapes it into the files (services, one file per
service named by its UUID as the API's /services/{id}, organisations, taxonomies, their terms and an
index). Absolute addresses in the files come from `site_url`, so partners' systems can follow them.
"""
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from vrp.pages import hsds


@event_priority(50)  # before htmlproofer takes its list of files, so links to these files are checked
def on_files(files, config):
    if not config.site_url:
        raise PluginError("open data: set site_url in mkdocs.yml; the HSDS files give every file's full address")
    for path, content in hsds.files(config.extra["vrp"], config.site_url, config.site_name).items():
        files.append(File.generated(config, path, content=content))
    return files
