"""One build: the data read and checked into the model, the one template environment, and the manifest.

`load(root)` is the whole check of data/, as the build (hooks/data.py), `make check`, vrp.prebuild and the
tests run it: every file against its schema and the others (vrp.data), the model made (vrp.model), then every
link written in data text against the pages the site really has, rendered from docs/ and the manifest
(vrp.manifest). It raises DataError with every problem found, or returns the `Build`.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from vrp import config as project_config
from vrp.data import site as data
from vrp.data.problems import DataError
from vrp.manifest import Converter, Output, markdown_pages, outputs, pages, render, rendered_page
from vrp.model import Site
from vrp.pages.macros import Macros
from vrp.render import configure, environment


@dataclass
class Build:
    root: Path
    site: Site
    env: Environment  # the theme's environment, with the project's filters
    templates: Environment  # its view that our templates are rendered through (vrp.render.configure)
    config: project_config.Config
    rendered: dict[str, str] = field(default_factory=dict)  # pages of docs/ whose macros the check has run, by path

    @functools.cached_property
    def outputs(self) -> list[Output]:
        return outputs(self.site, self.config.site_url, self.config.site_name)

    def macros(self, icons=None) -> Macros:
        return Macros(self.site, self.templates, self.config.site_url, icons or self.config.theme_dirs)

    def markdown(self, src: str) -> str:
        """A Markdown page as the engine is given it (`src`: its path in docs/, e.g. "help.md"): a page of docs/
        with its macros run, or one of the manifest's pages rendered."""
        file = self.root / self.config.docs_dir / src
        if file.is_file():
            return rendered_page(src, file.read_text(encoding="utf-8"), self.macros())
        return render(next(o for o in self.outputs if o.path == src), self.templates)

    def html(self, src: str) -> str:
        """A Markdown page's own content as HTML, without the theme around it: the pages in memory, for tests
        that need no build."""
        return Converter(self.config.extensions, self.config.extension_configs).html(self.markdown(src))

    @functools.cached_property
    def theme(self) -> dict:
        """What the theme's own templates read of the data (`config.extra.vrp.theme`): the help bar's lines on
        every page, and the short help block of the page not found."""
        situations = [{"id": s.id, "title": s.title, "lines": [{"number": line.number, "tel": line.tel}
                                                               for line in s.lines]} for s in self.site.help]
        return {"help_bar": [{"name": line.name, "number": line.number, "tel": line.tel} for line in self.site.help_bar],
                "help": situations, "help_local": {"id": self.site.help_local.id, "title": self.site.help_local.title}}


def load(root: Path, today: dt.date | None = None, env: Environment | None = None,
         config: project_config.Config | None = None) -> Build:
    """Check everything in data/ and return the build; `env` is the theme's environment when an engine gives
    one (MkDocs' on_config), `config` the engine's values of mkdocs.yml."""
    root = Path(root)
    today = today or dt.date.today()
    config = config or project_config.read(root)
    sources, problems = data.read_all(root, today)
    try:
        site = data.make_site(sources, today)
    except Exception:  # noqa: BLE001  data with mistakes of its own: its links are checked once they are fixed
        site = None
    build = None
    if site is not None and sources.keys() == data.FILES.keys():
        env = env or environment(config.theme_dirs)
        build = Build(root, site, env, configure(env, site.links), config)
        try:  # with no other problem the manifest is made now, once for the whole build; else only its pages
            made = build.outputs if not problems else markdown_pages(site)
        except Exception:  # noqa: BLE001  data whose mistakes stop the pages being made: checked once fixed
            made = None
        if made is not None:
            found = pages(root / config.docs_dir, made, build.macros(), Converter(config.extensions, config.extension_configs),
                          build.rendered)
            problems += data.link_problems(sources, found, root)
    if problems:
        raise DataError(problems)
    return build
