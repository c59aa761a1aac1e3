"""`python -m vrp.prebuild DIR`: a folder any MkDocs-family engine can build without our hooks.

It checks data/ (vrp.build.load: the same check as the build, so a mistake stops here with the same message)
and writes into DIR:

- `docs/`: the pages of docs/, those that call macros already rendered (vrp.pages.macros), and every page and
  file of the manifest (vrp.manifest): area and update pages, the feed, the open data, the directory's pieces
  and the shells of its own pages, each of which is a placeholder until vrp.postbuild writes it;
- `overrides/`: the theme's overrides, without the templates of generated pages (vrp renders those);
- `mkdocs.yml`: the project's config without `hooks:` and without the macros plugin, reading docs/ and
  overrides/ there, with what the theme's templates read of the data in `extra.vrp.theme`.

Then: `properdocs build -f DIR/mkdocs.yml --site-dir SITE` (or another engine), and `python -m vrp.postbuild
SITE`, which runs the steps the hooks run after the build. tests/test_second_engine.py checks that this gives
the same site as `mkdocs build`; ENGINES.md says what each hook becomes.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

from vrp import config as project_config
from vrp.build import Build, load
from vrp.data.problems import DataError
from vrp.manifest import render, rendered_page

GENERATED = "generated"  # the templates of generated pages in overrides/: rendered here, not by the engine
PLACEHOLDER = "<!-- written after the build by vrp.postbuild -->\n"


class _Tag:
    """A YAML tag the engine resolves (`!ENV [HTMLPROOFER, true]`), kept as written."""

    def __init__(self, tag: str, node: yaml.Node):
        self.tag, self.node = tag, node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: _Tag("!" + suffix, node))
_Dumper.add_representer(_Tag, lambda dumper, value: _retag(value.tag, value.node))
_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None))


def _retag(tag: str, node: yaml.Node) -> yaml.Node:
    node.tag = tag
    return node


def config(build: Build, source: Path) -> dict:
    """The project's mkdocs.yml for an engine without hooks: docs/ and overrides/ beside it."""
    settings = yaml.load(source.read_text(encoding="utf-8"), Loader=_Loader)
    settings.pop("hooks", None)
    settings.pop("watch", None)
    settings["docs_dir"] = "docs"
    settings["theme"]["custom_dir"] = "overrides"
    settings["plugins"] = [p for p in settings.get("plugins") or []
                           if not (p == "macros" or isinstance(p, dict) and "macros" in p)]
    settings.setdefault("extra", {})["vrp"] = {"theme": build.theme}
    return settings


def write(build: Build, out: Path) -> None:
    out = Path(out)
    docs, root = out / "docs", build.root
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(root / build.config.docs_dir, docs)
    macros = build.macros()
    for page in sorted(docs.rglob("*.md")):
        src = page.relative_to(docs).as_posix()
        page.write_text(rendered_page(src, page.read_text(encoding="utf-8"), macros), encoding="utf-8")
    for output in build.outputs:
        target = docs / output.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(PLACEHOLDER if output.kind == "later" else render(output, build.templates), encoding="utf-8")
    shutil.copytree(root / build.config.custom_dir, out / "overrides", ignore=shutil.ignore_patterns(GENERATED))
    (out / project_config.FILE).write_text(
        yaml.dump(config(build, root / project_config.FILE), Dumper=_Dumper, sort_keys=False, allow_unicode=True),
        encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path, help="the folder to write (emptied first)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project (default: here)")
    args = parser.parse_args(argv)
    try:
        write(load(args.root), args.dir)
    except (DataError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Pre-built into {args.dir}: build it with any MkDocs-family engine, then run python -m vrp.postbuild "
          "on the site it makes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
