"""The functions hand-written pages call to show data (`{{ help_page() }}` in docs/help.md), written once.

mkdocs-macros calls them in the MkDocs build (hooks/macros.py registers them); the data check and
vrp.prebuild render the same pages with them (vrp.manifest), so the check reads the anchors a page really
has and an engine without macros gets the pages already rendered. Each function shapes data in Python and
renders one template of overrides/ through the one template environment (vrp.render.configure).
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from vrp.model import Site
from vrp.pages import hsds
from vrp.pages.chart import grouped_bars
from vrp.pages.directory import directory_page
from vrp.pages.help import local_groups

NAMES = ("help_block", "help_page", "picture", "spoke_cards", "front_doors", "latest_updates", "update_list",
         "directory_links", "faq_sections", "directory", "ns_totals_table", "ns_beat_table", "ns_beat_chart",
         "ns_action_plan", "open_data_files", "open_data_mapping", "open_data_ids")
DIRECTORY_FIELDS = {"audience": "audiences", "type": "types", "topic": "topics", "area": "areas"}


def _parts(path: str) -> list[str]:
    path = posixpath.normpath("/" + path)[1:]
    return path.split("/") if path else []


def relative_url(url: str, other: str) -> str:
    """`url` (from the site's root) as a link from the page at `other`: MkDocs' get_relative_url, which the
    engine uses for its own links, so that ours are written the same way."""
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    here, there = _parts(other), _parts(url)
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    relurl = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return relurl + "/" if url.endswith("/") else relurl


def page_url(src_uri: str) -> str:
    """Where a page of docs/ is published, from the site's root: "faq.md" -> "faq/", "index.md" -> ""."""
    target = src_uri.removesuffix("index.md").removesuffix(".md")
    return target + "/" if target and not target.endswith("/") else target


@dataclass
class Macros:
    """The macros for one page: `src` its file in docs/ (e.g. "help.md") and `url` its address ("help/")."""

    site: Site
    templates: object  # the environment our templates are rendered through (vrp.render.configure)
    site_url: str
    icons: list[Path]  # the theme's folders, whose .icons/ hold the pictures
    src: str = "index.md"
    url_: str = ""

    def functions(self) -> dict:
        return {name: getattr(self, name) for name in NAMES}

    def url(self, src_uri: str) -> str:
        """The address of our page `src_uri` (e.g. 'updates/index.md'), relative to the page being built."""
        return relative_url(page_url(src_uri) or ".", self.url_ or ".")

    def render(self, name: str, **context) -> Markup:
        root = self.url("index.md").rstrip("/") + "/"  # the way from the page to the site's root, for links in data text
        return Markup(self.templates.get_template(name).render(**{"site": self.site, "url": self.url, "root": root,
                                                                   **context}))

    def help_block(self):
        """'Get help now' in short: the number to call in danger, then a link to each situation."""
        return self.render("partials/help-block.html", situations=self.site.help, local=self.site.help_local,
                           help_page=self.url("help.md"))

    def help_page(self):
        """The Get help page's sections: one per situation, then local help by area."""
        return self.render("partials/help-page.md", situations=self.site.help, local=self.site.help_local,
                           groups=local_groups(self.site), directory=self.url("resources.md"))

    def picture(self, icon, alt=""):
        """An Easy Read picture: an icon bundled with the theme (e.g. "material/phone"), put in the page
        so it loads nothing; decorative unless `alt` says what it shows that the words do not."""
        found = [f for f in (Path(d) / ".icons" / f"{icon}.svg" for d in self.icons) if f.is_file()]
        if not found:
            raise ValueError(f'{self.src}: there is no picture "{icon}" — use the name of an icon '
                             "bundled with Material for MkDocs, e.g. material/phone (see its icon search)")
        svg = Markup(found[0].read_text(encoding="utf-8").strip())
        return Markup(self.render("partials/picture.html", svg=svg, alt=alt).strip())  # inline, beside its words

    def spoke_cards(self):
        return self.render("partials/spoke-cards.html", spokes=self.site.spokes)

    def front_doors(self):
        """Each area's council front doors for a concern about a child or an adult at risk."""
        return self.render("partials/front-doors.html", spokes=self.site.spokes)

    def latest_updates(self, count=3):
        """The newest few updates (Site.updates is newest first whatever the file's order)."""
        return self.render("partials/update-list.html", items=self.site.updates[:count])

    def update_list(self):
        """Every update, newest first, under a heading for each year."""
        years = {}
        for item in self.site.updates:
            years.setdefault(item.year, []).append(item)
        return self.render("generated/updates.md", years=list(years.items()))

    def directory_links(self, field, ids):
        """Links to the directory filtered by one `field` (audience, type, topic or area), one per id,
        each with how many entries it shows; a filter that would show none is left out."""
        kind = DIRECTORY_FIELDS[field]
        labels = self.site.labels[kind]
        unknown = [i for i in ids if i not in labels]
        if unknown:
            raise ValueError(f"directory_links: {unknown} not among the {kind} of data/vocabularies.yml")

        def shows(e, i):
            return e.type == i if kind == "types" else e.covers(i) if kind == "areas" else i in getattr(e, kind)
        links = [{"field": field, "id": i, "label": labels[i], "count": sum(1 for e in self.site.entries if shows(e, i))}
                 for i in ids]
        return self.render("partials/directory-links.html", links=[link for link in links if link["count"]])

    def faq_sections(self):
        """The FAQ as Markdown headings, so each question is in the contents and has its own anchor."""
        return self.render("generated/faq.md", sections=self.site.faq)

    def directory(self):
        """The directory's search, its first results and the ways to browse it (vrp/pages/directory.py)."""
        return self.render("partials/directory.html", **directory_page(self.site, self.url))

    def ns_totals_table(self):
        return self.render("partials/ns-totals.html", totals=self.site.north_somerset["totals"])

    def ns_beat_table(self):
        return self.render("partials/ns-beats.html", beats=self.site.north_somerset["beats"],
                           years=self.site.north_somerset["totals"]["years"])

    def ns_beat_chart(self):
        beats = self.site.north_somerset["beats"]
        years = self.site.north_somerset["totals"]["years"]
        rows = beats["rows"]
        labels, series = [r["name"] for r in rows], [[r["counts"][0] for r in rows], [r["counts"][-1] for r in rows]]
        charts = [grouped_bars(labels, series, layout) for layout in ("wide", "narrow")]
        return self.render("partials/bar-chart.html", charts=charts, series=[years[0], years[-1]],
                           title=f"Violent and sexual offences by police beat area, {years[0]} and {years[-1]}",
                           rows=rows, years=years)

    def ns_action_plan(self):
        return self.render("partials/ns-action-plan.html", programmes=self.site.north_somerset["programmes"])

    def open_data_files(self):
        """The HSDS files the build publishes, linked from this page; one per-service file as an example."""
        return self.render("partials/open-data-files.html", files=hsds.listing(self.site, self.site_url),
                           href=lambda path: relative_url(f"{hsds.FOLDER}/{path}", self.url_))

    def open_data_mapping(self):
        """Our fields and where they go in HSDS: the list vrp.pages.hsds follows."""
        return self.render("partials/open-data-mapping.html", rows=hsds.MAPPING)

    def open_data_ids(self):
        return self.render("partials/open-data-ids.html", names=hsds.ID_NAMES, namespace=hsds.NAMESPACE)
