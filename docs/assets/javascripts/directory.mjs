/* The directory page: the search box, Near me, the one Filter control (area, only local services, type,
   audience, topic), and the results, ranked by search-engine.mjs and drawn from data.

   The first results are in the HTML; the script fetches the pieces of data a search or filter needs
   when the reader first reaches for the form, never as the page loads. Results are drawn 20 at a
   time ("Show more"), each card from the template at the foot of the page.

   A town, village or postcode district typed in the search box with other words ("exploitation
   Yeovil", "BS16 domestic abuse") chooses its area from data/places.yml, the rest is searched, and the
   page says so, with a way to undo.

   Privacy: nothing the reader types or chooses is written to the address bar or the history: no
   pushState, no replaceState with it, no form submission. A link the site builds may carry a search
   (a spoke page's resources/?area=bristol, or one the reader asked for with "Copy a link to this
   search"): it opens the filtered view, and the address is then put back to resources/ so the words
   do not stay in the address bar. Back and Forward are ordinary page navigation. Nothing is stored. */
import { Directory, distance, words } from "./search-engine.mjs";

const byId = (id) => document.getElementById(id);
const form = byId("vrp-search"), configNode = byId("vrp-directory-config");
if (form && configNode) start(JSON.parse(configNode.textContent));

function start(cfg) {
  const dataBase = new URL(cfg.data, location.href), root = new URL(cfg.root, location.href);
  const fields = { q: byId("vrp-q"), area: byId("vrp-area"), local: byId("vrp-local"), type: byId("vrp-type"),
    audience: byId("vrp-audience"), topic: byId("vrp-topic") };
  const results = byId("vrp-results"), count = byId("vrp-count"), announce = byId("vrp-announce");
  const more = byId("vrp-more"), none = byId("vrp-none"), localCount = byId("vrp-local-count");
  const filter = byId("vrp-filter"), panel = byId("vrp-panel"), active = byId("vrp-active");
  const share = byId("vrp-share"), copy = byId("vrp-copy"), copied = byId("vrp-copied");
  const place = byId("vrp-place"), placeSaid = byId("vrp-place-said"), choices = byId("vrp-place-choices");
  const inBox = { said: byId("vrp-q-place-text"), undo: byId("vrp-q-place-undo"), choices: byId("vrp-q-place-choices") };
  const template = byId("vrp-card").content.firstElementChild;
  const first = Array.from(results.children); // the first results, as the HTML has them

  // The options of the folded filters, from the settings (the HTML stays short: it has only the first results).
  form.querySelectorAll("[data-vrp-options]").forEach((select) => {
    cfg[select.getAttribute("data-vrp-options")].forEach((v) => select.add(new Option(v.label, v.id)));
  });

  const files = {};
  function fetchJSON(name) {
    if (!files[name]) {
      files[name] = fetch(new URL(name, dataBase)).then((response) => {
        if (!response.ok) throw new Error(name + ": " + response.status);
        return response.json();
      });
      files[name].catch(() => { delete files[name]; });
    }
    return files[name];
  }
  const search = new Directory(cfg, fetchJSON);
  const pieces = {};
  let current = { order: null, shown: 0, state: null }, generation = 0, announceTimer = 0;

  const filtersOn = (s) => [s.area, s.local, s.type, s.audience, s.topic].filter(Boolean).length;
  const isPlain = (s) => !s.q.trim() && !filtersOn(s);
  const label = (list, id) => (list.find((x) => x.id === id) || {}).label || "";
  const plural = (n, one, many) => n + " " + (n === 1 ? one : many);

  // The Filter control: folded until the reader opens it, so the first results are in view.
  function setOpen(open) {
    filter.setAttribute("aria-expanded", String(open));
    panel.classList.toggle("vrp-panel--open", open);
  }
  filter.addEventListener("click", () => setOpen(filter.getAttribute("aria-expanded") !== "true"));

  function say(text) {
    window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(() => { announce.textContent = text; }, 700); // once typing pauses
  }

  function summary(s, total, shown, localTotal, partial) {
    if (!total) return "Nothing matches.";
    const where = s.area ? label(cfg.areas, s.area) : "";
    let text = s.local ? plural(total, "local entry matches", "local entries match") + (where ? " in " + where : "")
      : plural(total, "entry matches", "entries match") + (where && localTotal ? ", " + localTotal + " of them local to " + where : "");
    if (partial) text = "No entry has all your words. " + plural(total, "entry has", "entries have") + " some of them";
    return text + (shown < total ? ": the first " + shown + " are below." : ".");
  }

  // A place typed in the search box: the area it chose, and the words that named it.
  const typedPlace = { area: "", key: "", ignored: "" };
  let places = null;
  function loadPlaces() {
    if (!places) {
      places = fetchJSON("places.json").then((rows) => {
        const list = byId("vrp-places");
        return rows.map((row) => {
          const option = document.createElement("option");
          option.value = row.name;
          list.appendChild(option);
          return { name: row.name, word: !!row.word, areas: row.areas.map((i) => cfg.areas[i]),
            keys: [row.name].concat(row.also).map((n) => words(n).join(" ")) };
        });
      });
      places.catch(() => { places = null; });
    }
    return places;
  }
  let rows = null; // the places, once loaded
  const POSTCODE = /^[a-z]{1,2}[0-9][0-9a-z]?$/, INWARD = /^[0-9][a-z]{2}$/;

  /* The place named in the words, if any: {place, key, rest}. A postcode is read by its district
     ("BS16 1AB" is BS16); a name that is also an everyday word (Street) only when typed alone. */
  function placeIn(query) {
    if (!rows) return null;
    const tokens = words(query);
    for (let length = Math.min(4, tokens.length); length >= 1; length--) {
      for (let i = 0; i + length <= tokens.length; i++) {
        const key = tokens.slice(i, i + length).join(" ");
        let row = rows.find((r) => r.keys.includes(key) && (!r.word || tokens.length === length));
        let used = length;
        if (!row && length === 1 && POSTCODE.test(key)) {
          row = rows.find((r) => r.keys.includes(key)) || rows.find((r) => r.keys.includes(key.replace(/[a-z]$/, "")));
          if (row && INWARD.test(tokens[i + 1] || "")) used = 2;
        }
        if (row) return { place: row, key, rest: tokens.slice(0, i).concat(tokens.slice(i + used)).join(" ") };
      }
    }
    return null;
  }

  function showPlace(text, undo) {
    inBox.said.textContent = text;
    inBox.undo.hidden = !undo;
  }

  /* The words to search once a place in them has chosen its area. */
  function readPlace() {
    const q = fields.q.value, found = placeIn(q);
    inBox.choices.replaceChildren();
    if (!found || found.key === typedPlace.ignored) {
      if (typedPlace.area && fields.area.value === typedPlace.area) fields.area.value = ""; // the town was taken out
      typedPlace.area = typedPlace.key = "";
      showPlace(found ? "Searching every area." : "", false);
      if (!found) typedPlace.ignored = "";
      return q;
    }
    const p = found.place;
    typedPlace.key = found.key;
    if (p.areas.length === 1) {
      typedPlace.area = fields.area.value = p.areas[0].id;
      showPlace("Showing " + p.areas[0].label + " first: " + p.name + " is in " + p.areas[0].label + ".", true);
    } else if (p.areas.some((a) => a.id === fields.area.value)) {
      showPlace("Showing " + label(cfg.areas, fields.area.value) + " first: part of " + p.name + " is in it.", true);
    } else {
      showPlace(p.name + " covers parts of " + p.areas.map((a) => a.label).join(" and ") + ". Which is yours?", false);
      p.areas.forEach((a) => inBox.choices.appendChild(choiceButton(a.label, () => {
        typedPlace.area = fields.area.value = a.id;
        update();
        fields.q.focus();
      })));
    }
    return found.rest;
  }
  inBox.undo.addEventListener("click", () => {
    typedPlace.ignored = typedPlace.key;
    if (fields.area.value === typedPlace.area) fields.area.value = "";
    typedPlace.area = "";
    update();
    fields.q.focus();
  });

  function state() {
    const q = readPlace();
    return { q, area: fields.area.value, local: fields.local.checked, type: fields.type.value,
      audience: fields.audience.value, topic: fields.topic.value };
  }

  function reflect(s) {
    const on = filtersOn(s);
    active.textContent = on ? " (" + on + " on)" : "";
    active.hidden = !on;
    share.hidden = isPlain(s) && !fields.q.value.trim();
    if (copied) copied.textContent = "";
  }

  const setLocalCount = (n) => { localCount.textContent = "(" + n + ")"; };

  function showFirst() {
    generation += 1;
    current = { order: null, shown: first.length, state: null };
    results.replaceChildren(...first);
    none.hidden = true;
    more.hidden = true;
    setLocalCount(fields.area.value && cfg.local[fields.area.value] !== undefined ? cfg.local[fields.area.value] : cfg.count - cfg.local.all);
    const text = plural(cfg.count, "entry", "entries") + (cfg.count > first.length ? ": the first " + first.length + " are below." : ".");
    count.textContent = text;
    say(text);
    done();
  }

  function done() {
    results.removeAttribute("aria-busy");
    document.dispatchEvent(new CustomEvent("vrp:results"));
  }

  function failed() {
    results.removeAttribute("aria-busy");
    count.textContent = "The directory's search did not load. Check the connection and try again, or browse the lists below.";
    say(count.textContent);
  }

  function update() {
    const s = state(), mine = ++generation;
    reflect(s);
    results.setAttribute("aria-busy", "true"); // until this state's results are drawn
    if (isPlain(s)) return showFirst();
    const units = search.vocabulary.parse(s.q), needs = search.needs(units);
    if (search.ready(needs)) return rank(s, mine);
    count.textContent = "Searching the directory…";
    search.prepare(s.q).then(() => { if (mine === generation) rank(s, mine); }, failed);
  }

  function rank(s, mine) {
    const found = search.run(s);
    current = { order: found.order, shown: 0, state: s, local: found.localCount, partial: found.partial };
    setLocalCount(found.localCount);
    draw(cfg.first, true, mine);
  }

  // Draws the next `n` results (replacing the list, or after what is shown) once their cards are loaded.
  function draw(n, replace, mine) {
    const order = current.order, from = replace ? 0 : current.shown;
    const docs = Array.from(order.subarray(from, from + n));
    const needed = docs.map((doc) => Math.floor(search.facets.card[doc] / cfg.piece))
      .filter((p, i, all) => !pieces[p] && all.indexOf(p) === i);
    if (needed.length) {
      if (replace) count.textContent = summary(current.state, order.length, Math.min(n, order.length), current.local, current.partial);
      // Asked for after the next frame, so the key typed shows at once and its cards follow.
      window.requestAnimationFrame(() => window.setTimeout(() => {
        if (mine !== generation) return;
        Promise.all(needed.map((p) => fetchJSON("entries/" + p + ".json").then((records) => { pieces[p] = records; })))
          .then(() => { if (mine === generation) draw(n, replace, mine); }, failed);
      }, 0));
      return;
    }
    const items = docs.map(cardItem);
    if (replace) {
      const same = items.length === results.children.length && items.every((item, i) => results.children[i] === item);
      if (!same) results.replaceChildren(...items); // a key that keeps the same results changes nothing
    } else items.forEach((item) => results.appendChild(item));
    current.shown = from + items.length;
    const total = order.length, rest = total - current.shown;
    none.hidden = total > 0;
    more.hidden = rest <= 0;
    more.textContent = rest > cfg.first ? "Show " + cfg.first + " more" : "Show the last " + (rest === 1 ? "one" : rest);
    const text = summary(current.state, total, current.shown, current.local, current.partial);
    count.textContent = text;
    say(text);
    if (!replace && items.length) items[0].querySelector(".vrp-resource__title a").focus();
    done();
  }

  // Each entry's card is drawn once and kept, so typing on moves cards instead of drawing them again.
  const drawn = new Map();
  function cardItem(doc) {
    if (!drawn.has(doc)) {
      if (drawn.size > 500) drawn.clear();
      drawn.set(doc, newCard(doc));
    }
    return drawn.get(doc);
  }

  function newCard(doc) {
    const f = search.facets, r = pieces[Math.floor(f.card[doc] / cfg.piece)][f.card[doc] % cfg.piece];
    const card = template.cloneNode(true), part = (name) => card.querySelector(".vrp-resource__" + name);
    card.id = r.id;
    card.setAttribute("aria-labelledby", r.id + "-title");
    const title = part("title");
    title.id = r.id + "-title";
    title.firstElementChild.href = r.url;
    title.firstElementChild.textContent = r.title;
    part("organisation").textContent = r.organisation;
    part("type").textContent = r.type;
    part("description").innerHTML = r.description; // built from escaped editor text (vrp/render.py)
    const phone = part("phone"), email = part("email");
    if (r.phone) {
      phone.lastElementChild.href = r.tel;
      phone.lastElementChild.textContent = r.phone;
    } else phone.remove();
    if (r.email) {
      email.lastElementChild.href = "mailto:" + r.email;
      email.lastElementChild.textContent = r.email;
    } else email.remove();
    if (!r.phone && !r.email) part("contact").remove();
    part("areas").textContent = r.areas;
    part("audiences").textContent = r.audiences;
    const link = part("more");
    link.href = new URL(r.path, root).href;
    link.lastElementChild.textContent = ": " + r.title;
    const item = document.createElement("li");
    item.appendChild(card);
    return item;
  }

  more.addEventListener("click", () => draw(cfg.first, false, generation));

  // Near me: a town, village or postcode district chooses its area, from data/places.yml. Nothing is
  // asked of the browser about where the reader is, and nothing leaves this site.
  function findPlace(text) {
    const key = words(text).join(" ");
    const postcode = text.toUpperCase().replace(/\s+/g, "").match(/^([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9][A-Z]{2})?$/);
    const keys = [key];
    if (postcode) keys.push(postcode[1].toLowerCase(), postcode[1].toLowerCase().replace(/[a-z]$/, ""));
    for (const k of keys) {
      const row = rows.find((r) => r.keys.includes(k));
      if (row) return { place: row };
    }
    let best = null, bestDistance = 3;
    rows.forEach((row) => row.keys.forEach((name) => {
      const d = distance(key, name, 2);
      if (key.length >= 4 && d < bestDistance) { best = row; bestDistance = d; }
    }));
    return { suggestion: best };
  }
  function chooseArea(id, text) {
    fields.area.value = id;
    placeSaid.textContent = text;
    choices.replaceChildren();
    update();
    // On a phone: bring the count and the first results into view.
    if (window.matchMedia("(max-width: 44.9375em)").matches) {
      const header = document.querySelector(".md-header");
      const top = count.getBoundingClientRect().top + window.scrollY - (header ? header.offsetHeight : 0) - 8;
      window.scrollTo({ top: Math.max(0, top), behavior: "instant" });
    }
  }
  function choiceButton(text, onChoose) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = text;
    button.addEventListener("click", onChoose);
    return button;
  }
  function findNearMe() {
    const text = place.value.trim();
    if (!text) return;
    loadPlaces().then((loaded) => {
      rows = loaded;
      const found = findPlace(text), p = found.place;
      choices.replaceChildren();
      if (p && p.areas.length === 1) {
        chooseArea(p.areas[0].id, p.name + " is in " + p.areas[0].label + ": showing the services there.");
      } else if (p) {
        placeSaid.textContent = p.name + " covers parts of " + p.areas.map((a) => a.label).join(" and ") + ". Which is yours?";
        p.areas.forEach((a) => choices.appendChild(choiceButton(a.label, () => {
          chooseArea(a.id, "Showing the services in " + a.label + ".");
          fields.area.focus();
        })));
      } else if (found.suggestion) {
        const s = found.suggestion;
        placeSaid.textContent = "We could not find that place. Did you mean " + s.name + "?";
        choices.appendChild(choiceButton("Yes, " + s.name, () => { place.value = s.name; findNearMe(); }));
      } else {
        placeSaid.textContent = "We could not find that place in Avon and Somerset. Try a nearby town, or choose the area under Filter.";
      }
    }, () => { placeSaid.textContent = "The list of places did not load. Choose the area under Filter instead."; });
  }
  byId("vrp-place-go").addEventListener("click", findNearMe);
  place.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); findNearMe(); }
  });
  place.addEventListener("input", (event) => {
    // A name picked from the suggestions is used at once; one being typed is not ("BS1" on the way to
    // "BS16" must not choose Bristol): it waits for Find or Enter.
    if (event.inputType === "insertText" || /^delete/.test(event.inputType || "")) return;
    if (rows && rows.some((r) => r.name === place.value)) findNearMe();
  });

  // The first reach for the form fetches what every search needs (and the places), so the first result is quick.
  function warm() {
    search.load(["facets"]).catch(() => {});
    loadPlaces().then((loaded) => {
      rows = loaded;
      if (fields.q.value.trim()) update(); // a town typed before the places came
    }, () => {});
  }
  form.addEventListener("focusin", warm, { once: true });
  form.addEventListener("pointerdown", warm, { once: true });

  form.addEventListener("submit", (event) => event.preventDefault());
  fields.q.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      if (window.matchMedia("(pointer: coarse)").matches) fields.q.blur(); // put the phone's keyboard away
    }
  });
  fields.q.addEventListener("input", update);
  ["area", "local", "type", "audience", "topic"].forEach((name) => fields[name].addEventListener("change", () => {
    if (name === "area") typedPlace.area = ""; // chosen by the reader now, not by a town in the box
    update();
  }));
  function clear(all) {
    ["area", "type", "audience", "topic"].forEach((name) => { fields[name].value = ""; });
    fields.local.checked = false;
    place.value = "";
    placeSaid.textContent = "";
    choices.replaceChildren();
    typedPlace.area = "";
    typedPlace.ignored = typedPlace.key;
    if (all) fields.q.value = "";
    update();
  }
  byId("vrp-clear").addEventListener("click", () => clear(false));
  byId("vrp-reset").addEventListener("click", () => { clear(true); fields.q.focus(); });

  // "Copy a link to this search": the only way a search reaches an address, and only when asked.
  copy.addEventListener("click", () => {
    const s = state(), params = new URLSearchParams(), q = fields.q.value.trim();
    if (q) params.set("q", q);
    ["area", "type", "audience", "topic"].forEach((name) => { if (s[name]) params.set(name, s[name]); });
    if (s.local) params.set("local", "1");
    const link = location.origin + location.pathname + "?" + params.toString();
    window.vrpCopy(link).then((ok) => {
      copied.textContent = ok ? "Link copied. It shows this search to anyone who opens it, your words included."
        : "Your browser did not let us copy it. The link is: " + link;
    });
  });

  // A link the site built (a spoke page's ?area=, a copied search): show its view, then clean the address.
  const params = new URLSearchParams(location.search);
  if (location.search) {
    fields.q.value = params.get("q") || "";
    ["area", "type", "audience", "topic"].forEach((name) => {
      const select = fields[name];
      select.value = params.get(name) || "";
      if (select.value !== (params.get(name) || "")) select.value = ""; // an id this build does not know
    });
    fields.local.checked = params.get("local") === "1";
    history.replaceState(history.state, "", location.pathname);
    if (fields.q.value) warm();
    update(); // the Filter control stays folded, so the results are in view; it says how many filters are on
  }
  // An old link to an entry on this page (resources/#childline) opens the entry's own page.
  const anchor = decodeURIComponent(location.hash.slice(1));
  if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(anchor) && !byId(anchor)) {
    const page = new URL(cfg.entry.replace("{id}", anchor), root);
    fetch(page, { method: "HEAD" }).then((response) => { if (response.ok) location.replace(page.href); }, () => {});
  }

  // For the benchmark and the tests: rank a query with the data loaded, without drawing it.
  window.vrpDirectory = {
    search,
    words,
    rank: (q) => { const s = state(); s.q = q; return search.run(s).order.length; },
  };
}
