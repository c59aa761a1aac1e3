"""What a reader sees in the built HTML: every page, its facts and its safety features."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml

from conftest import ROOT, pages
from vrp.manifest import SHOWN
from conftest import load
from vrp.postbuild.unused_css import THEME_CSS

DATA = {name: yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text()) for name in
        ("faq", "spokes", "updates", "help", "resources", "vocabularies", "north-somerset-strategy", "synonyms", "places")}
SITE = load(ROOT)
HELP = SITE.help_bar  # the help bar's lines, their numbers filled in from the directory
# mkdocs.yml's extra_css, in order (the file has tags plain YAML cannot read)
EXTRA_CSS = re.findall(r"^  - (\S+\.css)", re.split(r"\n(?=\S)", (ROOT / "mkdocs.yml").read_text().split("\nextra_css:\n", 1)[1], maxsplit=1)[0], re.M)


def text(soup) -> str:
    return " ".join(soup.get_text(" ").split())


def test_every_page_has_the_help_numbers_as_phone_links(site, read):
    for page in pages(site):
        soup = read(str(page.relative_to(site)))
        bar = soup.select_one(".vrp-help-bar")
        assert bar, f"{page}: no help bar"
        links = {a["href"]: text(a) for a in bar.select("a[href^='tel:']")}
        for number in HELP:
            tel = "tel:" + number.number.replace(" ", "")
            assert tel in links and number.number in links[tel], f"{page}: {number.name} missing"


def test_every_phone_link_on_every_page_is_a_number_a_phone_can_dial(site, read):
    """tel: followed by a number in the form the schemas allow (a Markdown link in data text included)."""
    from test_data import TEL
    for page in pages(site):
        for a in read(str(page.relative_to(site))).select("a[href^='tel:']"):
            assert TEL.fullmatch(a["href"]), (f"{page.relative_to(site)}: {a['href']} is not a number a phone can dial: "
                                              "write it as digits and spaces, starting with 0 (or 999, 101, 111)")


def test_no_page_loads_anything_from_another_host(site, read):
    for page in pages(site):
        soup = read(str(page.relative_to(site)))
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                          ("source", "src"), ("video", "src"), ("audio", "src"), ("embed", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr) or ""
                if tag == "link" and not set(el.get("rel", [])) & {"stylesheet", "preload", "icon", "modulepreload"}:
                    continue  # canonical and alternate links are not loaded
                assert not re.match(r"(https?:)?//", url), f"{page}: <{tag}> loads {url}"
        style = " ".join(s.get_text() for s in soup.find_all("style"))
        assert "fonts.googleapis" not in str(soup) and "@import url(http" not in style, page


def test_no_script_holds_up_the_first_paint(site, read):
    """Every script file is deferred (a module is, by nature); the one inline script in the head only marks
    the page as scripted, so that what scripts show is laid out from the first paint."""
    for page in pages(site):
        soup = read(str(page.relative_to(site)))
        blocking = [tag["src"] for tag in soup.select("script[src]") if not tag.has_attr("defer") and tag.get("type") != "module"]
        assert not blocking, f"{page}: {blocking}"
        assert 'classList.add("vrp-js")' in soup.head.decode()


def test_no_page_but_the_directorys_own_waits_on_a_stylesheet_request(site, read):
    """Pages carry their stylesheets inside them (vrp/postbuild/inline_css.py), exactly as trimmed on disk;
    the directory's thousands of entry and list pages (resources/<...>/) share theirs, linked."""
    styles = site / "assets" / "stylesheets"
    for page in pages(site):
        path = str(page.relative_to(site))
        soup = read(path)
        linked = [link["href"].rsplit("/", 1)[-1] for link in soup.select('link[rel~="stylesheet"]')]
        inline = [tag.string for tag in soup.head.find_all("style")]
        if path.startswith("resources/") and path != "resources/index.html":
            assert linked[-len(EXTRA_CSS):] == [c.rsplit("/", 1)[-1] for c in EXTRA_CSS], linked
            assert "directory.css" in linked and not inline, linked
            continue
        assert not linked, f"{page}: {linked}"
        files = [next(styles.glob(p)) for p in THEME_CSS] + [site / style for style in own_styles(path)]
        files += [site / c for c in EXTRA_CSS]
        assert inline == [f.read_text(encoding="utf-8") for f in files], page


def own_styles(path: str) -> list[str]:
    """The page's own stylesheets (`styles:` in the front matter of its file in docs/)."""
    stem = ROOT / "docs" / (path.removesuffix("index.html").rstrip("/") or "index")
    for source in (stem.with_suffix(".md"), stem / "index.md"):
        if source.is_file() and source.read_text().startswith("---\n"):
            return yaml.safe_load(source.read_text().split("---\n", 2)[1]).get("styles", [])
    return []


