"""Load and validate everything in data/ once, before MkDocs reads a single page.

Any problem stops the build here, so a mistake never reaches a half-built site. The validated
`Site` is put in `config.extra.vrp` for the other hooks, the macros and the templates.
"""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from vrp.data.problems import DataError
from vrp.data.site import load


@event_priority(100)  # before mkdocs-macros copies `extra` into its variables
def on_config(config):
    try:
        config.extra["vrp"] = load(Path(config.config_file_path).parent)
    except DataError as error:
        raise PluginError(str(error)) from None
    return config
