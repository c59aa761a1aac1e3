/* The search engine of the resource directory and of the site search: one way to read what people type,
   one way to find it, one rule for the order. It draws nothing and knows nothing of the page; it runs the
   same in the browser and under Node (tests/js/, bench/relevance.mjs).

   Reading a query. Words are split as vrp/search/words.py splits the text it indexes (lower case, accents
   and apostrophes dropped, "Men's" is "men"). The small words around the ones that matter ("my", "me",
   "and") are dropped. A phrase of the shared synonym list (data/synonyms.yml: "hit me", "county lines")
   is one unit, and a unit in a group also looks for the group's other words and its topics.

   Finding a word: as it is, as the start of a word (never the middle: "men" never finds "women"), with a
   plural or an ending dropped ("knives" finds "knife", "anonymously" finds "anonymous", "following" finds
   "follow"), or with a typo in a longer word (one letter from 4 letters, two from 7; the first letter
   right). A word the index or the synonym list has as it is is never read as a typo of another
   ("stabbing" is never "stalking").

   How results are ordered (the same rule in the directory and the site search):
   1. A need before documents. When the words name a need or a situation (a word or phrase of a synonym
      group), and none names a way of working (a group that says `need: false`: "prevention"), services
      that help come first (helplines, local and national services; in the site search, Get help too),
      then everything else, and documents (guidance, strategies, evidence, data) last, unless the words
      are a page's or document's own name (every word, two at least, in its name). Words beside a need ("someone
      keeps following me") then help the order but are not required.
   An entry with every topic of the words ("bullied": youth violence and mental health) counts as a
   closer match than one with only one of them.
   2. Then entries with more of the words (every required word, if any entry has them all).
   3. Then where the words are: in the name (4 points), a topic (3), the organisation, type or audience
      (2), the description or an area (1). With an area chosen, its local services gain a point: a local
      service about the words comes before a national one about them, and level with a national one named
      for them (the closer match then first); one that only mentions them does not. With no area chosen, a
      service anyone can use gains the point instead.
   4. Then how closely and how rare the words are, in steps of a quarter; then the directory's own order
      (by type, those for the chosen area alone first, then as in the file). */

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
const VALUE = new Int8Array(128);
for (let d = 0; d < DIGITS.length; d++) VALUE[DIGITS.charCodeAt(d)] = d;
const MAX_UNITS = 8;
// How closely a word of the text matched a word of the query.
export const CLOSE = { exact: 1, plural: 0.9, synonym: 0.8, ending: 0.7, start: 0.6, endingStart: 0.55,
  synonymWord: 0.5, typo: 0.45, typoStart: 0.35, twoTypos: 0.3 };
const TOPIC = 1.6; // a topic counts as much as a fairly rare word of the name
export const WHERE = { name: 1, organisation: 2, description: 4, topic: 8 }; // bits in the postings
const POINTS = [[WHERE.name, 4], [WHERE.topic, 3], [WHERE.organisation, 2], [WHERE.description, 1]];
export const TIER = { service: 2, other: 1, document: 0 };

/* Lower-case words without accents, possessives or apostrophes: vrp/search/words.py, word for word. */
export function words(text) {
  const found = String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/['\u2019]s\b/g, "").replace(/['\u2018\u2019]/g, "").match(/[a-z0-9]+/g);
  return found || [];
}

/* Edit distance (swapped neighbours count as one edit), or limit + 1 once it is over the limit. */
export function distance(a, b, limit) {
  const n = a.length, m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  let before = null, previous = [];
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    const current = [i];
    let lowest = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current[j] = value;
      if (value < lowest) lowest = value;
    }
    if (lowest > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[m];
}

/* The entries a word is in (vrp/search/postings.py): each gap from the one before, then where (4 bits). */
export function decode(text) {
  const docs = [], where = [];
  let previous = -1, acc = 0;
  for (let i = 0; i < text.length; i++) {
    const value = VALUE[text.charCodeAt(i)];
    acc = acc * 32 + (value & 31);
    if (value < 32) {
      previous += 1 + Math.floor(acc / 16);
      docs.push(previous);
      where.push(acc & 15);
      acc = 0;
    }
  }
  return { docs: Int32Array.from(docs), where: Uint8Array.from(where) };
}

