"""The mkdocs-macros module: functions hand-written pages call to show data from data/.

Not a MkDocs hook: mkdocs.yml names it as macros' `module_name`. Each function shapes data in
Python and renders one template from overrides/partials/ (markup stays in templates).
"""
import logging
from pathlib import Path

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from vrp.pages import hsds
from vrp.pages.chart import grouped_bars
from vrp.pages.directory import directory_page
from vrp.pages.render import FILTERS, environment

# mkdocs-macros logs six INFO lines at every build (this module found twice, then its functions,
# variables, macros and filters), and its `verbose` option governs only env.chatter, not these. Keep
# its warnings (a failing macro is one) and, under `mkdocs build --verbose`, all of its lines. This
# runs when macros imports this module, before the first of those lines.
_macros_log = logging.getLogger("mkdocs.plugins.mkdocs_macros")
if not _macros_log.isEnabledFor(logging.DEBUG):
    _macros_log.setLevel(logging.WARNING)


def define_env(env):
    site = env.conf.extra["vrp"]
    templates = environment(Path(env.conf.config_file_path).parent / "overrides", site.links)
    env.filters.update(FILTERS)

    def url(src_uri):
        """The address of our page `src_uri` (e.g. 'updates/index.md'), relative to the page being built."""
        target = src_uri.removesuffix("index.md").removesuffix(".md")
        target = target + "/" if target and not target.endswith("/") else target
        return get_relative_url(target or ".", env.page.url or ".")

    def render(name, **context):
        root = url("index.md").rstrip("/") + "/"  # the way from the page to the site's root, for links in data text
        return Markup(templates.get_template(name).render(**{"site": site, "url": url, "root": root, **context}))

    @env.macro
    def help_block():
        """'Get help now' in short: the number to call in danger, then a link to each situation."""
        return render("partials/help-block.html", situations=site.help, local=site.help_local, help_page=url("help.md"))

    @env.macro
    def help_page():
        """The Get help page's sections: one per situation, then local help by area."""
        return render("partials/help-page.md", situations=site.help, local=site.help_local,
                      groups=site.local_help(), directory=url("resources.md"))

    @env.macro
    def picture(icon, alt=""):
        """An Easy Read picture: an icon bundled with the theme (e.g. "material/phone"), put in the page
        so it loads nothing; decorative unless `alt` says what it shows that the words do not."""
        found = [d / ".icons" / f"{icon}.svg" for d in map(Path, env.conf.theme.dirs)]
        found = [f for f in found if f.is_file()]
        if not found:
            raise ValueError(f'{env.page.file.src_uri}: there is no picture "{icon}" — use the name of an icon '
                             "bundled with Material for MkDocs, e.g. material/phone (see its icon search)")
        svg = Markup(found[0].read_text(encoding="utf-8").strip())
        return Markup(render("partials/picture.html", svg=svg, alt=alt).strip())  # inline, beside its words

    @env.macro
    def spoke_cards():
        return render("partials/spoke-cards.html", spokes=site.spokes)

    @env.macro
    def front_doors():
        """Each area's council front doors for a concern about a child or an adult at risk."""
        return render("partials/front-doors.html", spokes=site.spokes, doors=site.front_doors)

    @env.macro
    def latest_updates(count=3):
        """The newest few updates (Site.updates is newest first whatever the file's order)."""
        return render("partials/update-list.html", items=site.updates[:count])

    @env.macro
    def update_list():
        """Every update, newest first, under a heading for each year."""
        years = {}
        for item in site.updates:
            years.setdefault(str(item["date"])[:4], []).append(item)
        return render("generated/updates.md", years=list(years.items()))

    @env.macro
    def directory_links(field, ids):
        """Links to the directory filtered by one `field` (audience, type, topic or area), one per id,
        each with how many entries it shows; a filter that would show none is left out."""
        kind = {"audience": "audiences", "type": "types", "topic": "topics", "area": "areas"}[field]
        unknown = [i for i in ids if i not in site.labels[kind]]
        if unknown:
            raise ValueError(f"directory_links: {unknown} not among the {kind} of data/vocabularies.yml")
        def shows(r, i):
            return r["type"] == i if kind == "types" else i in r[kind] or (kind == "areas" and "all" in r[kind])
        links = [{"field": field, "id": i, "label": site.labels[kind][i],
                  "count": sum(1 for r in site.resources if shows(r, i))} for i in ids]
        return render("partials/directory-links.html", links=[link for link in links if link["count"]])

    @env.macro
    def faq_sections():
        """The FAQ as Markdown headings, so each question is in the contents and has its own anchor."""
        return render("generated/faq.md", sections=site.faq)

    @env.macro
    def directory():
        """The directory's search, its first results and the ways to browse it (vrp/pages/directory.py)."""
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
        labels, series = [r["name"] for r in rows], [[r["counts"][0] for r in rows], [r["counts"][-1] for r in rows]]
        charts = [grouped_bars(labels, series, layout) for layout in ("wide", "narrow")]
        return render("partials/bar-chart.html", charts=charts, series=[years[0], years[-1]],
                      title=f"Violent and sexual offences by police beat area, {years[0]} and {years[-1]}",
                      rows=rows, years=years)

    @env.macro
    def ns_action_plan():
        return render("partials/ns-action-plan.html", programmes=site.north_somerset["programmes"])

    @env.macro
    def open_data_files():
        """The HSDS files hooks/open_data.py publishes, linked from this page; one per-service file as an example."""
        return render("partials/open-data-files.html", files=hsds.listing(site, env.conf.site_url),
                      href=lambda path: get_relative_url(f"{hsds.FOLDER}/{path}", env.page.url))

    @env.macro
    def open_data_mapping():
        """Our fields and where they go in HSDS: the list vrp.pages.hsds follows."""
        return render("partials/open-data-mapping.html", rows=hsds.MAPPING)

    @env.macro
    def open_data_ids():
        return render("partials/open-data-ids.html", names=hsds.ID_NAMES, namespace=hsds.NAMESPACE)


def on_pre_page_macros(env):
    # Escape every {{ value }} in pages by default: data/ text must never become markup.
    env.env.autoescape = True
