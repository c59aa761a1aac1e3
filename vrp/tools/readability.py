"""Reading age of the words we write: Flesch-Kincaid grade turned into a UK reading age.

A rough guide, not a test: the issue asks for plain English at a reading age of about 12, and this
shows which pages drift from it. Syllables are counted by a common vowel-group rule of thumb.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
NOISE = [
    (re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S), " "),        # macros
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),          # links keep their words
    (re.compile(r"https?://\S+|\S+@\S+"), " "),               # bare addresses
    (re.compile(r"^\s*(#+|[-*]|\d+\.)\s+", re.M), ""),         # headings and list markers
    (re.compile(r"[*_`|>]"), " "),
]


def plain(markdown: str) -> str:
    text = FRONT_MATTER.sub("", markdown)
    for pattern, repl in NOISE:
        text = pattern.sub(repl, text)
    return text


def syllables(word: str) -> int:
    word = word.lower()
    count = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def scores(text: str) -> dict:
    """Words, sentences, Flesch reading ease and the reading age (Flesch-Kincaid grade + 5)."""
    # a heading or list item without a full stop is still a sentence of its own
    sentences = [s for s in re.split(r"[.!?]+\s|\n\s*\n|\n(?=\S)", text) if re.search(r"[A-Za-z]", s)]
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    if not words:
        return {"words": 0, "sentences": 0, "reading_ease": None, "reading_age": None}
    per_sentence = len(words) / max(len(sentences), 1)
    per_word = sum(syllables(w) for w in words) / len(words)
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    return {"words": len(words), "sentences": len(sentences),
            "reading_ease": round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 1),
            "reading_age": round(grade + 5, 1)}


def texts(root: Path) -> dict[str, str]:
    """Our own words: every Markdown page, and the prose fields of the data files."""
    found = {str(p.relative_to(root)): plain(p.read_text(encoding="utf-8"))
             for p in sorted((root / "docs").rglob("*.md"))}
    data = {n: yaml.safe_load((root / "data" / f"{n}.yml").read_text(encoding="utf-8"))
            for n in ("faq", "spokes", "updates", "resources")}
    found["data/faq.yml"] = "\n\n".join(plain(q["question"] + "\n\n" + q["answer"])
                                        for s in data["faq"]["sections"] for q in s["questions"])
    found["data/spokes.yml"] = "\n\n".join(plain(s["about"]) for s in data["spokes"]["spokes"])
    found["data/updates.yml"] = "\n\n".join(plain(i["body"]) for i in data["updates"]["items"])
    found["data/resources.yml"] = "\n\n".join(plain(r["description"]) for r in data["resources"]["resources"])
    return found


def report(root: Path) -> dict[str, dict]:
    return {name: scores(text) for name, text in texts(root).items()}


if __name__ == "__main__":
    for name, s in report(Path(".")).items():
        print(f"{name:55} {s['words']:6} words  reading age {s['reading_age']}")
