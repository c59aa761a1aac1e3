"""Load and check everything in data/ once, before MkDocs reads a single page (vrp.build.load).

Any problem stops the build here, so a mistake never reaches a half-built site. The build (the model, the
one template environment, the manifest) goes in `config.extra.vrp` for the other hooks and the macros; the
theme's templates read `config.extra.vrp.theme`. The environment is the theme's own, with the project's
filters added, and MkDocs renders every page through it (on_env). The check renders the pages of docs/ that
call macros (vrp.pages.macros), to read their anchors; MkDocs is given that Markdown (on_page_markdown), as
an engine without hooks is (vrp.prebuild).
"""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from vrp import config as project_config
from vrp.build import load
from vrp.data.problems import DataError
from vrp.manifest import FRONT_MATTER


@event_priority(100)  # before mkdocs-macros copies `extra` into its variables
def on_config(config):
    root = Path(config.config_file_path).parent
    settings = project_config.read(root)
    settings.dirs = [Path(d) for d in config.theme.dirs]
    settings.site_url = config.site_url or ""  # `mkdocs serve` gives its own address: the pages' addresses follow it
    try:
        config.extra["vrp"] = load(root, env=config.theme.get_env(), config=settings)
    except (DataError, ValueError) as error:
        raise PluginError(str(error)) from None
    return config


def on_env(env, config, files):
    return config.extra["vrp"].env  # the same environment, so every template has the same filters


@event_priority(100)  # before mkdocs-macros: a page whose macros the check has run is not rendered twice
def on_page_markdown(markdown, page, config, files):
    rendered = config.extra["vrp"].rendered.get(page.file.src_uri)
    if rendered is None:  # a page without macros, or one whose macros failed: mkdocs-macros reports that
        return markdown
    page.meta["render_macros"] = False
    return FRONT_MATTER.sub("", rendered, count=1)