/* Other forms of a typed word to look for: its singular, or its stem without an ending, with how
   closely each matches. A stem is also found as the start of a word ("follow" finds "followed"). */
export function variants(word) {
  const n = word.length, out = [];
  const add = (form, close) => { if (form.length >= 3 && form !== word && !out.some((v) => v[0] === form)) out.push([form, close]); };
  if (n > 4 && word.endsWith("ies")) add(word.slice(0, -3) + "y", CLOSE.plural);
  if (n > 4 && word.endsWith("ves")) { add(word.slice(0, -3) + "fe", CLOSE.plural); add(word.slice(0, -3) + "f", CLOSE.plural); }
  if (n > 3 && word.endsWith("es")) add(word.slice(0, -2), CLOSE.plural);
  if (n > 3 && word.endsWith("s") && !word.endsWith("ss")) add(word.slice(0, -1), CLOSE.plural);
  const stem = (base) => {
    add(base, CLOSE.ending);
    if (/([bdfglmnprt])\1$/.test(base)) add(base.slice(0, -1), CLOSE.ending); // "stabb" -> "stab"
    else add(base + "e", CLOSE.ending); // "hated" -> "hate"
  };
  if (n > 5 && word.endsWith("ly")) add(word.slice(0, -2), CLOSE.ending);
  if (n > 5 && word.endsWith("ing")) stem(word.slice(0, -3));
  if (n > 4 && word.endsWith("ied")) add(word.slice(0, -3) + "y", CLOSE.ending);
  else if (n > 4 && word.endsWith("ed")) stem(word.slice(0, -2));
  return out;
}

function rarity(count, docs) {
  return 1 + Math.log(1 + count / Math.max(1, docs)) / Math.log(1 + count);
}

function points(bits) {
  for (const [bit, value] of POINTS) if (bits & bit) return value;
  return 0;
}

/* The vocabulary of a search: the small words to drop, the synonym groups, and the labels that can be
   matched as words (topics, types, audiences, areas), from the settings vrp/search writes. */
export class Vocabulary {
  constructor(config) {
    this.stop = new Set(config.stop);
    this.synonymWords = new Set();
    this.groups = config.synonyms.map((group) => {
      let topics = 0;
      group.topics.forEach((t) => { topics |= 1 << t; });
      group.words.forEach((w) => words(w).forEach((part) => this.synonymWords.add(part)));
      return { phrases: group.words.map(words).filter((p) => p.length), topics, need: group.need !== false };
    });
  }

  /* The query as units: a synonym phrase ("self harm", "hit me") or one word, the small words dropped.
     `typing`: the last word may be unfinished (no space after it). */
  parse(query) {
    const tokens = words(query), typing = /[a-z0-9]$/i.test(query), units = [];
    let i = 0;
    while (i < tokens.length && units.length < MAX_UNITS) {
      let best = null;
      for (const group of this.groups) {
        for (const phrase of group.phrases) {
          if (phrase.length < 2 || (best && best.length >= phrase.length)) continue;
          let ok = true;
          for (let k = 0; k < phrase.length && ok; k++) {
            const token = tokens[i + k], last = i + k === tokens.length - 1;
            ok = token !== undefined && (token === phrase[k] || (last && typing && k === phrase.length - 1
              && token.length >= 2 && phrase[k].startsWith(token)));
          }
          if (ok) best = phrase;
        }
      }
      if (best) {
        units.push(this.unit(best.filter((w) => !this.stop.has(w)), best, false));
        i += best.length;
        continue;
      }
      if (!this.stop.has(tokens[i])) units.push(this.unit([tokens[i]], [tokens[i]], typing && i === tokens.length - 1));
      i += 1;
    }
    return units.filter((u) => u.words.length || u.topics);
  }

