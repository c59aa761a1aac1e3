"""Publish the resource directory as /resources.json and /resources.csv for partners to reuse.

Vocabulary values stay the ids used in data/resources.yml and in the directory's query string,
with their labels alongside. The shaping lives in vrp.pages.exports; this adds the files to the site.
"""
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from vrp.pages.exports import to_csv, to_json


@event_priority(50)  # before htmlproofer takes its list of files, so links to these pages are checked
def on_files(files, config):
    site = config.extra["vrp"]
    files.append(File.generated(config, "resources.json", content=to_json(site)))
    files.append(File.generated(config, "resources.csv", content=to_csv(site)))
    return files
