/* The directory's search engine (window.VrpSearch), used by directory.js; it draws nothing itself.

   It ranks entries from the pieces vrp/pages/directory.py writes at build time, fetching each only when a
   search or filter needs it: facets.json (each entry's type, areas, audiences and topics, as bit sets),
   terms/<first letter>.json (each word, with the entries it is in and where: name, organisation or
   description) and synonyms.json (the synonym list's words, likewise). So the first query at 10,000
   entries fetches the facets and a letter or two, not the directory.

   Matching is by whole words or word starts, never the middle of a word ("men" finds "Men's Advice
   Line", never "women"), with room for a typo in longer words ("domestik", "harrasment": one letter
   wrong from 4 letters, two from 7; the first letter must be right), simple plurals ("charities"),
   and the shared synonym list (data/synonyms.yml): a word or phrase of a group also finds the group's
   topics and its other words ("self harm" finds the mental health services). Every word or phrase
   must be found, unless nothing has them all: then the entries with the most of them come first.

   The order: with an area chosen, its local services first; then by where the words were found: the
   name (4 points each), a topic (3), the organisation, type or audience (2), the description or an area
   (1); then by how closely (exact, plural, word start, typo) and how rare the word is, in steps of a
   quarter; then the directory's own order. Words are split as vrp/pages/directory.py splits them. */
