/* The site search, fetched the first time the reader opens it (header-buttons.js). It searches every
   section of every page and every directory entry with the directory's engine (search-engine.mjs), from
   the index vrp/search/site.py writes: the words people type, the shared synonym list, a need's services
   before documents, Get help's sections among them. It fetches only the pieces a query needs.

   Privacy: what is typed stays in the box. Nothing is written to the address, the history or storage;
   a result is a plain link to its page. */
import { SiteIndex, variants, words } from "./search-engine.mjs";

const SHOWN = 10;

export function start(dialog) {
  const input = dialog.querySelector("#vrp-site-q"), status = dialog.querySelector("#vrp-site-status");
  const list = dialog.querySelector("#vrp-site-results");
  const config = document.getElementById("__config");
  const root = new URL(config ? JSON.parse(config.textContent).base + "/" : ".", location.href);
  const json = (url) => fetch(url).then((response) => {
    if (!response.ok) throw new Error(url + ": " + response.status);
    return response.json();
  });
  const pieces = {};
  let generation = 0, timer = 0, index = null;
  const ready = json(new URL("search/index.json", root)).then((settings) => {
    const folder = new URL("search/" + settings.version + "/", root);
    index = new SiteIndex(settings, (name) => json(new URL(name, folder)));
    return index;
  });
  const intro = status.textContent;

  function say(text) { status.textContent = text; }

  // The list says when it shows the results of what is in the box now ("done"), for the tests.
  const state = (value) => { list.dataset.state = value; };

  async function run() {
    const q = input.value, mine = ++generation;
    state("busy");
    if (!q.trim()) { list.replaceChildren(); say(intro); state("done"); return; }
    if (q.trim().length < 2) { list.replaceChildren(); say("Type a little more."); state("done"); return; }
    try {
      const found = await ready;
      await found.prepare(q);
      if (mine !== generation) return;
      const result = found.run(q), docs = Array.from(result.order.subarray(0, SHOWN));
      const needed = [...new Set(docs.map((d) => Math.floor(d / found.config.piece)))].filter((p) => !pieces[p]);
      await Promise.all(needed.map((p) => json(new URL("search/" + found.config.version + "/docs/" + p + ".json", root))
        .then((records) => { pieces[p] = records; })));
      if (mine !== generation) return;
      draw(docs.map((d) => pieces[Math.floor(d / found.config.piece)][d % found.config.piece]), q, result.order.length, result.partial);
    } catch (error) {
      if (mine === generation) {
        say("The search did not load. Check the connection and try again, or use Get help below.");
        state("failed");
      }
    }
  }

  function draw(records, q, total, partial) {
    const marks = markers(q);
    list.replaceChildren(...records.map((r) => {
      const item = document.createElement("li"), link = document.createElement("a");
      link.className = "vrp-site-search__link";
      link.href = new URL(r.url, root).href;
      link.append(highlighted(r.title, marks));
      link.addEventListener("click", () => dialog.close());
      const context = document.createElement("p"), text = document.createElement("p");
      context.className = "vrp-site-search__context";
      context.textContent = r.context;
      text.className = "vrp-site-search__text";
      text.append(highlighted(around(r.text, marks), marks));
      item.append(link, context, text);
      return item;
    }));
    const shown = records.length;
    window.clearTimeout(timer);
    const text = !total ? "Nothing found. Try fewer or other words, or use Get help below."
      : (partial ? "Nothing has all your words; these have some of them. " : "")
        + (total === 1 ? "1 result." : total + " results" + (total > shown ? ", the best " + shown + " below." : "."));
    timer = window.setTimeout(() => say(text), 300); // read out once typing pauses
    state("done");
  }

  // What to mark in a result: each word typed (and its stem), at the start of a word.
  function markers(q) {
    const forms = [];
    for (const w of words(q)) {
      if (index && index.vocabulary.stop.has(w)) continue;
      forms.push(w, ...variants(w).map(([form]) => form));
    }
    return forms.filter((f) => f.length >= 2).sort((a, b) => b.length - a.length);
  }

  // A window of the text around the first word found, so the reader sees why it matched.
  function around(text, marks) {
    const lower = fold(text);
    let at = -1;
    for (const m of marks) {
      const i = lower.search(new RegExp("\\b" + m));
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at < 120) return text.length > 200 ? text.slice(0, 200).replace(/\s\S*$/, "") + "…" : text;
    const from = text.lastIndexOf(" ", at - 60);
    const slice = text.slice(from + 1, from + 201);
    return "…" + slice.replace(/\s\S*$/, "") + (from + 201 < text.length ? "…" : "");
  }

  function fold(text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }

  // The text as nodes, with the words that match in <mark>: never HTML from the index.
  function highlighted(text, marks) {
    const out = document.createDocumentFragment();
    if (!marks.length) { out.append(text); return out; }
    const pattern = new RegExp("\\b(" + marks.map((m) => m.replace(/[^a-z0-9]/g, "")).filter(Boolean).join("|") + ")[a-z0-9]*", "gi");
    const plain = fold(text);
    let last = 0, match;
    while ((match = pattern.exec(plain))) {
      out.append(text.slice(last, match.index));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(match.index, match.index + match[0].length);
      out.append(mark);
      last = match.index + match[0].length;
    }
    out.append(text.slice(last));
    return out;
  }

  input.addEventListener("input", run);
  dialog.querySelector("form, .vrp-site-search__bar").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target === input) {
      event.preventDefault();
      const first = list.querySelector("a");
      if (first) first.focus();
    }
  });
  if (input.value.trim()) run(); // typed while this was on its way
}
