"""Synthetic data sets of any size, made from the real schema, vocabularies and wording.

A copy of the project gets N resources and a proportionate FAQ (N/20 extra questions); everything
else stays real, so the build does exactly what it does for the live site. The text is recombined
from the real descriptions and answers, so entries have realistic lengths and words, and the
numbers are seeded: two runs at the same size build the same site.
"""
from __future__ import annotations

import datetime as dt
import random
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import copy_project, without_front_doors  # noqa: E402  (the tests' own helpers, reused)

FAQ_PER_RESOURCE = 1 / 20
SENTENCE = re.compile(r"(?<=[.!?])\s+")
KINDS = ["support service", "helpline", "project", "programme", "network", "advice line", "toolkit", "hub"]


def _sentences(texts) -> list[str]:
    return sorted({s.strip() for t in texts for s in SENTENCE.split(" ".join(t.split())) if len(s) > 20})


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _text(rng: random.Random, pool: list[str], lengths: list[int]) -> str:
    """Whole sentences from `pool` up to a length drawn from the real ones, so the spread of
    lengths (not just their range) matches the live data."""
    target, high = rng.choice(lengths), lengths[-1]
    out, used = [], 0
    for sentence in rng.sample(pool, len(pool)):
        if used + len(sentence) > target + 40 or used + len(sentence) > high:  # the nearest whole sentence
            continue
        out.append(sentence)
        used += len(sentence) + 1
        if used >= target - 40:
            break
    return " ".join(out or [rng.choice([s for s in pool if len(s) <= high])])


def resources(n: int, vocab: dict, real: list[dict], today: dt.date, rng: random.Random) -> list[dict]:
    """`n` valid resources: unique ids, known vocabulary ids, reviewed within the last year."""
    ids = {kind: [e["id"] for e in entries] for kind, entries in vocab.items()}
    topic_labels = {e["id"]: e["label"] for e in vocab["topics"]}
    area_labels = {e["id"]: e["label"] for e in vocab["areas"]}
    pool = _sentences(r["description"] for r in real)
    organisations = sorted({r["organisation"] for r in real})
    lengths = sorted(len(r["description"]) for r in real)
    out = []
    for i in range(1, n + 1):
        topics = rng.sample(ids["topics"], rng.choice([1, 1, 2, 2, 3, 4]))
        shape = rng.random()
        areas = ["all"] if shape < 0.15 else rng.sample(ids["areas"], 1 if shape < 0.85 else rng.randint(2, 5))
        place = "National" if areas == ["all"] else area_labels[areas[0]]
        title = f"{place} {topic_labels[topics[0]].lower()} {rng.choice(KINDS)}"[:72].strip()
        record = {
            "id": f"{_slug(topic_labels[topics[0]])}-{i}",  # as short as real ids, which name a service
            "title": title,
            "organisation": rng.choice(organisations),
            "description": _text(rng, pool, lengths),
            "url": f"https://www.example-{i}.org.uk/{_slug(topics[0])}/",
            "type": rng.choice(ids["types"]),
            "audiences": rng.sample(ids["audiences"], rng.randint(1, 3)),
            "topics": topics,
            "areas": areas,
            "last_reviewed": (today - dt.timedelta(days=rng.randint(0, 360))).isoformat(),
        }
        if record["type"] == "helpline":
            record["phone"] = f"0800 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        if areas != ["all"]:  # local entries must name their source (no random draw: the data stays as it was)
            record["source"] = {"title": f"{title}: about the service", "url": record["url"]}
        out.append(record)
    return out


def faq(sections: list[dict], extra: int, rng: random.Random) -> list[dict]:
    """The real FAQ with `extra` more questions shared across its sections, each unique."""
    answers = [q["answer"] for s in sections for q in s["questions"]]
    pool = _sentences(a for a in answers if "](" not in a)
    lengths = sorted(len(a) for a in answers)
    sections = [dict(s, questions=list(s["questions"])) for s in sections]
    for i in range(1, extra + 1):
        section = sections[i % len(sections)]
        section["questions"].append({
            "id": f"question-{i}",
            "question": f"What does {section['title'].lower()} mean for me, question {i}?",
            "answer": _text(rng, pool, lengths),
            "sources": [{"title": "Serious Violence Duty: statutory guidance",
                         "url": "https://www.gov.uk/government/publications/serious-violence-duty"}],
        })
    return sections


def _write(file: Path, key: str, records: list[dict]) -> None:
    """Replace the data under `key`, keeping the schema comment on the first line."""
    first = file.read_text(encoding="utf-8").split("\n", 1)[0]
    body = yaml.safe_dump({key: records}, sort_keys=False, allow_unicode=True, width=110)
    file.write_text(first + "\n" + body, encoding="utf-8")


def help_on_its_own(situations: list[dict], real: list[dict]) -> list[dict]:
    """data/help.yml's situations with each directory entry they name written out (name, number,
    website), so the help page stays as it is whatever the synthetic directory holds."""
    entries = {r["id"]: r for r in real}
    out = []
    for situation in situations:
        lines = []
        for line in situation["lines"]:
            entry = entries.get(line.get("resource"))
            if entry:
                line = {"name": line.get("name", entry["title"]), "url": entry["url"],
                        **({"number": entry["phone"]} if entry.get("phone") else {}),
                        **{k: v for k, v in line.items() if k not in ("resource", "name")}}
            lines.append(line)
        out.append(dict(situation, lines=lines))
    return out


def project(dest: Path, n: int, seed: int = 7) -> dict:
    """A copy of the project at `dest` with `n` synthetic resources; returns what it wrote."""
    copy_project(dest)
    rng = random.Random(seed * 1_000_003 + n)
    data = dest / "data"
    vocab = yaml.safe_load((data / "vocabularies.yml").read_text(encoding="utf-8"))
    real = yaml.safe_load((data / "resources.yml").read_text(encoding="utf-8"))["resources"]
    sections = yaml.safe_load((data / "faq.yml").read_text(encoding="utf-8"))["sections"]
    made = resources(n, vocab, real, dt.date.today(), rng)
    extra = round(n * FAQ_PER_RESOURCE)
    _write(data / "resources.yml", "resources", made)
    without_front_doors(dest)  # they name real entries
    _write(data / "faq.yml", "sections", faq(sections, extra, rng))
    help_data = yaml.safe_load((data / "help.yml").read_text(encoding="utf-8"))
    help_data["situations"] = help_on_its_own(help_data["situations"], real)
    first = (data / "help.yml").read_text(encoding="utf-8").split("\n", 1)[0]
    (data / "help.yml").write_text(first + "\n" + yaml.safe_dump(help_data, sort_keys=False, allow_unicode=True, width=110),
                                   encoding="utf-8")
    return {"resources": n, "faq_questions": sum(len(s["questions"]) for s in sections) + extra}
