"""What the project's mkdocs.yml says that the build in vrp/ needs, read without an engine: the site's address
and name, where the theme's overrides are, and the Markdown extensions pages are converted with.

An engine's own config (MkDocs' `config` in the hooks) gives the same values; this reads them for the data
check, vrp.prebuild and vrp.postbuild, which run without one.
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FILE = "mkdocs.yml"


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!ENV` tags are not plain YAML (each reads as None here)."""


_Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_yaml(path: Path) -> dict:
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Tolerant) or {}


@dataclass
class Config:
    root: Path
    site_url: str = ""
    site_name: str = ""
    repo_url: str = ""
    edit_uri: str = ""
    custom_dir: str = "overrides"
    docs_dir: str = "docs"
    extensions: list = field(default_factory=list)  # Markdown extension names, as mkdocs.yml lists them
    extension_configs: dict = field(default_factory=dict)

    @property
    def theme_dirs(self) -> list[Path]:
        """Where the theme's templates are found, ours first, as MkDocs' Theme.dirs: overrides/, then Material's
        own (its .icons/ hold the Easy Read pictures), when Material is installed here."""
        dirs = [self.root / self.custom_dir]
        material = importlib.util.find_spec("material")
        if material is not None and material.submodule_search_locations:
            dirs.append(Path(next(iter(material.submodule_search_locations))) / "templates")
        return dirs


def read(root: Path) -> Config:
    root = Path(root)
    config = read_yaml(root / FILE) if (root / FILE).is_file() else {}
    names, configs = [], {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if options:
            configs[name] = options
    if "toc" not in names:
        names.append("toc")
    theme = config.get("theme") or {}
    return Config(root, site_url=config.get("site_url") or "", site_name=config.get("site_name") or "",
                  repo_url=config.get("repo_url") or "", edit_uri=config.get("edit_uri") or "",
                  custom_dir=theme.get("custom_dir", "overrides") if isinstance(theme, dict) else "overrides",
                  docs_dir=config.get("docs_dir") or "docs", extensions=names, extension_configs=configs)