(function () {
  "use strict";

  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var VALUE = new Int8Array(128);
  for (var d = 0; d < DIGITS.length; d++) VALUE[DIGITS.charCodeAt(d)] = d;
  var MAX_UNITS = 8;
  // How closely a word of the entry matched a word of the query.
  var EXACT = 1, PLURAL = 0.9, SYNONYM = 0.8, START = 0.6, SYNONYM_WORD = 0.5, TYPO = 0.45, TYPO_START = 0.35,
    TWO_TYPOS = 0.3;
  var TOPIC = 1.6; // a topic counts as much as a fairly rare word of the name

  function words(text) {
    var found = String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/['\u2019]s\b/g, "").replace(/['\u2018\u2019]/g, "").match(/[a-z0-9]+/g);
    return found || [];
  }

  // Edit distance (with swapped neighbours counting as one edit), or limit + 1 once it is over limit.
  function distance(a, b, limit) {
    var n = a.length, m = b.length;
    if (Math.abs(n - m) > limit) return limit + 1;
    var before = null, previous = [], current = [];
    for (var j = 0; j <= m; j++) previous[j] = j;
    for (var i = 1; i <= n; i++) {
      current = [i];
      var lowest = i;
      for (j = 1; j <= m; j++) {
        var cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, before[j - 2] + 1);
        }
        current[j] = value;
        if (value < lowest) lowest = value;
      }
      if (lowest > limit) return limit + 1;
      before = previous;
      previous = current;
    }
    return previous[m];
  }

  // The entries a word is in, decoded once: each gap from the entry before, then 3 bits of where.
  function decode(text) {
    var docs = [], where = [], previous = -1, acc = 0;
    for (var i = 0; i < text.length; i++) {
      var value = VALUE[text.charCodeAt(i)];
      acc = acc * 32 + (value & 31);
      if (value < 32) {
        previous += 1 + Math.floor(acc / 8);
        docs.push(previous);
        where.push(acc & 7);
        acc = 0;
      }
    }
    return { docs: Int32Array.from(docs), where: Uint8Array.from(where) };
  }

  function Search(config, fetchJSON) {
    var self = this;
    this.config = config;
    this.count = config.count;
    this.fetchJSON = fetchJSON;
    this.stop = new Set(config.stop);
    this.loaded = {};
    this.loading = {};
    this.facets = null;
    this.shards = {};
    this.decoded = new Map();
    this.matchCache = new Map();
    this.allBit = 1 << config.areas.length;
    function tokens(list) {
      return list.map(function (entry, i) {
        return { bit: 1 << i, words: words(entry.label).filter(function (w) { return !self.stop.has(w); }) };
      });
    }
    this.labels = [
      { kind: "topics", value: 3, entries: tokens(config.topics) },
      { kind: "type", value: 2, entries: tokens(config.types) },
      { kind: "audiences", value: 2, entries: tokens(config.audiences) },
      { kind: "areas", value: 1, entries: tokens(config.areas) }
    ];
    this.synonymWords = new Set();
    config.synonyms.forEach(function (group) {
      group.words.forEach(function (w) { words(w).forEach(function (part) { self.synonymWords.add(part); }); });
    });
    this.groups = config.synonyms.map(function (group) {
      var topics = 0;
      group.topics.forEach(function (t) { topics |= 1 << t; });
      return { phrases: group.words.map(words).filter(function (p) { return p.length; }), topics: topics };
    });
  }

  // What a query needs fetched: the facets, and the letters its words (and their synonyms) begin with.
  Search.prototype.needs = function (query) {
    var letters = new Set(), self = this;
    var synonyms = false;
    this.parse(query).forEach(function (unit) {
      unit.words.forEach(function (w) { letters.add(w[0]); });
      if (unit.extra.length) synonyms = true;
    });
    return ["facets"].concat(synonyms ? ["synonyms"] : [], Array.from(letters).filter(function (l) {
      return self.config.shards.indexOf(l) >= 0;
    }));
  };

  Search.prototype.ready = function (names) {
    var self = this;
    return names.every(function (name) { return self.loaded[name]; });
  };

  Search.prototype.load = function (names) {
    var self = this;
    return Promise.all(names.map(function (name) {
      if (self.loaded[name]) return null;
      if (!self.loading[name]) {
        var file = name === "facets" || name === "synonyms" ? name + ".json" : "terms/" + name + ".json";
        self.loading[name] = self.fetchJSON(file).then(function (data) {
          if (name === "facets") self.facets = data;
          else if (name === "synonyms") self.synonymPostings = data;
          else self.shards[name] = data;
          self.loaded[name] = true;
        }, function (error) {
          delete self.loading[name];
          throw error;
        });
      }
      return self.loading[name];
    }));
  };

  // The query as units: a synonym phrase ("self harm", "hit me") or one word; common words dropped.
  Search.prototype.parse = function (query) {
    var tokens = words(query), typing = /[a-z0-9]$/i.test(query);
    var units = [], i = 0, self = this;
    while (i < tokens.length && units.length < MAX_UNITS) {
      var best = null;
      this.groups.forEach(function (group, g) {
        group.phrases.forEach(function (phrase) {
          if (phrase.length < 2 || (best && best.length >= phrase.length)) return;
          for (var k = 0; k < phrase.length; k++) {
            var token = tokens[i + k], last = i + k === tokens.length - 1;
            if (token === undefined) return;
            if (token !== phrase[k] && !(last && typing && k === phrase.length - 1 && token.length >= 2
                && phrase[k].indexOf(token) === 0)) return;
          }
          best = { length: phrase.length, phrase: phrase };
        });
      });
      if (best) {
        var phrase = best.phrase;
        units.push(this.unit(phrase.filter(function (w) { return !self.stop.has(w); }), phrase, false));
        i += best.length;
        continue;
      }
      if (!this.stop.has(tokens[i])) units.push(this.unit([tokens[i]], [tokens[i]], typing && i === tokens.length - 1));
      i += 1;
    }
    return units.filter(function (u) { return u.words.length || u.topics; });
  };

  // One unit: its words, the synonym groups it belongs to, their topics and their other single words.
  Search.prototype.unit = function (unitWords, phrase, typing) {
    var topics = 0, extra = new Set(), key = phrase.join(" ");
    this.groups.forEach(function (group) {
      var hit = group.phrases.some(function (p) {
        if (p.join(" ") === key) return true;
        if (phrase.length !== 1 || p.length !== 1) return false;
        var w = phrase[0];
        return (typing && w.length >= 3 && p[0].indexOf(w) === 0)
          || (w.length >= 5 && p[0][0] === w[0] && distance(w, p[0], 1) <= 1);
      });
      if (!hit) return;
      topics |= group.topics;
      group.phrases.forEach(function (p) { if (p.length === 1 && p[0] !== phrase[0]) extra.add(p[0]); });
    });
    return { words: unitWords, extra: Array.from(extra), topics: topics, key: key };
  };

  Search.prototype.postings = function (letter, index) {
    var key = letter + index, found = this.decoded.get(key);
    if (!found) {
      found = decode(this.shards[letter].postings[index]);
      this.decoded.set(key, found);
    }
    return found;
  };

  // The words of the index that match a query word: [letter, index, closeness] for each.
  Search.prototype.terms = function (word) {
    var key = word, cached = this.matchCache.get(key);
    if (cached) return cached;
    var out = [], shard = this.shards[word[0]];
    if (shard) {
      var terms = shard.terms, n = word.length, folds = {};
      if (n > 4 && /ies$/.test(word)) folds[word.slice(0, -3) + "y"] = true;
      if (n > 3 && /es$/.test(word)) folds[word.slice(0, -2)] = true;
      if (n > 3 && /s$/.test(word)) folds[word.slice(0, -1)] = true;
      var lo = 0, hi = terms.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < word) lo = mid + 1; else hi = mid; }
      for (var i = lo; i < terms.length && terms[i].indexOf(word) === 0; i++) {
        if (terms[i] === word) out.push([word[0], i, EXACT]);
        else out.push([word[0], i, START]);
      }
      // A word the directory knows as it is (or the synonym list does) is not read as a typo of another:
      // "stabbing" is never "stalking".
      var limit = this.known(word) ? 0 : n >= 7 ? 2 : n >= 4 ? 1 : 0;
      for (i = 0; (limit || n > 3) && i < terms.length; i++) {
        var term = terms[i];
        if (folds[term]) { out.push([word[0], i, PLURAL]); continue; }
        if (!limit || term.indexOf(word) === 0) continue;
        var whole = distance(word, term, limit);
        if (whole <= limit) { out.push([word[0], i, whole === 1 ? TYPO : TWO_TYPOS]); continue; }
        if (n >= 5 && term.length > n && distance(word, term.slice(0, n), 1) <= 1) out.push([word[0], i, TYPO_START]);
      }
    }
    this.matchCache.set(key, out);
    return out;
  };

  // A word the entries or the synonym list have as it is: it is never read as a typo of another word.
  Search.prototype.known = function (word) {
    if (this.synonymWords.has(word)) return true;
    var shard = this.shards[word[0]], terms = shard ? shard.terms : [], lo = 0, hi = terms.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < word) lo = mid + 1; else hi = mid; }
    return terms[lo] === word;
  };

  function rarity(count, docs) {
    return 1 + Math.log(1 + count / Math.max(1, docs)) / Math.log(1 + count);
  }

  // Marks in `value`/`weight` where one word is found, keeping each entry's best place and closeness.
  Search.prototype.mark = function (word, value, weight, all) {
    var self = this;
    this.terms(word).forEach(function (match) { apply(self.postings(match[0], match[1]), match[2]); });
    function apply(p, close) {
      var docs = p.docs, where = p.where;
      var w = close * rarity(self.count, docs.length);
      for (var i = 0; i < docs.length; i++) {
        var doc = docs[i], bits = where[i], v = bits & 1 ? 4 : bits & 2 ? 2 : 1;
        if (v > value[doc] || (v === value[doc] && w > weight[doc])) { value[doc] = v; weight[doc] = w; }
        if (all && w > all[doc]) all[doc] = w;
      }
    }
  };

  // A single word of the synonym list, found as it is, from synonyms.json.
  Search.prototype.markSynonym = function (word, value, weight, all) {
    var key = "~" + word, p = this.decoded.get(key), text = (this.synonymPostings || {})[word];
    if (!text) return;
    if (!p) { p = decode(text); this.decoded.set(key, p); }
    var docs = p.docs, where = p.where, w = SYNONYM_WORD * rarity(this.count, docs.length);
    for (var i = 0; i < docs.length; i++) {
      var doc = docs[i], v = 1; // a synonym counts as the description does, wherever it is
      if (v > value[doc] || (v === value[doc] && w > weight[doc])) { value[doc] = v; weight[doc] = w; }
      if (w > all[doc]) all[doc] = w;
    }
  };

  // How closely a unit matches a label ("Knife crime", "Young people"): every word of the unit must
  // be a word of the label or the start of one, or one typo away from one.
  Search.prototype.labelCloseness = function (unit, label) {
    var total = 1;
    for (var i = 0; i < unit.words.length; i++) {
      var w = unit.words[i], best = 0, limit = this.known(w) ? 0 : w.length >= 7 ? 2 : w.length >= 4 ? 1 : 0;
      for (var j = 0; j < label.words.length; j++) {
        var lw = label.words[j];
        var c = lw === w ? EXACT : lw.indexOf(w) === 0 ? START
          : limit && lw[0] === w[0] && distance(w, lw, limit) <= limit ? TYPO : 0;
        if (c > best) best = c;
      }
      if (!best) return 0;
      total = Math.min(total, best);
    }
    return unit.words.length ? total : 0;
  };

  // How much a topic says about each entry: all of it for an entry with one topic, less with more
  // ("Samaritans", about mental health alone, before a family service with four topics).
  Search.prototype.focus = function () {
    if (!this.focusCache) {
      var topics = this.facets.topics, out = new Float32Array(topics.length);
      for (var i = 0; i < topics.length; i++) {
        var k = 0;
        for (var bits = topics[i]; bits; bits &= bits - 1) k += 1;
        out[i] = (1 + 1 / Math.max(1, k)) / 2;
      }
      this.focusCache = out;
    }
    return this.focusCache;
  };

  // Where one unit is found in each entry: value (0 = not found; 4 the name, 3 a topic, 2 the
  // organisation, type or audience, 1 the description or an area) and weight (how closely, how rare).
  Search.prototype.score = function (unit) {
    var n = this.count, value = new Uint8Array(n), weight = new Float32Array(n), self = this, f = this.facets;
    // The best match of each kind (the words themselves, their synonyms, labels), for a small bonus.
    var text = new Float32Array(n), synonyms = new Float32Array(n), labels = new Float32Array(n);
    if (unit.words.length === 1) {
      this.mark(unit.words[0], value, weight, text);
    } else if (unit.words.length > 1) {
      // A phrase found in the text: every word of it in the entry; its place is the weakest word's.
      var parts = unit.words.map(function (w) {
        var v = new Uint8Array(n), wt = new Float32Array(n);
        self.mark(w, v, wt);
        return [v, wt];
      });
      for (var doc = 0; doc < n; doc++) {
        var low = 4, sum = 0;
        for (var k = 0; k < parts.length; k++) { low = Math.min(low, parts[k][0][doc]); sum += parts[k][1][doc]; }
        if (low) { value[doc] = low; weight[doc] = text[doc] = sum / parts.length; }
      }
    }
    unit.extra.forEach(function (w) { self.markSynonym(w, value, weight, synonyms); });
    this.labels.forEach(function (group) {
      // Each label the unit matches, with its closeness; a synonym group's topics count as synonyms.
      var matched = [];
      group.entries.forEach(function (label) {
        var c = self.labelCloseness(unit, label);
        if (group.kind === "topics" && (unit.topics & label.bit)) c = Math.max(c, SYNONYM);
        if (c) matched.push([label.bit, c * (group.kind === "topics" ? TOPIC : 1)]);
      });
      if (!matched.length) return;
      var list = group.kind === "type" ? f.type : f[group.kind], isType = group.kind === "type";
      var focus = group.kind === "topics" ? self.focus() : null;
      for (var doc = 0; doc < n; doc++) {
        var bits = isType ? 1 << list[doc] : list[doc];
        for (var m = 0; m < matched.length; m++) {
          if (!(bits & matched[m][0])) continue;
          var w = focus ? matched[m][1] * focus[doc] : matched[m][1];
          if (w > labels[doc]) labels[doc] = w;
          if (group.value > value[doc] || (group.value === value[doc] && w > weight[doc])) {
            value[doc] = group.value;
            weight[doc] = w;
          }
        }
      }
    });
    // The best match counts most; the best of each kind adds two fifths of its weight, so an entry found
    // by its words and its topic comes before one found by only one of them.
    for (var i = 0; i < n; i++) if (value[i]) weight[i] = 0.6 * weight[i] + 0.4 * (text[i] + synonyms[i] + labels[i]);
    return { value: value, weight: weight };
  };

  /* The ranked results for a state {q, area, local, type, audience, topic}: {order: Int32Array of
     entry positions, best first; localCount: how many of all the matches (before "only local") are local
     to the chosen area, or local at all; partial: true if no entry had every word}. Needs the facets
     and the query's letters loaded (see needs/load). */
  Search.prototype.run = function (state) {
    var f = this.facets, n = this.count, cfg = this.config;
    var areaBit = state.area ? 1 << cfg.areas.findIndex(function (a) { return a.id === state.area; }) : 0;
    var type = state.type ? cfg.types.findIndex(function (t) { return t.id === state.type; }) : -1;
    var audienceBit = state.audience ? 1 << cfg.audiences.findIndex(function (a) { return a.id === state.audience; }) : 0;
    var topicBit = state.topic ? 1 << cfg.topics.findIndex(function (t) { return t.id === state.topic; }) : 0;
    var units = this.parse(state.q || "").map(this.score, this);
    var keys = [], partial = false, localCount = 0, allBit = this.allBit, doc, u;
    for (var pass = 0; pass < 2 && !keys.length; pass++) {
      var needAll = pass === 0;
      if (!needAll && units.length < 2) break;
      localCount = 0;
      for (doc = 0; doc < n; doc++) {
        var areas = f.areas[doc];
        if (areaBit && !(areas & areaBit) && !(areas & allBit)) continue;
        if (type >= 0 && f.type[doc] !== type) continue;
        if (audienceBit && !(f.audiences[doc] & audienceBit)) continue;
        if (topicBit && !(f.topics[doc] & topicBit)) continue;
        var found = 0, points = 0, weight = 0;
        for (u = 0; u < units.length; u++) {
          var v = units[u].value[doc];
          if (v) { found += 1; points += v; weight += units[u].weight[doc]; }
        }
        if (units.length && (needAll ? found < units.length : !found)) continue;
        var local = !(areas & allBit);
        if (local) localCount += 1;
        if (state.local && !local) continue;
        // One number per entry, largest first: local, words found, points, weight, type, for the chosen
        // area alone, then the file's order (2^50 at most, so exact in a double). Weights in steps of a
        // quarter: matches about as good keep the directory's order (helplines, then local services, and
        // so on; with an area chosen, its own services before the region's), which is easier to follow
        // than a hair's difference.
        var key = ((areaBit && local ? 1 : 0) * 64 + found) * 64 + Math.min(63, points);
        key = key * 4096 + Math.min(4095, Math.round(weight * 4));
        key = (key * 16 + 15 - Math.min(15, f.type[doc])) * 2 + (areaBit && areas === areaBit ? 1 : 0);
        keys.push(key * 1048576 + (1048575 - doc));
      }
      partial = !needAll;
    }
    var sorted = Float64Array.from(keys).sort(), order = new Int32Array(sorted.length);
    for (var i = 0; i < sorted.length; i++) order[i] = 1048575 - (sorted[sorted.length - 1 - i] % 1048576);
    return { order: order, localCount: localCount, partial: partial && keys.length > 0, words: units.length };
  };

  window.VrpSearch = { Search: Search, words: words, distance: distance, decode: decode };
})();
