"""The search's words and postings as Python writes them agree with the one specification both sides hold
(tests/js/cases.json; tests/js/words.test.mjs holds the browser's engine to the same cases)."""
import json
from pathlib import Path

import pytest

from vrp.search.postings import Terms, decode, postings
from vrp.search.words import STOP_WORDS, words

pytestmark = pytest.mark.fast  # make test-fast

CASES = json.loads((Path(__file__).parent / "js" / "cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text,expected", CASES["words"], ids=[c[0] for c in CASES["words"]])
def test_words_are_split_as_the_specification_says(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize("found,encoded", CASES["postings"], ids=[c[1] for c in CASES["postings"]])
def test_postings_are_written_as_the_specification_says(found, encoded):
    as_ints = {int(doc): where for doc, where in found.items()}
    assert postings(as_ints) == encoded
    assert decode(encoded) == sorted(as_ints.items())


def test_the_small_words_are_dropped():
    assert set(CASES["small words"]) <= set(STOP_WORDS)


def test_a_large_letter_is_split_by_two_letters_and_every_term_is_kept(monkeypatch):
    from vrp.search import postings as module
    monkeypatch.setattr(module, "SHARD_LIMIT", 40)
    terms = Terms()
    for doc, text in enumerate(["stab stalk stop", "safe safety", "knife", "stalking support"]):
        terms.add(doc, "description", words(text))
    shards = terms.shards()
    assert "k" in shards and "s" not in shards and {"st", "sa", "su"} <= set(shards)
    kept = {t for shard in shards.values() for t in shard["terms"]}
    assert kept == {"stab", "stalk", "stop", "safe", "safety", "knife", "stalking", "support"}
    assert all(all(t.startswith(key) for t in shard["terms"]) for key, shard in shards.items())
