"""Write the site search's index once the pages are built: their sections, read from the built HTML, and
the directory's entries, from the data (vrp/search/site.py shapes and writes it)."""
from pathlib import Path

from vrp.pages.directory import Directory, synonym_config
from vrp.search.site import index_files, site_pages, write


def on_post_build(config):
    site = config.extra["vrp"]
    directory = Directory.of(site)
    docs = site_pages(Path(config.site_dir)) + directory.search_docs()
    write(Path(config.site_dir), index_files(docs, site.vocabularies["topics"], synonym_config(site, directory.index["topics"])))