  /* One unit: its words, its synonym groups' topics and other single words, and whether it names a need. */
  unit(unitWords, phrase, typing) {
    let topics = 0, need = false, grouped = false;
    const extra = new Set(), key = phrase.join(" ");
    for (const group of this.groups) {
      const hit = group.phrases.some((p) => {
        if (p.join(" ") === key) return true;
        if (phrase.length !== 1 || p.length !== 1) return false;
        const w = phrase[0];
        return (typing && w.length >= 3 && p[0].startsWith(w)) || (w.length >= 5 && p[0][0] === w[0] && distance(w, p[0], 1) <= 1)
          || variants(w).some(([form]) => form === p[0]);
      });
      if (!hit) continue;
      topics |= group.topics;
      need = need || group.need;
      grouped = true;
      group.phrases.forEach((p) => { if (p.length === 1 && p[0] !== phrase[0]) extra.add(p[0]); });
    }
    return { words: unitWords, extra: Array.from(extra), topics, need, grouped, key };
  }
}

/* Terms split into shards by a short prefix, each fetched when a query needs it (vrp/search/postings.py). */
export class Index {
  constructor(config, fetchJSON) {
    this.config = config;
    this.count = config.count;
    this.fetchJSON = fetchJSON;
    this.vocabulary = new Vocabulary(config);
    this.shardKeys = config.shards.slice().sort((a, b) => b.length - a.length);
    this.loaded = {};
    this.loading = {};
    this.shards = {};
    this.decoded = new Map();
    this.matchCache = new Map();
  }

  /* The shard that holds a word, and every shard a word start could reach. */
  shardOf(word) { return this.shardKeys.find((key) => word.startsWith(key)); }
  shardsFrom(start) { return this.shardKeys.filter((key) => key.startsWith(start) || start.startsWith(key)); }

  fileOf(name) { return "terms/" + name + ".json"; }

  /* What a query still needs fetched: the shards of its words, their other forms and synonyms; once
     those are here, for a word the index does not know, every shard of its first letter (for typos). */
  needs(units) {
    const names = new Set(this.base());
    const want = (word, whole) => (whole ? this.shardsFrom(word) : [this.shardOf(word)]).forEach((k) => k && names.add(k));
    for (const unit of units) {
      for (const w of unit.words) {
        want(w, true);
        variants(w).forEach(([form]) => want(form, true));
        if (w.length >= 4 && this.ready([this.shardOf(w)].filter(Boolean)) && !this.known(w)) want(w[0], true);
      }
      unit.extra.forEach((w) => this.wantExtra(w, names, want));
    }
    return Array.from(names);
  }

  base() { return []; }
  wantExtra(word, names, want) { want(word, false); }

  ready(names) { return names.every((name) => this.loaded[name]); }

  load(names) {
    return Promise.all(names.map((name) => {
      if (this.loaded[name]) return null;
      if (!this.loading[name]) {
        this.loading[name] = this.fetchJSON(this.fileOf(name)).then((data) => {
          this.accept(name, data);
          this.loaded[name] = true;
        }, (error) => {
          delete this.loading[name];
          throw error;
        });
      }
      return this.loading[name];
    }));
  }

  accept(name, data) { this.shards[name] = data; }

  /* Fetches all a query needs, in as many rounds as it takes (typos need a second). */
  async prepare(query) {
    const units = this.vocabulary.parse(query);
    for (let round = 0; round < 3; round++) {
      const names = this.needs(units);
      if (this.ready(names)) return;
      await this.load(names);
    }
  }

  postings(key, index) {
    const id = key + " " + index;
    let found = this.decoded.get(id);
    if (!found) {
      found = decode(this.shards[key].postings[index]);
      this.decoded.set(id, found);
    }
    return found;
  }

