"""Generate one page per spoke area (spokes/<id>.md) from data/spokes.yml through one template."""
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from vrp.render import environment


@event_priority(50)  # before htmlproofer takes its list of files, so links to these pages are checked
def on_files(files, config):
    site = config.extra["vrp"]
    template = environment(Path(config.config_file_path).parent / "overrides").get_template("generated/spoke.md")
    for spoke in site.spokes:
        local = [r for r in site.resources if spoke["id"] in r["areas"]]
        everywhere = [r for r in site.resources if "all" in r["areas"]]
        content = template.render(spoke=spoke, local=local, everywhere=everywhere)
        files.append(File.generated(config, f"spokes/{spoke['id']}.md", content=content))
    return files