def test_the_search_dialog_is_named_and_every_image_has_its_size(site, read):
    for page in pages(site):
        soup = read(str(page.relative_to(site)))
        assert soup.select_one("dialog#vrp-site-search")["aria-label"] == "Search this website"
        unsized = [img["src"] for img in soup.select("img") if not (img.get("width") and img.get("height"))]
        assert not unsized, f"{page}: {unsized}"


def test_every_page_links_the_accessibility_statement_and_privacy_notice(site, read):
    for page in pages(site):
        footer = read(str(page.relative_to(site))).select_one(".vrp-footer-links")
        labels = [text(a) for a in footer.find_all("a")]
        assert "Accessibility statement" in labels and "Privacy notice" in labels, page


def test_every_faq_question_has_its_own_anchor_under_its_section(read):
    soup = read("faq/")
    for section in DATA["faq"]["sections"]:
        heading = soup.find(id=section["id"])
        assert heading and heading.name == "h2" and section["title"] in text(heading)
        for q in section["questions"]:
            h3 = soup.find(id=q["id"])
            assert h3 is not None and h3.name == "h3", q["id"]
            assert text(h3).startswith(q["question"].replace("  ", " ")), q["id"]
            assert h3.find_previous("h2") == heading, f"{q['id']} is not under {section['id']}"
            # the permalink lets a reader copy a link to this one answer
            assert h3.find("a", href=f"#{q['id']}")


def test_the_faq_lists_every_question_before_the_answers(read):
    """On a phone the theme's contents are folded in the menu: the page itself lists its questions first."""
    soup = read("faq/")
    listed = soup.find("nav", attrs={"aria-label": "Questions on this page"})
    assert listed and listed.find_next("h2") == soup.find(id=DATA["faq"]["sections"][0]["id"])
    for section in DATA["faq"]["sections"]:
        for q in section["questions"]:
            link = listed.find("a", href=f"#{q['id']}")
            assert link and text(link) == " ".join(q["question"].split()), q["id"]


def test_an_entrys_page_puts_its_number_first_as_a_button_to_call(read):
    """The number a reader came for, before the description, as large as on Get help."""
    for e in SITE.entries:
        page = read(e.path)
        button = page.select_one(".vrp-entry__call a.vrp-call")
        if not e.phone:
            assert button is None, e.id
            continue
        assert button and button["href"] == e.tel and e.phone in text(button), e.id
        assert button.find_next("div", class_="vrp-entry__description"), f"{e.id}: the button comes first"


def test_every_faq_answer_is_on_the_faq_page(read):
    page = text(read("faq/"))
    for section in DATA["faq"]["sections"]:
        for q in section["questions"]:
            plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", q["answer"])  # a link shows its words
            words = " ".join(re.sub(r"[*_`#>]|^\s*-\s", " ", plain, flags=re.M).split()[:8])
            assert words in page, q["id"]


def test_faq_answers_never_say_click_here(read):
    links = [text(a).lower() for a in read("faq/").select("article a")]
    assert not [l for l in links if l in ("click here", "here", "read more")]


@pytest.mark.parametrize("spoke", DATA["spokes"]["spokes"], ids=lambda s: s["id"])
def test_each_spoke_has_a_page_with_its_facts(read, spoke):
    soup = read(f"spokes/{spoke['id']}/")
    page = text(soup)
    assert text(soup.find("h1")).removesuffix(" ¶") == spoke["name"]
    assert spoke["council"] in page
    assert soup.find("a", href=spoke["council_url"])
    for focus in spoke["focus"]:
        assert focus in page
    for programme in spoke["programmes"]:
        assert programme["name"] in page
    services = {t["id"] for t in DATA["vocabularies"]["types"] if t["kind"] == "service"}
    local = [r for r in DATA["resources"]["resources"] if spoke["id"] in r["areas"] and r["type"] in services]
    titles = {text(a): a["href"] for a in soup.select(".vrp-service__title a")}
    assert len(soup.select(".vrp-service")) == min(len(local), SHOWN)  # more: tests/test_directory_scale.py
    if len(local) <= SHOWN:
        for r in local:  # each entry of the directory for this area, linked to the service as the directory does
            assert titles.get(" ".join(r["title"].split())) == r["url"], r["id"]
    if spoke.get("funding"):
        assert f"£{spoke['funding']['amount']:,}" in page


def front_doors(spoke):
    entries = {r["id"]: r for r in DATA["resources"]["resources"]}
    return [entries[i] for i in spoke.get("safeguarding", {}).values()]