  /* A word the index or the synonym list has as it is: never read as a typo of another. */
  known(word) {
    if (this.vocabulary.synonymWords.has(word)) return true;
    const shard = this.shards[this.shardOf(word)];
    const terms = shard ? shard.terms : [];
    let lo = 0, hi = terms.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (terms[mid] < word) lo = mid + 1; else hi = mid; }
    return terms[lo] === word;
  }

  /* Every term of the loaded shards that starts with `start`, as [shard, index, term]. */
  *startingWith(start) {
    for (const key of this.shardsFrom(start)) {
      const shard = this.shards[key];
      if (!shard) continue;
      const terms = shard.terms;
      let lo = 0, hi = terms.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (terms[mid] < start) lo = mid + 1; else hi = mid; }
      for (let i = lo; i < terms.length && terms[i].startsWith(start); i++) yield [key, i, terms[i]];
    }
  }

  /* The terms that match a query word: [shard, index, closeness] for each. */
  terms(word) {
    const cached = this.matchCache.get(word);
    if (cached) return cached;
    const best = new Map();
    const note = (key, i, close) => {
      const id = key + " " + i;
      if (!best.has(id) || best.get(id)[2] < close) best.set(id, [key, i, close]);
    };
    for (const [key, i, term] of this.startingWith(word)) note(key, i, term === word ? CLOSE.exact : CLOSE.start);
    for (const [form, close] of variants(word)) {
      for (const [key, i, term] of this.startingWith(form)) {
        if (term === form) note(key, i, close);
        else if (close === CLOSE.ending && term.length <= form.length + 3) note(key, i, CLOSE.endingStart);
      }
    }
    const n = word.length, limit = this.known(word) ? 0 : n >= 7 ? 2 : n >= 4 ? 1 : 0;
    if (limit) {
      for (const [key, i, term] of this.startingWith(word[0])) {
        if (term.startsWith(word)) continue;
        const whole = distance(word, term, limit);
        if (whole <= limit) note(key, i, whole === 1 ? CLOSE.typo : CLOSE.twoTypos);
        else if (n >= 5 && term.length > n && distance(word, term.slice(0, n), 1) <= 1) note(key, i, CLOSE.typoStart);
      }
    }
    const out = Array.from(best.values());
    this.matchCache.set(word, out);
    return out;
  }

  /* Marks where one word is found: `value` the points of the best place, `weight` how closely and how
     rare, `bits` every place; `all` (optional) the best closeness alone. */
  mark(word, found, all) {
    for (const [key, i, close] of this.terms(word)) this.apply(this.postings(key, i), close, found, all);
  }

  apply(p, close, found, all, as) {
    const docs = p.docs, where = p.where, w = close * rarity(this.count, docs.length);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i], bits = as || where[i], v = points(bits);
      found.bits[doc] |= bits;
      if (v > found.value[doc] || (v === found.value[doc] && w > found.weight[doc])) { found.value[doc] = v; found.weight[doc] = w; }
      if (all && w > all[doc]) all[doc] = w;
    }
  }

  blank() {
    const n = this.count;
    return { value: new Uint8Array(n), weight: new Float32Array(n), bits: new Uint8Array(n) };
  }

  /* Where one unit is found in each doc (value: 0 not found, else its points; weight; bits). */
  score(unit) {
    const n = this.count, found = this.blank(), self = this;
    const text = new Float32Array(n), synonyms = new Float32Array(n), labels = new Float32Array(n);
    if (unit.words.length === 1) this.mark(unit.words[0], found, text);
    else if (unit.words.length > 1) {
      // A phrase found in the text: every word of it in the doc; its place is the weakest word's.
      const parts = unit.words.map((w) => { const f = self.blank(); self.mark(w, f); return f; });
      for (let doc = 0; doc < n; doc++) {
        let low = 4, sum = 0, bits = 255;
        for (const part of parts) { low = Math.min(low, part.value[doc]); sum += part.weight[doc]; bits &= part.bits[doc] || 0; }
        if (low) { found.value[doc] = low; found.weight[doc] = text[doc] = sum / parts.length; found.bits[doc] = bits || WHERE.description; }
      }
    }
    unit.extra.forEach((w) => this.markSynonym(w, found, synonyms));
    this.markLabels(unit, found, labels);
    // The best match counts most; the best of each kind adds two fifths of its weight, so a doc found
    // by its words and its topic comes before one found by only one of them.
    for (let i = 0; i < n; i++) if (found.value[i]) found.weight[i] = 0.6 * found.weight[i] + 0.4 * (text[i] + synonyms[i] + labels[i]);
    return found;
  }

  markSynonym(word, found, all) {
    for (const [key, i, close] of this.terms(word)) {
      if (close !== CLOSE.exact && close !== CLOSE.plural) continue;
      this.apply(this.postings(key, i), CLOSE.synonymWord, found, all, WHERE.description);
    }
  }

  markLabels() {}

  /* Whether a unit is a word of the site's own vocabulary (a type, audience or area), never left out. */
  isLabel() { return false; }

  /* One number per doc, largest first (2^50 at most, so exact in a double): tier, words found, points,
     weight in quarter steps, then `rest` (0-31) and the position (earlier first). */
  static key(tier, found, pts, weight, rest, doc) {
    let key = ((tier * 16 + Math.min(15, found)) * 64 + Math.min(63, pts)) * 4096 + Math.min(4095, Math.round(weight * 4));
    key = key * 32 + rest;
    return key * 1048576 + (1048575 - doc);
  }

  /* The docs in order, best first, from the keys made by key(). */
  static order(keys) {
    const sorted = Float64Array.from(keys).sort(), order = new Int32Array(sorted.length);
    for (let i = 0; i < sorted.length; i++) order[i] = 1048575 - (sorted[sorted.length - 1 - i] % 1048576);
    return order;
  }

  /* The ranking core, shared: `kinds(doc)` gives a doc's tier kind, `keep(doc)` whether filters allow it,
     `bonus(doc)` its local point, `rest(doc)` its place in the directory's own order. */
  rank(query, { keep, kinds, bonus, rest }) {
    const units = this.vocabulary.parse(query || "");
    const scored = units.map((u) => this.score(u));
    // With a need named, the other words help the order but are not required, unless they are words
    // the site knows (a synonym or a label): "knife training" still wants training. Words that name a
    // way of working ("what works to prevent violence") ask for no need's order.
    const needs = units.some((u) => u.need) && !units.some((u) => u.grouped && !u.need);
    const required = units.map((u) => !needs || u.grouped || this.isLabel(u));
    const requiredCount = required.filter(Boolean).length;
    const n = this.count, keys = [], docs = [];
    let partial = false;
    for (let pass = 0; pass < 2 && !keys.length; pass++) {
      const needAll = pass === 0;
      if (!needAll && requiredCount < 2) break;
      docs.length = 0;
      for (let doc = 0; doc < n; doc++) {
        if (!keep(doc)) continue;
        let found = 0, pts = 0, weight = 0, named = 0, extra = 0;
        for (let u = 0; u < units.length; u++) {
          const v = scored[u].value[doc];
          if (!v) continue;
          if (required[u]) { found += 1; pts += v; weight += scored[u].weight[doc]; } else extra += scored[u].weight[doc];
          if (scored[u].bits[doc] & WHERE.name) named += 1;
        }
        if (units.length && (needAll ? found < requiredCount : !found)) continue;
        // A page or document named by the words ("what is a violence reduction partnership") is not put after services.
        const tier = !needs ? 0 : named === units.length && units.length >= 2 ? TIER.service : TIER[kinds(doc)];
        const b = bonus(doc);
        keys.push(Index.key(tier, found, pts + b, weight + extra / 4, rest(doc), doc));
        docs.push(doc);
      }
      partial = !needAll;
    }
    return { order: Index.order(keys), matched: docs.slice(), partial: partial && keys.length > 0, units };
  }
}

