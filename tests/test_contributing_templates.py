"""CONTRIBUTING.md keeps its promises: each copy-and-change template, pasted where the guide says,
passes the data check (tests/test_editor_examples.py builds them all, with every link example and
retiring an entry, once); the first page is short; the example message is what the check really says;
and the field reference is the one made from the schemas.

Each template is found by the comment before its ```yaml block (`<!-- template: data/faq.yml
sections[].questions -->`), so a template added to the guide is tested without changing this file.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project
from vrp.tools.contributing import REFERENCE, reference, templates

pytestmark = pytest.mark.fast  # make test-fast

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
TEMPLATES = templates(GUIDE)


def _target(node, parts: list[str]):
    """The block list named by `parts` (e.g. ["sections[]", "questions"]), inside the first record that has
    one with entries, or None."""
    if not parts:
        return node if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style else None
    if not isinstance(node, yaml.MappingNode):
        return None
    name, each = parts[0].removesuffix("[]"), parts[0].endswith("[]")
    value = next((v for k, v in node.value if k.value == name), None)
    if not each:
        return _target(value, parts[1:])
    for item in value.value if isinstance(value, yaml.SequenceNode) else []:
        found = _target(item, parts[1:])
        if found is not None:
            return found
    return None


def paste(text: str, where: str, block: str) -> str:
    """`text` with `block` pasted at the top of the list `where`, lined up with its entries, as an editor would."""
    target = _target(yaml.compose(text), where.split("."))
    assert target is not None, f"no list {where} with entries to paste into"
    column, line = target.start_mark.column, target.start_mark.line
    pasted = [(" " * column + l) if l.strip() else "" for l in textwrap.dedent(block).splitlines()]
    lines = text.splitlines()
    return "\n".join(lines[:line] + pasted + lines[line:]) + "\n"


def unique(block: str, text: str) -> str:
    """The template with its id and question changed if the file already has them (an editor who
    used the template kept its example values), as an editor would change them."""
    def change(match):
        key, value = match.group(2), match.group(3)
        if f"{key}: {value}" not in text:
            return match.group(0)
        return f"{match.group(1)}{key}: " + (f"{value}-again" if key == "id" else value.removesuffix("?") + " again?")
    return re.sub(r"^(\s*(?:- )?)(id|question): ([^#\n]*?)(?=\s*(?:#.*)?$)", change, block, flags=re.M)


def apply(project: Path, template) -> None:
    file = project / template.file
    text = file.read_text(encoding="utf-8")
    file.write_text(paste(text, template.where, unique(template.text, text)), encoding="utf-8")


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vrp.tools.check", "--root", str(project)], capture_output=True, text=True)


def test_the_guide_has_a_template_for_each_common_addition():
    assert {t.file for t in TEMPLATES} >= {"data/resources.yml", "data/faq.yml", "data/updates.yml",
                                           "data/spokes.yml", "data/help.yml"}
    for t in TEMPLATES:
        assert (ROOT / t.file).exists(), t.file
        assert yaml.safe_load(textwrap.dedent(t.text)), f"the template for {t.file} is not YAML"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: f"{t.file} {t.where}")
def test_each_template_as_the_guide_says_passes_the_data_check(tmp_path, template):
    project = copy_project(tmp_path / "project")
    apply(project, template)
    result = check(project)
    assert result.returncode == 0, result.stderr
    assert "data/ is valid" in result.stdout


def test_the_first_page_fits_on_a_screen_or_two():
    first = GUIDE.split("\n---\n", 1)[0]
    words = len(re.sub(r"```.*?```", "", first, flags=re.S).split())
    assert words <= 750, f"the first page has {words} words"
    for heading in ("Which file do I change?", "Making a change in GitHub's web editor",
                    "What the pull request tells you", "Looking at your change before it is merged"):
        assert f"## {heading}" in first


def test_the_example_message_is_what_the_check_says(tmp_path):
    example = re.search(r"^  (data/resources\.yml:\d+: .*)$", GUIDE, re.M).group(1)
    project = copy_project(tmp_path / "project")
    resources = project / "data" / "resources.yml"
    text = resources.read_text()
    url = re.search(r"url: (https://www\.childline\.org\.uk/)\n", text)
    assert url, "the real directory lists Childline"
    resources.write_text(text.replace(url.group(0), "url: www.childline.org.uk\n", 1))
    said = check(project).stderr
    message = re.sub(r"^data/resources\.yml:\d+: ", "", example)
    assert message in said, said


def test_the_guide_names_every_markdown_field():
    marked = set()
    for schema in (ROOT / "schemas").glob("*.schema.json"):
        for field in re.findall(r'"(\w+)": \{[^{}]*"contentMediaType": "text/markdown"', schema.read_text()):
            marked.add((schema.name.removesuffix(".schema.json"), field))
    # the sentence in "Plain text and Markdown" that lists them: update it with the schemas
    assert marked == {("faq", "answer"), ("resources", "description"), ("updates", "body"), ("spokes", "about"),
                      ("spokes", "description"), ("help", "summary"), ("help", "what_happens")}, marked
    section = GUIDE.split("## Plain text and Markdown", 1)[1].split("\n## ", 1)[0]
    for words in ("a FAQ answer", "a resource's\ndescription", "an update's body", "an area's `about`",
                  "a programme's description", "situation's `summary`", "a line's `what_happens`"):
        assert words in section, words


def test_the_guide_links_resolve():
    anchors = set(re.findall(r'<a id="([\w-]+)"></a>', GUIDE))
    prose = re.sub(r"`[^`\n]*`", "", re.sub(r"```.*?```", "", GUIDE, flags=re.S))  # links in code are examples
    for target in re.findall(r"\]\((#[\w-]+|[\w.-]+\.md)\)", prose):
        if target.startswith("#"):
            assert target[1:] in anchors, target
        else:
            assert (ROOT / target).exists(), target


def test_the_field_reference_is_made_from_the_schemas_and_reads_as_words():
    text = (ROOT / REFERENCE).read_text(encoding="utf-8")
    assert text == reference(ROOT), "run `make contributing`"
    assert "[]." not in text, "fields are named in words, not as sections[].questions[].url"
    assert "### Each question (in a section's `questions:` list)" in text
    schema = json.loads((ROOT / "schemas" / "faq.schema.json").read_text())
    answer = schema["properties"]["sections"]["items"]["properties"]["questions"]["items"]["properties"]["answer"]
    row = next(line for line in text.splitlines() if line.startswith("| `answer` |"))
    assert answer["description"] in row and "**Markdown**" in row
    title = next(line for line in text.splitlines() if line.startswith("| `question` |"))
    assert "Plain text" in title
