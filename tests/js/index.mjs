/* A small directory or site index built in memory, in the shape vrp/search writes (postings as
   tests/js/cases.json specifies them), so the engine's rules can be tested in milliseconds. */
import { Directory, SiteIndex, words } from "../../docs/assets/javascripts/search-engine.mjs";

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
export const STOP = ["a", "about", "and", "am", "an", "are", "at", "i", "in", "is", "it", "me", "my", "of", "on", "the", "to", "what"];

function varint(value) {
  const groups = [];
  do { groups.push(value & 31); value = Math.floor(value / 32); } while (value);
  groups.reverse();
  return groups.slice(0, -1).map((g) => DIGITS[g | 32]).join("") + DIGITS[groups[groups.length - 1]];
}

export function postings(found) {
  let previous = -1, out = "";
  for (const doc of Object.keys(found).map(Number).sort((a, b) => a - b)) {
    out += varint(((doc - previous - 1) * 16) + found[doc]);
    previous = doc;
  }
  return out;
}

function terms(texts) {
  const found = {};
  texts.forEach((parts, doc) => {
    for (const [bit, text] of parts) {
      for (const w of new Set(words(text))) {
        if (STOP.includes(w)) continue;
        found[w] ||= {};
        found[w][doc] = (found[w][doc] || 0) | bit;
      }
    }
  });
  const shards = {};
  for (const w of Object.keys(found).sort()) {
    (shards[w[0]] ||= { terms: [], postings: [] }).terms.push(w);
    shards[w[0]].postings.push(postings(found[w]));
  }
  return { found, shards };
}

export const VOCAB = {
  areas: [{ id: "bristol", label: "Bristol" }, { id: "somerset", label: "Somerset" }],
  types: [{ id: "helpline", label: "Helpline", kind: "service" }, { id: "local-service", label: "Local service", kind: "service" },
    { id: "guidance", label: "Guidance", kind: "document" }, { id: "evidence", label: "Evidence and data", kind: "document" },
    { id: "training", label: "Training", kind: "other" }],
  audiences: [{ id: "public", label: "Members of the public" }, { id: "schools", label: "Schools" }],
  topics: [{ id: "knife-crime", label: "Knife crime" }, { id: "youth-violence", label: "Youth violence" },
    { id: "mental-health", label: "Mental health" }, { id: "stalking", label: "Stalking and harassment" },
    { id: "public-health", label: "Public health approach" }],
};

export const SYNONYMS = [
  { words: ["knife", "knives", "blade", "stabbing", "stabbed", "carries a knife"], topics: ["knife-crime"] },
  { words: ["bullying", "bullied"], topics: ["youth-violence", "mental-health"] },
  { words: ["stalking", "stalked", "following me", "keeps following"], topics: ["stalking"] },
  { words: ["prevention", "what works"], topics: ["public-health"], need: false },
];

const index = (list, id) => list.findIndex((x) => x.id === id);
const bits = (ids, list) => ids.reduce((total, id) => total | (1 << (id === "all" ? list.length : index(list, id))), 0);

/* A Directory over `entries` ({id, title, organisation, description, type, areas, audiences, topics}),
   in the order given, every piece already loaded. */
export async function directory(entries, synonyms = SYNONYMS) {
  const { found, shards } = terms(entries.map((e) => [[1, e.title], [2, e.organisation], [4, e.description]]));
  const files = {
    "facets.json": {
      type: entries.map((e) => index(VOCAB.types, e.type)),
      areas: entries.map((e) => bits(e.areas, VOCAB.areas)),
      audiences: entries.map((e) => bits(e.audiences || ["public"], VOCAB.audiences)),
      topics: entries.map((e) => bits(e.topics, VOCAB.topics)),
      card: entries.map((_, i) => i),
    },
    "synonyms.json": Object.fromEntries(synonyms.flatMap((g) => g.words).filter((w) => found[w]).map((w) => [w, postings(found[w])])),
  };
  for (const [key, shard] of Object.entries(shards)) files[`terms/${key}.json`] = shard;
  const config = {
    count: entries.length, shards: Object.keys(shards), stop: STOP, ...VOCAB,
    synonyms: synonyms.map((g) => ({ words: g.words, topics: (g.topics || []).map((t) => index(VOCAB.topics, t)),
      ...(g.need === false ? { need: false } : {}) })),
  };
  const d = new Directory(config, (name) => (name in files ? Promise.resolve(files[name]) : Promise.reject(new Error(name))));
  await d.load(["facets", "synonyms", ...config.shards]);
  return {
    ids: entries.map((e) => e.id),
    search(q, state = {}) {
      const found = d.run({ q, area: "", local: false, type: "", audience: "", topic: "", ...state });
      return Array.from(found.order, (doc) => entries[doc].id);
    },
    engine: d,
  };
}

/* A site index over `docs` ({id, title, organisation, text, kind: s|o|d, topics}), every piece loaded. */
export async function site(docs, synonyms = SYNONYMS) {
  const { shards } = terms(docs.map((d) => [[1, d.title], [2, d.organisation || ""], [4, d.text || ""]]));
  const files = {};
  for (const [key, shard] of Object.entries(shards)) files[`terms/${key}.json`] = shard;
  VOCAB.topics.forEach((t, i) => {
    const with_ = Object.fromEntries(docs.map((d, doc) => [doc, d]).filter(([, d]) => (d.topics || []).includes(t.id)).map(([doc]) => [doc, 8]));
    files[`topics/${i}.json`] = postings(with_);
  });
  const config = { count: docs.length, shards: Object.keys(shards), stop: STOP, kinds: docs.map((d) => d.kind).join(""),
    topics: VOCAB.topics.map((t) => t.label),
    synonyms: synonyms.map((g) => ({ words: g.words, topics: (g.topics || []).map((t) => index(VOCAB.topics, t)),
      ...(g.need === false ? { need: false } : {}) })) };
  const s = new SiteIndex(config, (name) => (name in files ? Promise.resolve(files[name]) : Promise.reject(new Error(name))));
  return {
    async search(q) {
      await s.prepare(q);
      return Array.from(s.run(q).order, (doc) => docs[doc].id);
    },
  };
}
