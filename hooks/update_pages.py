"""Generate one page per update (updates/<id>.md) from data/updates.yml through one template."""
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from vrp.pages.render import environment


@event_priority(50)  # before htmlproofer takes its list of files, so links to these pages are checked
def on_files(files, config):
    site = config.extra["vrp"]
    template = environment(Path(config.config_file_path).parent / "overrides", site.links).get_template("generated/update.md")
    for item in site.updates:
        files.append(File.generated(config, f"updates/{item['id']}.md", content=template.render(item=item, root="../../")))
    return files
