"""Generate one page per spoke area (spokes/<id>.md) from data/spokes.yml through one template.

Each page lists the directory's entries for that area only, in the order of the area's list in the
directory (`directory.local_to`: by type, those for this area alone first); the entries for every
area are counted, not listed, and linked as the directory filtered for the area. A page shows at
most SHOWN entries, so that it stays the same size however large the directory grows; the rest are
in the area's list in the directory.
"""
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from vrp.pages.directory import local_to
from vrp.pages.render import environment

SHOWN = 25


@event_priority(50)  # before htmlproofer takes its list of files, so links to these pages are checked
def on_files(files, config):
    site = config.extra["vrp"]
    template = environment(Path(config.config_file_path).parent / "overrides", site.links).get_template("generated/spoke.md")
    everywhere = sum(1 for r in site.resources if "all" in r["areas"])
    for spoke in site.spokes:
        local = local_to(site, spoke["id"])
        content = template.render(spoke=spoke, local=local[:SHOWN], more=len(local) - len(local[:SHOWN]),
                                  total=len(local), types=site.labels["types"], everywhere=everywhere,
                                  doors=site.front_doors[spoke["id"]], root="../../")
        files.append(File.generated(config, f"spokes/{spoke['id']}.md", content=content))
    return files
