/* The order rules of search-engine.mjs, on small made-up indexes (tests/js/index.mjs): each test can
   fail for its rule alone, whatever today's content says. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { directory, site } from "./index.mjs";

const entry = (id, type, title, description, topics = [], areas = ["all"], organisation = "A charity") =>
  ({ id, type, title, description, topics, areas, organisation });

const knife = [
  entry("knife-data", "evidence", "Knife crime data tables", "Figures on offences with a knife or blade, by police force.", ["knife-crime"]),
  entry("knife-guide", "guidance", "Knife crime: a guide for schools", "How teachers can talk with pupils about knives.", ["knife-crime"]),
  entry("report-line", "helpline", "Report it line", "Tell us about a crime without giving your name.", ["knife-crime"]),
  entry("youth-project", "local-service", "Youth project", "Workshops about the risks of carrying a knife.", ["knife-crime", "youth-violence"], ["bristol"]),
  entry("knife-course", "training", "Knife awareness course", "A course for youth workers about knives.", ["knife-crime"]),
];

test("a need puts services first and documents last, even when a document has the word in its name", async () => {
  const d = await directory(knife);
  const order = d.search("knife");
  assert.deepEqual(order.slice(0, 2).sort(), ["report-line", "youth-project"]);
  assert.equal(order.indexOf("knife-course"), 2); // "other" between services and documents
  assert.deepEqual(order.slice(3).sort(), ["knife-data", "knife-guide"]);
  assert.deepEqual(d.search("stabbing").slice(0, 2).sort(), ["report-line", "youth-project"]); // through the synonym list
});

test("a document named by the words comes first", async () => {
  const d = await directory(knife);
  assert.equal(d.search("knife crime data")[0], "knife-data");
  assert.equal(d.search("knife guide schools")[0], "knife-guide");
});

test("words of a way of working ask for no need's order", async () => {
  const d = await directory([
    entry("toolkit", "evidence", "What works toolkit", "The evidence on what works to prevent knife crime.", ["knife-crime", "public-health"]),
    entry("line", "helpline", "Knife line", "Call about knives.", ["knife-crime"]),
  ]);
  assert.equal(d.search("knife")[0], "line");
  assert.equal(d.search("what works knife")[0], "toolkit");
});

test("words beside a need help the order but are not required", async () => {
  const d = await directory([
    entry("stalking-line", "helpline", "Stalking helpline", "For anyone being stalked or harassed.", ["stalking"]),
    entry("other", "helpline", "Other line", "Talk to someone about anything.", ["mental-health"]),
  ]);
  assert.deepEqual(d.search("someone keeps following me"), ["stalking-line"]); // "someone" alone is not enough
  assert.deepEqual(d.search("someone talk"), ["other"]); // without a need, every word is required
});

test("a word the site knows is still required beside a need: knife training wants training", async () => {
  const d = await directory(knife);
  assert.deepEqual(d.search("knife training"), ["knife-course"]);
});

test("with an area chosen, its services about the words come before national ones about them, not before one named for them", async () => {
  const d = await directory([
    entry("named", "helpline", "Knife helpline", "A national line.", ["knife-crime"]),
    entry("national", "helpline", "Crime line", "A national line.", ["knife-crime"]),
    entry("local-topic", "local-service", "Bristol youth work", "Youth work in Bristol.", ["knife-crime"], ["bristol"]),
    entry("local-mention", "local-service", "Bristol sports club", "Sport, and a talk on knives once a year.", ["youth-violence"], ["bristol"]),
    entry("somerset", "local-service", "Somerset youth work", "Youth work about knives in Somerset.", ["knife-crime"], ["somerset"]),
  ]);
  const order = d.search("knife", { area: "bristol" });
  assert.deepEqual(order, ["named", "local-topic", "national", "local-mention"]);
  assert.ok(!order.includes("somerset"));
  const anywhere = d.search("knife"); // no area chosen: the national lines before the local services
  assert.deepEqual(anywhere.slice(0, 2), ["named", "national"]);
});

test("an entry with every topic of the words comes before one with only one of them", async () => {
  const d = await directory([
    entry("listening", "helpline", "Listening line", "Someone to talk to.", ["mental-health"]),
    entry("young", "helpline", "Young people's line", "For children and young people.", ["youth-violence", "mental-health", "knife-crime"]),
  ]);
  assert.equal(d.search("bullied")[0], "young");
});

test("a word is found at the start of a word, never in its middle, and a known word is never a typo", async () => {
  const d = await directory([
    entry("men", "helpline", "Men's advice line", "For men.", []),
    entry("women", "helpline", "Women's centre", "For women.", []),
    entry("stalk", "helpline", "Stalking helpline", "For people being stalked.", ["stalking"]),
    entry("stab", "local-service", "After a stabbing", "Support after a stabbing.", ["knife-crime"], ["bristol"]),
  ]);
  assert.deepEqual(d.search("men"), ["men"]);
  assert.deepEqual(d.search("omen"), []);
  assert.ok(!d.search("stabbing").includes("stalk"));
  assert.deepEqual(d.search("stalkign"), ["stalk"]); // an unknown word: a typo of a known one
  assert.deepEqual(d.search("anonymously"), []);
});

test("a word typed with an ending finds its stem", async () => {
  const d = await directory([entry("crime-line", "helpline", "Crime line", "Stay anonymous when you tell us.", [])]);
  assert.deepEqual(d.search("anonymously"), ["crime-line"]);
});

test("the site search: Get help's section for a need before a page or a document about it", async () => {
  const s = await site([
    { id: "strategy", title: "Our knife crime strategy", text: "Knife crime fell.", kind: "d", topics: [] },
    { id: "faq", title: "Why knife crime matters", organisation: "FAQ", text: "Knives and blades.", kind: "o", topics: [] },
    { id: "help", title: "Knife crime and gangs", organisation: "Get help", text: "Call Fearless.", kind: "s", topics: ["knife-crime"] },
    { id: "entry", title: "Report it line", organisation: "Helpline", text: "Without giving your name.", kind: "s", topics: ["knife-crime"] },
  ]);
  const order = await s.search("stabbing");
  assert.deepEqual(order.slice(0, 2).sort(), ["entry", "help"]);
  assert.equal(order.at(-1), "strategy");
  assert.equal((await s.search("knife crime strategy"))[0], "strategy"); // named by the words
});

test("the site search: with no area to choose, a service anyone can use before a local one about the same", async () => {
  const s = await site([
    { id: "local", title: "Safety service (one area)", text: "If you are stalked, tell us.", kind: "s", topics: ["stalking"] },
    { id: "national", title: "Safety line", text: "If you are stalked, call us.", kind: "S", topics: ["stalking"] },
  ]);
  assert.deepEqual(await s.search("stalked"), ["national", "local"]);
});
