"""The search index in pieces a browser fetches only when a query needs them.

Each word (term) has postings: the docs it is in, each as the gap from the one before and where in the doc
it was found (4 bits: WHERE), written as base-32 digits in one string. Terms go into shards by their first
letter, and a letter with more than SHARD_LIMIT characters is split by the first two letters, so that a
query at 10,000 entries fetches a few kilobytes, not the whole index.
"""
from __future__ import annotations

from collections import defaultdict

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
WHERE = {"name": 1, "organisation": 2, "description": 4, "topic": 8}  # as search-engine.mjs reads them
SHARD_LIMIT = 24_000  # characters of a letter's terms and postings before it is split by two letters


def _varint(value: int) -> str:
    """A number as base-32 digits, high first; every digit but the last has the 32 bit set."""
    groups = []
    while True:
        groups.append(value & 31)
        value >>= 5
        if not value:
            break
    groups.reverse()
    return "".join(DIGITS[g | 32] for g in groups[:-1]) + DIGITS[groups[-1]]


def postings(found: dict[int, int]) -> str:
    """Each doc a word is in, as the gap from the one before and where it was found."""
    out, previous = [], -1
    for doc in sorted(found):
        out.append(_varint(((doc - previous - 1) << 4) | found[doc]))
        previous = doc
    return "".join(out)


def decode(text: str) -> list[tuple[int, int]]:
    """(doc, where) of each doc in `text`: the inverse of postings(), as search-engine.mjs reads it."""
    out, previous, acc = [], -1, 0
    for char in text:
        value = DIGITS.index(char)
        acc = acc * 32 + (value & 31)
        if value < 32:
            previous += 1 + acc // 16
            out.append((previous, acc & 15))
            acc = 0
    return out


class Terms:
    """The words of an index, with where each doc has them."""

    def __init__(self):
        self.found: dict[str, dict[int, int]] = defaultdict(dict)

    def add(self, doc: int, where: str, tokens) -> None:
        bit = WHERE[where]
        for word in tokens:
            seen = self.found[word]
            seen[doc] = seen.get(doc, 0) | bit

    def shards(self) -> dict[str, dict]:
        """{prefix: {"terms": [...], "postings": [...]}}, by first letter, or two where a letter is large."""
        coded = {word: postings(self.found[word]) for word in sorted(self.found)}
        by_letter: dict[str, list[str]] = defaultdict(list)
        for word in coded:
            by_letter[word[0]].append(word)
        out = {}
        for letter, terms in by_letter.items():
            size = sum(len(t) + len(coded[t]) + 6 for t in terms)
            groups = {letter: terms}
            if size > SHARD_LIMIT:
                groups = defaultdict(list)
                for t in terms:
                    groups[t[:2]].append(t)
            for key, group in groups.items():
                out[key] = {"terms": group, "postings": [coded[t] for t in group]}
        return out
