/* The directory page: the search box, the one Filter control (Near me, area, only local services,
   type, audience, topic), and the results, ranked by directory-search.js and drawn from data.

   The first results are in the HTML; the script fetches the pieces of data a search or filter needs
   when the reader first reaches for the form, never as the page loads. Results are drawn 20 at a
   time ("Show more"), each card from the template at the foot of the page.

   Privacy: nothing the reader types or chooses is written to the address bar or the history: no
   pushState, no replaceState with it, no form submission. A link the site builds may carry a search
   (a spoke page's resources/?area=bristol, or one the reader asked for with "Copy a link to this
   search"): it opens the filtered view, and the address is then put back to resources/ so the words
   do not stay in the address bar. Back and Forward are ordinary page navigation. Nothing is stored. */
(function () {
  "use strict";

  var byId = function (id) { return document.getElementById(id); };
  var form = byId("vrp-search"), configNode = byId("vrp-directory-config");
  if (!form || !configNode || !window.VrpSearch) return;
  var cfg = JSON.parse(configNode.textContent);
  var dataBase = new URL(cfg.data, location.href), root = new URL(cfg.root, location.href);
  var fields = { q: byId("vrp-q"), area: byId("vrp-area"), local: byId("vrp-local"), type: byId("vrp-type"),
                 audience: byId("vrp-audience"), topic: byId("vrp-topic") };
  var results = byId("vrp-results"), count = byId("vrp-count"), announce = byId("vrp-announce");
  var more = byId("vrp-more"), none = byId("vrp-none"), localCount = byId("vrp-local-count");
  var filter = byId("vrp-filter"), panel = byId("vrp-panel"), active = byId("vrp-active");
  var share = byId("vrp-share"), copy = byId("vrp-copy"), copied = byId("vrp-copied");
  var place = byId("vrp-place"), placeSaid = byId("vrp-place-said"), choices = byId("vrp-place-choices");
  var template = byId("vrp-card").content.firstElementChild;
  var first = Array.prototype.slice.call(results.children); // the first results, as the HTML has them

  // The options of the folded filters, from the settings (the HTML stays short: it has only the first results).
  Array.prototype.forEach.call(form.querySelectorAll("[data-vrp-options]"), function (select) {
    cfg[select.getAttribute("data-vrp-options")].forEach(function (v) { select.add(new Option(v.label, v.id)); });
  });

  var files = {};
  function fetchJSON(name) {
    if (!files[name]) {
      files[name] = fetch(new URL(name, dataBase)).then(function (response) {
        if (!response.ok) throw new Error(name + ": " + response.status);
        return response.json();
      });
      files[name].catch(function () { delete files[name]; });
    }
    return files[name];
  }
  var search = new window.VrpSearch.Search(cfg, fetchJSON);
  var pieces = {};
  var current = { order: null, shown: 0, state: null }, generation = 0, announceTimer = 0;

  function state() {
    return { q: fields.q.value, area: fields.area.value, local: fields.local.checked, type: fields.type.value,
             audience: fields.audience.value, topic: fields.topic.value };
  }
  function filtersOn(s) { return [s.area, s.local, s.type, s.audience, s.topic].filter(Boolean).length; }
  function isPlain(s) { return !s.q.trim() && !filtersOn(s); }
  function label(list, id) { for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i].label; return ""; }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  // The Filter control: folded until the reader opens it, so the first results are in view.
  function setOpen(open) {
    filter.setAttribute("aria-expanded", String(open));
    panel.classList.toggle("vrp-panel--open", open);
    panel.classList.toggle("vrp-panel--closed", !open);
  }
  filter.addEventListener("click", function () { setOpen(filter.getAttribute("aria-expanded") !== "true"); });

  function say(text) {
    window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(function () { announce.textContent = text; }, 700); // once typing pauses
  }

  function summary(s, total, shown, localTotal, partial) {
    if (!total) return "Nothing matches.";
    var where = s.area ? label(cfg.areas, s.area) : "";
    var text = s.local ? plural(total, "local service matches", "local services match") + (where ? " in " + where : "")
      : plural(total, "entry matches", "entries match") + (where && localTotal ? ", " + localTotal + " of them local to " + where : "");
    if (partial) text = "No entry has all your words. " + plural(total, "entry has", "entries have") + " some of them";
    return text + (shown < total ? ": the first " + shown + " are below." : ".");
  }

  function reflect(s) {
    var on = filtersOn(s);
    active.textContent = on ? " (" + on + " on)" : "";
    active.hidden = !on;
    share.hidden = isPlain(s);
    if (copied) copied.textContent = "";
  }

  function setLocalCount(n) { localCount.textContent = "(" + n + ")"; }

  function showFirst() {
    generation += 1;
    current = { order: null, shown: first.length, state: null };
    results.replaceChildren.apply(results, first);
    none.hidden = true;
    more.hidden = true;
    setLocalCount(cfg.local[fields.area.value] !== undefined && fields.area.value ? cfg.local[fields.area.value]
      : cfg.count - cfg.local.all);
    var text = plural(cfg.count, "entry", "entries") + (cfg.count > first.length ? ": the first " + first.length + " are below." : ".");
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
    var s = state(), mine = ++generation;
    reflect(s);
    results.setAttribute("aria-busy", "true"); // until this state's results are drawn
    if (isPlain(s)) return showFirst();
    var needs = search.needs(s.q);
    if (search.ready(needs)) return rank(s, mine);
    count.textContent = "Searching the directory…";
    search.load(needs).then(function () { if (mine === generation) rank(s, mine); }, failed);
  }

  function rank(s, mine) {
    var found = search.run(s);
    current = { order: found.order, shown: 0, state: s, local: found.localCount, partial: found.partial };
    setLocalCount(found.localCount);
    draw(cfg.first, true, mine);
  }

  // Draws the next `n` results (replacing the list, or after what is shown) once their cards are loaded.
  function draw(n, replace, mine) {
    var order = current.order, from = replace ? 0 : current.shown;
    var docs = Array.prototype.slice.call(order.subarray(from, from + n));
    var needed = docs.map(function (doc) { return Math.floor(search.facets.card[doc] / cfg.piece); })
      .filter(function (p, i, all) { return !pieces[p] && all.indexOf(p) === i; });
    if (needed.length) {
      if (replace) count.textContent = summary(current.state, order.length, Math.min(n, order.length), current.local, current.partial);
      // Asked for after the next frame, so the key typed shows at once and its cards follow.
      window.requestAnimationFrame(function () {
        window.setTimeout(function () {
          if (mine !== generation) return;
          Promise.all(needed.map(function (p) {
            return fetchJSON("entries/" + p + ".json").then(function (records) { pieces[p] = records; });
          })).then(function () { if (mine === generation) draw(n, replace, mine); }, failed);
        }, 0);
      });
      return;
    }
    var items = docs.map(cardItem);
    if (replace) {
      var same = items.length === results.children.length && items.every(function (item, i) { return results.children[i] === item; });
      if (!same) results.replaceChildren.apply(results, items); // a key that keeps the same results changes nothing
    } else items.forEach(function (item) { results.appendChild(item); });
    current.shown = from + items.length;
    var total = order.length, rest = total - current.shown;
    none.hidden = total > 0;
    more.hidden = rest <= 0;
    more.textContent = rest > cfg.first ? "Show " + cfg.first + " more" : "Show the last " + (rest === 1 ? "one" : rest);
    var text = summary(current.state, total, current.shown, current.local, current.partial);
    count.textContent = text;
    say(text);
    if (!replace && items.length) items[0].querySelector(".vrp-resource__title a").focus();
    done();
  }

  // Each entry's card is drawn once and kept, so typing on moves cards instead of drawing them again.
  var drawn = new Map();
  function cardItem(doc) {
    if (!drawn.has(doc)) {
      if (drawn.size > 500) drawn.clear();
      drawn.set(doc, newCard(doc));
    }
    return drawn.get(doc);
  }

  function newCard(doc) {
    var f = search.facets, r = pieces[Math.floor(f.card[doc] / cfg.piece)][f.card[doc] % cfg.piece];
    var card = template.cloneNode(true), id = r[0];
    card.id = id;
    card.setAttribute("aria-labelledby", id + "-title");
    var title = card.querySelector(".vrp-resource__title");
    title.id = id + "-title";
    title.firstElementChild.href = r[4];
    title.firstElementChild.textContent = r[1];
    card.querySelector(".vrp-resource__organisation").textContent = r[2];
    card.querySelector(".vrp-resource__type").textContent = cfg.types[f.type[doc]].label;
    card.querySelector(".vrp-resource__description").innerHTML = r[3]; // built from escaped editor text
    var phone = card.querySelector(".vrp-resource__phone"), email = card.querySelector(".vrp-resource__email");
    if (r[5]) {
      phone.lastElementChild.href = "tel:" + r[5].replace(/\D/g, "");
      phone.lastElementChild.textContent = r[5];
    } else phone.remove();
    if (r[6]) {
      email.lastElementChild.href = "mailto:" + r[6];
      email.lastElementChild.textContent = r[6];
    } else email.remove();
    if (!r[5] && !r[6]) card.querySelector(".vrp-resource__contact").remove();
    var areas = f.areas[doc] & (1 << cfg.areas.length) ? "National: all areas"
      : cfg.areas.filter(function (a, i) { return f.areas[doc] & (1 << i); }).map(function (a) { return a.label; }).join(", ");
    card.querySelector(".vrp-resource__areas").textContent = areas;
    card.querySelector(".vrp-resource__audiences").textContent = cfg.audiences
      .filter(function (a, i) { return f.audiences[doc] & (1 << i); }).map(function (a) { return a.label.toLowerCase(); }).join(", ");
    var link = card.querySelector(".vrp-resource__more");
    link.href = new URL("resources/" + id + "/", root).href;
    link.lastElementChild.textContent = ": " + r[1];
    var item = document.createElement("li");
    item.appendChild(card);
    return item;
  }

  more.addEventListener("click", function () { draw(cfg.first, false, generation); });

  // Near me: a town, village or postcode district chooses its area, from data/places.yml. Nothing is
  // asked of the browser about where the reader is, and nothing leaves this site.
  var places = null;
  function loadPlaces() {
    if (!places) {
      places = fetchJSON("places.json").then(function (rows) {
        var list = byId("vrp-places");
        return rows.map(function (row) {
          var option = document.createElement("option");
          option.value = row[0];
          list.appendChild(option);
          return { name: row[0], areas: row[1].map(function (i) { return cfg.areas[i]; }),
                   keys: [row[0]].concat(row[2]).map(function (n) { return window.VrpSearch.words(n).join(" "); }) };
        });
      });
      places.catch(function () { places = null; });
    }
    return places;
  }
  function findPlace(rows, text) {
    var key = window.VrpSearch.words(text).join(" ");
    var postcode = text.toUpperCase().replace(/\s+/g, "").match(/^([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9][A-Z]{2})?$/);
    var keys = [key];
    if (postcode) keys.push(postcode[1].toLowerCase(), postcode[1].toLowerCase().replace(/[a-z]$/, ""));
    for (var k = 0; k < keys.length; k++) {
      for (var i = 0; i < rows.length; i++) if (rows[i].keys.indexOf(keys[k]) >= 0) return { place: rows[i] };
    }
    var best = null, bestDistance = 3;
    rows.forEach(function (row) {
      row.keys.forEach(function (name) {
        var d = window.VrpSearch.distance(key, name, 2);
        if (key.length >= 4 && d < bestDistance) { best = row; bestDistance = d; }
      });
    });
    return { suggestion: best };
  }
  function chooseArea(id, text) {
    fields.area.value = id;
    placeSaid.textContent = text;
    choices.replaceChildren();
    update();
    // On a phone the open panel fills the screen: bring the count and the first results into view.
    if (window.matchMedia("(max-width: 44.9375em)").matches) {
      var header = document.querySelector(".md-header");
      var top = count.getBoundingClientRect().top + window.scrollY - (header ? header.offsetHeight : 0) - 8;
      window.scrollTo({ top: Math.max(0, top), behavior: "instant" });
    }
  }
  function choiceButton(text, onChoose) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = text;
    button.addEventListener("click", onChoose);
    return button;
  }
  function findNearMe() {
    var text = place.value.trim();
    if (!text) return;
    loadPlaces().then(function (rows) {
      var found = findPlace(rows, text), p = found.place;
      choices.replaceChildren();
      if (p && p.areas.length === 1) {
        chooseArea(p.areas[0].id, p.name + " is in " + p.areas[0].label + ": showing the services there.");
      } else if (p) {
        placeSaid.textContent = p.name + " covers parts of " + p.areas.map(function (a) { return a.label; }).join(" and ")
          + ". Which is yours?";
        p.areas.forEach(function (a) {
          choices.appendChild(choiceButton(a.label, function () {
            chooseArea(a.id, "Showing the services in " + a.label + ".");
            fields.area.focus();
          }));
        });
      } else if (found.suggestion) {
        var s = found.suggestion;
        placeSaid.textContent = "We could not find that place. Did you mean " + s.name + "?";
        choices.appendChild(choiceButton("Yes, " + s.name, function () { place.value = s.name; findNearMe(); }));
      } else {
        placeSaid.textContent = "We could not find that place in Avon and Somerset. Try a nearby town, or choose the area below.";
      }
    }, function () { placeSaid.textContent = "The list of places did not load. Choose the area below instead."; });
  }
  byId("vrp-place-go").addEventListener("click", findNearMe);
  place.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); findNearMe(); }
  });
  place.addEventListener("focus", loadPlaces);
  place.addEventListener("input", function (event) {
    // A name picked from the suggestions is used at once; one being typed is not ("BS1" on the way to
    // "BS16" must not choose Bristol): it waits for Find or Enter.
    if (event.inputType === "insertText" || /^delete/.test(event.inputType || "")) return;
    if (places) places.then(function (rows) {
      if (rows.some(function (r) { return r.name === place.value; })) findNearMe();
    });
  });

  // The first reach for the form fetches what every search needs, so the first result is quick.
  function warm() { search.load(["facets"]).catch(function () {}); }
  form.addEventListener("focusin", warm, { once: true });
  form.addEventListener("pointerdown", warm, { once: true });

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  fields.q.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      if (window.matchMedia("(pointer: coarse)").matches) fields.q.blur(); // put the phone's keyboard away
    }
  });
  fields.q.addEventListener("input", update);
  ["area", "local", "type", "audience", "topic"].forEach(function (name) {
    fields[name].addEventListener("change", update);
  });
  function clear(all) {
    ["area", "type", "audience", "topic"].forEach(function (name) { fields[name].value = ""; });
    fields.local.checked = false;
    place.value = "";
    placeSaid.textContent = "";
    choices.replaceChildren();
    if (all) fields.q.value = "";
    update();
  }
  byId("vrp-clear").addEventListener("click", function () { clear(false); });
  byId("vrp-reset").addEventListener("click", function () { clear(true); fields.q.focus(); });

  // "Copy a link to this search": the only way a search reaches an address, and only when asked.
  copy.addEventListener("click", function () {
    var s = state(), params = new URLSearchParams();
    if (s.q.trim()) params.set("q", s.q.trim());
    ["area", "type", "audience", "topic"].forEach(function (name) { if (s[name]) params.set(name, s[name]); });
    if (s.local) params.set("local", "1");
    var link = location.origin + location.pathname + "?" + params.toString();
    window.vrpCopy(link).then(function (ok) {
      copied.textContent = ok ? "Link copied. It shows this search to anyone who opens it, your words included."
        : "Your browser did not let us copy it. The link is: " + link;
    });
  });

  // A link the site built (a spoke page's ?area=, a copied search): show its view, then clean the address.
  var params = new URLSearchParams(location.search);
  if (location.search) {
    fields.q.value = params.get("q") || "";
    ["area", "type", "audience", "topic"].forEach(function (name) {
      var select = fields[name];
      select.value = params.get(name) || "";
      if (select.value !== (params.get(name) || "")) select.value = ""; // an id this build does not know
    });
    fields.local.checked = params.get("local") === "1";
    history.replaceState(history.state, "", location.pathname + location.hash);
    update(); // the Filter control stays folded, so the results are in view; it says how many filters are on
  }
  // An old link to an entry on this page (resources/#childline) opens the entry's own page.
  var anchor = decodeURIComponent(location.hash.slice(1));
  if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(anchor) && !byId(anchor)) {
    var page = new URL("resources/" + anchor + "/", root);
    fetch(page, { method: "HEAD" }).then(function (response) { if (response.ok) location.replace(page.href); }, function () {});
  }

  // For the benchmark and the tests: rank a query with the data loaded, without drawing it.
  window.vrpDirectory = {
    search: search,
    rank: function (q) { var s = state(); s.q = q; return search.run(s).order.length; }
  };
})();