@pytest.mark.parametrize("spoke", DATA["spokes"]["spokes"], ids=lambda s: s["id"])
def test_each_spoke_page_says_at_a_glance_where_to_report_a_concern(read, spoke):
    """The council's front doors named in data/spokes.yml: their numbers to tap, their entries to read."""
    glance = read(f"spokes/{spoke['id']}/").select_one(".vrp-glance")
    for door in front_doors(spoke):
        assert glance.find("a", href=f"../../resources/{door['id']}/", string=door["title"]), door["id"]
        if door.get("phone"):
            assert glance.find("a", href="tel:" + re.sub(r"\D", "", door["phone"]), string=door["phone"]), door["id"]


def test_the_professionals_page_lists_every_areas_front_doors(read):
    doors = read("professionals/").select_one(".vrp-doors")
    for spoke in DATA["spokes"]["spokes"]:
        for door in front_doors(spoke):
            item = doors.find("a", href=f"../resources/{door['id']}/").find_parent("li")
            assert item.find_parent("li").find("a", href=f"../spokes/{spoke['id']}/", string=spoke["name"])
            if door.get("phone"):
                assert item.find("a", href="tel:" + re.sub(r"\D", "", door["phone"])), door["id"]


@pytest.mark.parametrize("spoke", DATA["spokes"]["spokes"], ids=lambda s: s["id"])
def test_each_spoke_page_shows_its_funding_share_and_published_email(read, spoke):
    soup = read(f"spokes/{spoke['id']}/")
    if spoke.get("funding", {}).get("share"):
        assert f"{spoke['funding']['share']}%" in text(soup)
    if spoke["contact"].get("email"):
        assert soup.find("a", href=f"mailto:{spoke['contact']['email']}")


def test_north_somerset_strategy_tables_match_the_data(read):
    soup = read("strategies/north-somerset-2021-22/")
    data = DATA["north-somerset-strategy"]
    rows = soup.select("table.vrp-table tbody tr")
    beat_rows = [r for r in rows if r.find("th") and any(b["name"] in text(r.find("th")) for b in data["beats"]["rows"])]
    assert len(beat_rows) == len(data["beats"]["rows"])
    for tr, beat in zip(beat_rows, data["beats"]["rows"], strict=True):
        cells = [text(td).replace(",", "") for td in tr.find_all("td")]
        assert cells[:4] == [str(n) for n in beat["counts"]]
        assert cells[4] == str(sum(beat["counts"][:3]))
    largest = max(n for beat in data["beats"]["rows"] for n in beat["counts"])
    assert f"{largest:,}" in text(soup)  # counts are shown with thousands separators
    assert all(th.get("scope") for th in soup.select("table.vrp-table th"))


def test_north_somerset_chart_is_an_accessible_svg_drawn_from_the_data(read):
    soup = read("strategies/north-somerset-2021-22/")
    svg = soup.select_one("figure.vrp-chart svg")
    assert svg and svg.get("role") == "img"
    labelled = svg["aria-labelledby"].split()
    assert svg.find("title")["id"] in labelled and svg.find("desc")["id"] in labelled
    rows = DATA["north-somerset-strategy"]["beats"]["rows"]
    assert len(svg.select("rect.vrp-chart__bar--1")) == len(rows) + 1  # one per beat area, plus the legend key
    desc = text(svg.find("desc"))
    for row in rows:
        assert f"{row['name']}: {row['counts'][0]}" in desc
    widths = {float(r["width"]) for r in svg.select("rect.vrp-chart__bar--1")[:len(rows)]}
    assert max(widths) > 3 * min(widths)  # bars are scaled to the values, not all alike


def test_action_plan_lists_every_action(read):
    soup = read("strategies/north-somerset-2021-22/")
    for programme in DATA["north-somerset-strategy"]["programmes"]:
        for action in programme["actions"]:
            assert soup.find(id=f"action-{action['id'].replace('.', '-')}"), action["id"]


@pytest.mark.parametrize("path", ["strategies/avon-and-somerset-2019/",
                                  "strategies/national-serious-violence-strategy-2018/",
                                  "strategies/serious-violence-duty-guidance/"])
def test_strategy_pages_link_their_sources(read, path):
    soup = read(path)
    assert soup.find("h1")
    assert soup.select("article a[href^='https://']"), f"{path} links no source"