/* The directory: entries with facets (type, areas, audiences, topics as bit sets) for its filters. */
export class Directory extends Index {
  constructor(config, fetchJSON) {
    super(config, fetchJSON);
    this.facets = null;
    this.allBit = 1 << config.areas.length;
    const tokens = (list) => list.map((entry, i) => ({ bit: 1 << i,
      words: words(entry.label).filter((w) => !this.vocabulary.stop.has(w)) }));
    this.labels = [
      { kind: "topics", value: 3, where: WHERE.topic, entries: tokens(config.topics) },
      { kind: "type", value: 2, where: WHERE.organisation, entries: tokens(config.types) },
      { kind: "audiences", value: 2, where: WHERE.organisation, entries: tokens(config.audiences) },
      { kind: "areas", value: 1, where: WHERE.description, entries: tokens(config.areas) },
    ];
    this.typeKind = config.types.map((t) => t.kind);
  }

  isLabel(unit) {
    return this.labels.some((group) => group.kind !== "topics" && group.entries.some((label) => this.labelCloseness(unit, label) >= CLOSE.plural));
  }

  base() { return ["facets"]; }
  wantExtra(word, names) { names.add("synonyms"); }
  fileOf(name) { return name === "facets" || name === "synonyms" ? name + ".json" : super.fileOf(name); }
  accept(name, data) {
    if (name === "facets") this.facets = data;
    else if (name === "synonyms") this.synonymPostings = data;
    else super.accept(name, data);
  }

