/* The engine splits words, reads postings and finds other forms of a word as the one specification says
   (tests/js/cases.json, which tests/test_search_words.py holds the Python side to). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { decode, variants, Vocabulary, words } from "../../docs/assets/javascripts/search-engine.mjs";

const cases = JSON.parse(readFileSync(new URL("cases.json", import.meta.url), "utf8"));

test("words are split as the specification says", () => {
  for (const [text, expected] of cases.words) assert.deepEqual(words(text), expected, text);
});

test("postings are read as the specification says", () => {
  for (const [found, encoded] of cases.postings) {
    const decoded = decode(encoded);
    const pairs = Array.from(decoded.docs, (doc, i) => [String(doc), decoded.where[i]]);
    assert.deepEqual(Object.fromEntries(pairs), found, encoded);
  }
});

test("a word is also looked for without its plural or ending", () => {
  const forms = (w) => variants(w).map(([form]) => form);
  assert.ok(forms("anonymously").includes("anonymous"));
  assert.ok(forms("following").includes("follow"));
  assert.ok(forms("stabbing").includes("stab"));
  assert.ok(forms("knives").includes("knife"));
  assert.ok(forms("bullied").includes("bully"));
  assert.ok(forms("charities").includes("charity"));
  assert.deepEqual(forms("being"), []); // too short a stem to mean anything
  assert.deepEqual(forms("grass"), []); // not a plural
});

test("small words around the ones that matter are dropped, and a phrase is one unit", () => {
  const v = new Vocabulary({ stop: cases["small words"], synonyms: [{ words: ["hit me", "domestic abuse"], topics: [0] }] });
  const units = v.parse("my partner hit me and I am scared");
  assert.deepEqual(units.map((u) => u.words), [["partner"], ["hit"], ["scared"]]);
  assert.equal(units[1].key, "hit me");
  assert.ok(units[1].need && units[1].grouped && units[1].topics === 1);
  assert.ok(!units[0].grouped && !units[2].grouped);
  assert.deepEqual(v.parse("my me and"), []); // nothing left to look for
  assert.deepEqual(v.parse("domestic ab").map((u) => u.key), ["domestic abuse"]); // typed so far
});
