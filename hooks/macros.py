"""The mkdocs-macros module: functions hand-written pages call to show data from data/.

Not a MkDocs hook: mkdocs.yml names it as macros' `module_name`. Each function shapes data in
Python and renders one template from overrides/partials/ (markup stays in templates).
"""
from pathlib import Path

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from vrp.chart import grouped_bars
from vrp.directory import directory_page
from vrp.render import FILTERS, environment


def define_env(env):
    site = env.conf.extra["vrp"]
    templates = environment(Path(env.conf.config_file_path).parent / "overrides")
    env.filters.update(FILTERS)

    def url(src_uri):
        """The address of our page `src_uri` (e.g. 'updates/index.md'), relative to the page being built."""
        target = src_uri.removesuffix("index.md").removesuffix(".md")
        target = target + "/" if target and not target.endswith("/") else target
        return get_relative_url(target or ".", env.page.url or ".")

    def render(name, **context):
        return Markup(templates.get_template(name).render(site=site, url=url, **context))

    @env.macro
    def help_block():
        """The full 'Get help now' block for the home page."""
        return render("partials/help-block.html", numbers=site.help)

    @env.macro
    def spoke_cards():
        return render("partials/spoke-cards.html", spokes=site.spokes)

    @env.macro
    def latest_updates(count=3):
        return render("partials/update-list.html", items=site.updates[:count])

    @env.macro
    def update_list():
        return render("partials/update-list.html", items=site.updates)

    @env.macro
    def faq_sections():
        """The FAQ as Markdown headings, so each question is in the contents and has its own anchor."""
        return render("generated/faq.md", sections=site.faq)

    @env.macro
    def directory():
        """The directory's search, its first results and the ways to browse it (vrp/directory.py)."""
        return render("partials/directory.html", **directory_page(site, url))

    @env.macro
    def ns_totals_table():
        return render("partials/ns-totals.html", totals=site.north_somerset["totals"])

    @env.macro
    def ns_beat_table():
        return render("partials/ns-beats.html", beats=site.north_somerset["beats"],
                      years=site.north_somerset["totals"]["years"])

    @env.macro
    def ns_beat_chart():
        beats = site.north_somerset["beats"]
        years = site.north_somerset["totals"]["years"]
        rows = beats["rows"]
        chart = grouped_bars([r["name"] for r in rows], [[r["counts"][0] for r in rows], [r["counts"][-1] for r in rows]])
        return render("partials/bar-chart.html", chart=chart, series=[years[0], years[-1]],
                      title=f"Violent and sexual offences by police beat area, {years[0]} and {years[-1]}",
                      rows=rows, years=years)

    @env.macro
    def ns_action_plan():
        return render("partials/ns-action-plan.html", programmes=site.north_somerset["programmes"])


def on_pre_page_macros(env):
    # Escape every {{ value }} in pages by default: data/ text must never become markup.
    env.env.autoescape = True