  /* A single word of the synonym list, found as it is, from synonyms.json (no shard for each). */
  markSynonym(word, found, all) {
    const key = "~" + word, text = (this.synonymPostings || {})[word];
    if (!text) return;
    let p = this.decoded.get(key);
    if (!p) { p = decode(text); this.decoded.set(key, p); }
    this.apply(p, CLOSE.synonymWord, found, all, WHERE.description);
  }

  /* How closely a unit matches a label ("Knife crime", "Young people"): every word of the unit a word of
     the label or the start of one, or one typo away from one. */
  labelCloseness(unit, label) {
    let total = 1;
    for (const w of unit.words) {
      let best = 0;
      const limit = this.known(w) ? 0 : w.length >= 7 ? 2 : w.length >= 4 ? 1 : 0;
      for (const lw of label.words) {
        const c = lw === w ? CLOSE.exact : lw.startsWith(w) ? CLOSE.start
          : variants(w).some(([form]) => form === lw) ? CLOSE.plural
            : limit && lw[0] === w[0] && distance(w, lw, limit) <= limit ? CLOSE.typo : 0;
        if (c > best) best = c;
      }
      if (!best) return 0;
      total = Math.min(total, best);
    }
    return unit.words.length ? total : 0;
  }

  /* How much a topic says about each entry: all of it for an entry with one topic, less with more. */
  focus() {
    if (!this.focusCache) {
      const topics = this.facets.topics, out = new Float32Array(topics.length);
      for (let i = 0; i < topics.length; i++) {
        let k = 0;
        for (let bits = topics[i]; bits; bits &= bits - 1) k += 1;
        out[i] = (1 + 1 / Math.max(1, k)) / 2;
      }
      this.focusCache = out;
    }
    return this.focusCache;
  }

  markLabels(unit, found, labels) {
    const f = this.facets, n = this.count;
    for (const group of this.labels) {
      const matched = [];
      for (const label of group.entries) {
        let c = this.labelCloseness(unit, label);
        if (group.kind === "topics" && (unit.topics & label.bit)) c = Math.max(c, CLOSE.synonym);
        if (c) matched.push([label.bit, c * (group.kind === "topics" ? TOPIC : 1)]);
      }
      if (!matched.length) continue;
      const isType = group.kind === "type", list = isType ? f.type : f[group.kind];
      const focus = group.kind === "topics" ? this.focus() : null;
      for (let doc = 0; doc < n; doc++) {
        const bits = isType ? 1 << list[doc] : list[doc];
        let best = 0, also = 0;
        for (const [bit, weight] of matched) {
          if (!(bits & bit)) continue;
          if (weight > best) { also += best; best = weight; } else also += weight;
        }
        if (!best) continue;
        // An entry with every topic of the words ("bullied": youth violence and mental health) before
        // one with only one of them; a topic says less of an entry with many.
        let w = best + also;
        if (focus) w *= focus[doc];
        if (w > labels[doc]) labels[doc] = w;
        found.bits[doc] |= group.where;
        if (group.value > found.value[doc] || (group.value === found.value[doc] && w > found.weight[doc])) {
          found.value[doc] = group.value;
          found.weight[doc] = w;
        }
      }
    }
  }

