/* Runs the judged queries (bench/queries.yml, as JSON on stdin) against a built site's directory and site
   search, with the same engine the pages use, and prints one JSON line per query: its first results and
   whether each judgement holds. bench/relevance.py reads it and reports; `make relevance` runs both.

   node bench/relevance.mjs SITE_DIR < queries.json */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Directory, SiteIndex, words } from "../docs/assets/javascripts/search-engine.mjs";

const site = process.argv[2];
const queries = JSON.parse(readFileSync(0, "utf8"));
const html = readFileSync(join(site, "resources", "index.html"), "utf8");
const config = JSON.parse(html.match(/<script type="application\/json" id="vrp-directory-config">([\s\S]*?)<\/script>/)[1]);
const dataDir = join(site, "resources", config.data);
const read = (dir) => (name) => Promise.resolve(JSON.parse(readFileSync(join(dir, name), "utf8")));
const directory = new Directory(config, read(dataDir));
await directory.load(["facets"]);
const ids = new Map();
for (const name of new Set(directory.facets.card.map((c) => Math.floor(c / config.piece)))) {
  (await read(dataDir)(`entries/${name}.json`)).forEach((card, i) => ids.set(name * config.piece + i, card.id));
}
const places = (await read(dataDir)("places.json")).map((p) => ({ ...p, keys: [p.name, ...p.also].map((n) => words(n).join(" ")) }));

const siteDir = join(site, "search");
const siteSettings = JSON.parse(readFileSync(join(siteDir, "index.json"), "utf8"));
const siteFolder = join(siteDir, siteSettings.version);
const siteIndex = new SiteIndex(siteSettings, read(siteFolder));

/* The area a place in the words chooses, and the words left: as the directory page reads its box. */
function placeIn(q) {
  const tokens = words(q);
  for (let length = Math.min(4, tokens.length); length >= 1; length--) {
    for (let i = 0; i + length <= tokens.length; i++) {
      const key = tokens.slice(i, i + length).join(" ");
      const p = places.find((r) => r.keys.includes(key) && (!r.word || tokens.length === length));
      if (p) return { area: p.areas.length === 1 ? config.areas[p.areas[0]].id : "", rest: tokens.slice(0, i).concat(tokens.slice(i + length)).join(" ") };
    }
  }
  return null;
}

for (const query of queries) {
  const found = placeIn(query.q);
  const state = { q: found ? found.rest : query.q, area: query.area || (found ? found.area : ""), local: false, type: "", audience: "", topic: "" };
  await directory.prepare(state.q);
  const order = Array.from(directory.run(state).order.slice(0, 10), (doc) => ids.get(directory.facets.card[doc]));
  const out = { q: query.q, area: state.area, results: order };
  if (query.site) {
    await siteIndex.prepare(query.q);
    const docs = Array.from(siteIndex.run(query.q).order.slice(0, 10));
    const pieces = {};
    out.site = [];
    for (const doc of docs) {
      const piece = Math.floor(doc / siteIndex.config.piece);
      pieces[piece] ||= JSON.parse(readFileSync(join(siteFolder, "docs", `${piece}.json`), "utf8"));
      out.site.push(pieces[piece][doc % siteIndex.config.piece].url);
    }
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}
