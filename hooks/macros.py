"""The mkdocs-macros module: the functions hand-written pages call to show data (vrp/pages/macros.py).

Not a MkDocs hook: mkdocs.yml names it as macros' `module_name`. Each macro is vrp's, for the page being
rendered, and renders its template through the build's one environment (hooks/data.py).
"""
import logging

from vrp.pages.macros import NAMES, Macros

# mkdocs-macros logs six INFO lines at every build (this module found twice, then its functions,
# variables, macros and filters), and its `verbose` option governs only env.chatter, not these. Keep
# its warnings (a failing macro is one) and, under `mkdocs build --verbose`, all of its lines. This
# runs when macros imports this module, before the first of those lines.
_macros_log = logging.getLogger("mkdocs.plugins.mkdocs_macros")
if not _macros_log.isEnabledFor(logging.DEBUG):
    _macros_log.setLevel(logging.WARNING)


def define_env(env):
    build = env.conf.extra["vrp"]

    def on_page(name):
        def macro(*args, **kwargs):
            page = Macros(build.site, build.templates, build.config.site_url, env.conf.theme.dirs,
                          env.page.file.src_uri, env.page.url)
            return getattr(page, name)(*args, **kwargs)
        macro.__name__, macro.__doc__ = name, getattr(Macros, name).__doc__
        return macro

    for name in NAMES:
        env.macro(on_page(name), name)


def on_pre_page_macros(env):
    # Escape every {{ value }} in pages by default: data/ text must never become markup.
    env.env.autoescape = True
