"""Hand MkDocs every page and file the manifest makes from the data (vrp.manifest): area and update pages, the
feed, the exports, the HSDS files, the directory's pieces and the shells of its own pages.

The directory's own pages (`later`) are written after the build (hooks/postbuild.py); they are listed among
the files here, so that links to them are checked like any other.
"""
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from vrp.manifest import render


class Later(File):
    """A page written after the build, from its shell (vrp.postbuild.directory): nothing to copy now."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


@event_priority(50)  # before htmlproofer takes its list of files, so links to these pages are checked
def on_files(files, config):
    build = config.extra["vrp"]
    # MkDocs copies a theme file it does not know as a template (the feed's): our templates are not for readers
    for theme_copy in [f for f in files if f.src_uri.startswith("generated/")]:
        files.remove(theme_copy)
    for output in build.outputs:
        if output.kind == "later":
            files.append(Later(output.path, None, config.site_dir, config.use_directory_urls))
        else:
            files.append(File.generated(config, output.path, content=render(output, build.templates)))
    return files