def test_each_update_links_its_source_and_the_list_shows_the_newest_first(read):
    items = DATA["updates"]["items"]
    for item in items:
        soup = read(f"updates/{item['id']}/")
        assert soup.find("a", href=item["source"]["url"]), item["id"]
        for partner in item.get("partners", []):
            assert partner["name"] in text(soup), item["id"]
    ids = {item["id"]: str(item["date"]) for item in items}
    listed = []
    for a in read("updates/").select("article a[href]"):
        name = a["href"].rstrip("/").rsplit("/", 1)[-1]
        if name in ids and name not in listed:
            listed.append(name)
    assert sorted(listed) == sorted(ids), "every update is in the list"
    assert [ids[i] for i in listed] == sorted(ids.values(), reverse=True), "newest first, whatever the file's order"


def test_home_page_has_help_spokes_and_the_main_links(read):
    soup = read("")
    page = text(soup)
    # the help bar above the header has the numbers (every page); the first route leads to the rest
    assert soup.select_one(".vrp-help-bar a[href='tel:999']")
    first_route = soup.select_one(".vrp-routes li a")
    assert first_route["href"] == "help/" and text(first_route) == "Get help now"
    for spoke in DATA["spokes"]["spokes"]:
        assert soup.find("a", href=f"spokes/{spoke['id']}/"), spoke["id"]
    for target in ("faq/", "strategies/", "resources/", "updates/"):
        assert soup.select_one(f"article a[href='{target}']"), target
    assert "public health" in page.lower()


@pytest.mark.parametrize("path,phrase", [
    ("accessibility/", "Equality Advisory and Support Service"),
    ("accessibility/", "WCAG 2.2"),
    ("privacy/", "cookies"),
    ("about/", "Office of the Police and Crime Commissioner"),
    ("cover-your-tracks/", "private"),
    ("easy-read/", "999"),
])
def test_about_pages_exist_with_their_content(read, path, phrase):
    assert phrase.lower() in text(read(path)).lower()


def test_resources_json_and_csv_match_the_yaml(site):
    resources = DATA["resources"]["resources"]
    published = json.loads((site / "resources.json").read_text())["resources"]
    assert [r["id"] for r in published] == [r["id"] for r in resources]
    for mine, theirs in zip(resources, published, strict=True):
        assert theirs["title"] == mine["title"] and theirs["url"] == mine["url"]
        assert theirs["type"]["id"] == mine["type"]
        assert [t["id"] for t in theirs["topics"]] == mine["topics"]
        assert [a["id"] for a in theirs["areas"]] == mine["areas"]
        assert all(t["label"] for t in theirs["topics"])
    rows = list(csv.DictReader(io.StringIO((site / "resources.csv").read_text())))
    assert [r["id"] for r in rows] == [r["id"] for r in resources]
    assert all(row["topics"].split(";") == r["topics"] for row, r in zip(rows, resources, strict=True))


def test_every_resource_has_its_own_page_in_the_directory(read):
    for r in DATA["resources"]["resources"]:
        entry = read(f"resources/{r['id']}/").find(id=r["id"])
        assert entry is not None and entry.name == "article", r["id"]
        assert entry.find("a", href=r["url"]) and r["organisation"] in text(entry)


@pytest.mark.parametrize("path,source", [
    ("faq/", "data/faq.yml"), ("resources/", "data/resources.yml"),
    (f"spokes/{DATA['spokes']['spokes'][0]['id']}/", "data/spokes.yml"),
    (f"updates/{DATA['updates']['items'][0]['id']}/", "data/updates.yml"), ("help/", "data/help.yml"),
    ("strategies/north-somerset-2021-22/", "data/north-somerset-strategy.yml"),
    ("about/", "docs/about.md"), ("strategies/", "docs/strategies/index.md"),
])
def test_the_footer_link_for_editors_opens_the_file_the_page_came_from(read, path, source):
    """No pencil in the page itself (readers do not need it); a quiet footer link for editors."""
    soup = read(path)
    assert not soup.select("article a[href*='/edit/']")
    link = soup.select_one("footer a.vrp-footer__edit")
    assert link and link["href"] == f"https://github.com/avon-somerset-vrp/vrp-site/edit/main/{source}"


@pytest.mark.parametrize("area", [a for a in SITE.areas if a.front_doors], ids=lambda a: a.id)
def test_an_areas_list_opens_with_where_to_report_a_concern(read, area):
    """The council's daytime numbers before the list, whose helplines (an out-of-hours team) come first by type."""
    soup = read(f"resources/area/{area.id}/")
    first_group = soup.find("h2", id=lambda i: i and i.startswith("type-"))
    for kind, door in area.front_doors.items():
        link = soup.find("a", href=f"../../../{door.path}")
        assert link and link.find_next("h2") == first_group, (area.id, kind)
        if door.phone:
            assert link.find_previous("a").get("href") == door.tel, (area.id, kind)
