"""Publish data/synonyms.yml as /search/synonyms.json, which assets/javascripts/search-on-demand.js
fetches with the site index when a reader opens the search box, to add the words people type
("stabbing") to what the site calls the same thing ("knife crime"): each group's words, then the
labels of its topics (vrp.data.site.Site.search_groups)."""
import json

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File


@event_priority(50)  # with the other generated files, before htmlproofer takes its list
def on_files(files, config):
    groups = [{"words": words} for words in config.extra["vrp"].search_groups()]
    files.append(File.generated(config, "search/synonyms.json",
                                content=json.dumps({"groups": groups}, ensure_ascii=False, separators=(",", ":"))))
    return files
