"""The steps over the built site, once MkDocs has written it (vrp.postbuild.run: external links, valid HTML,
whitespace, the site search's index, unused CSS, inline CSS, the Content-Security-Policy, then the directory's
own pages). The same function runs after any other engine: `python -m vrp.postbuild SITE`."""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from vrp.postbuild.steps import run


@event_priority(-100)  # after every other step of the build, so the pages are final
def on_post_build(config):
    try:
        run(Path(config.site_dir), config.extra["vrp"])
    except ValueError as error:
        raise PluginError(str(error)) from None