  /* The ranked entries for a state {q, area, local, type, audience, topic}: {order (entry positions,
     best first), localCount (how many of all the matches, before "only local", are local to the chosen
     area, or local at all), partial (no entry had every word)}. Needs prepare(q) first. */
  run(state) {
    const f = this.facets, cfg = this.config;
    const index = (list, id) => list.findIndex((x) => x.id === id);
    const areaBit = state.area ? 1 << index(cfg.areas, state.area) : 0;
    const type = state.type ? index(cfg.types, state.type) : -1;
    const audienceBit = state.audience ? 1 << index(cfg.audiences, state.audience) : 0;
    const topicBit = state.topic ? 1 << index(cfg.topics, state.topic) : 0;
    const allBit = this.allBit;
    const local = (doc) => !(f.areas[doc] & allBit);
    const filtered = (doc) => !((areaBit && !(f.areas[doc] & areaBit) && !(f.areas[doc] & allBit))
      || (type >= 0 && f.type[doc] !== type) || (audienceBit && !(f.audiences[doc] & audienceBit))
      || (topicBit && !(f.topics[doc] & topicBit)));
    const found = this.rank(state.q, {
      keep: (doc) => filtered(doc) && (!state.local || local(doc)),
      kinds: (doc) => this.typeKind[f.type[doc]],
      bonus: (doc) => ((areaBit ? local(doc) : !local(doc)) ? 1 : 0),
      rest: (doc) => (15 - Math.min(15, f.type[doc])) * 2 + (areaBit && f.areas[doc] === areaBit ? 1 : 0),
    });
    // With "only local" on, every match is local: the count is the same as the local ones among all.
    let localCount = 0;
    found.matched.forEach((doc) => { if (local(doc)) localCount += 1; });
    return { order: found.order, localCount, partial: found.partial, words: found.units.length };
  }
}

/* The site search: every section of the site's pages and every directory entry, each with its kind
   (service, other, document) in one letter, "S" for a service anyone can use (a national entry, Get help),
   and its topics as postings of their own. */
export class SiteIndex extends Index {
  constructor(config, fetchJSON) {
    super(config, fetchJSON);
    this.kindOf = { s: "service", S: "service", o: "other", d: "document" }; // S: a service anyone can use
  }

  wantExtra(word, names, want) { want(word, false); }
  needs(units) {
    const names = new Set(super.needs(units));
    units.forEach((u) => this.topicsOf(u).forEach((t) => names.add("#" + t)));
    return Array.from(names);
  }
  topicsOf(unit) { return this.config.topics.map((_, i) => i).filter((i) => unit.topics & (1 << i)); }
  fileOf(name) { return name[0] === "#" ? "topics/" + name.slice(1) + ".json" : super.fileOf(name); }
  accept(name, data) {
    if (name[0] === "#") this.shards[name] = { postings: [data] };
    else super.accept(name, data);
  }

  markLabels(unit, found, labels) {
    // As in the directory: a doc with every topic of the words before one with only one of them.
    const topics = this.topicsOf(unit).filter((t) => this.loaded["#" + t]), count = new Uint8Array(this.count);
    for (const t of topics) {
      const docs = this.postings("#" + t, 0).docs;
      for (let i = 0; i < docs.length; i++) count[docs[i]] += 1;
    }
    const w = CLOSE.synonym * TOPIC / 2;
    for (let doc = 0; doc < this.count; doc++) {
      if (!count[doc]) continue;
      const weight = w * count[doc];
      if (weight > labels[doc]) labels[doc] = weight;
      found.bits[doc] |= WHERE.topic;
      if (3 > found.value[doc] || (found.value[doc] === 3 && weight > found.weight[doc])) { found.value[doc] = 3; found.weight[doc] = weight; }
    }
  }

  /* The ranked docs for the words: {order, partial}. Needs prepare(q) first. */
  run(query) {
    const kinds = this.config.kinds;
    return this.rank(query, {
      keep: () => true,
      kinds: (doc) => this.kindOf[kinds[doc]],
      bonus: (doc) => (kinds[doc] === "S" ? 1 : 0), // no area is chosen here: the point goes to those anyone can use
      rest: (doc) => (kinds[doc] === "s" || kinds[doc] === "S" ? 2 : kinds[doc] === "o" ? 1 : 0),
    });
  }
}
