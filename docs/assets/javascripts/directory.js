/* Resource directory filters: a text search plus area, type, audience and topic, combined.
   The state lives in the query string (?q=knife&area=bristol&topic=...), so a filtered view can
   be bookmarked and shared, and Back/Forward step through filter changes. Every entry is already
   in the page; this script only hides the ones that do not match. */
(function () {
  "use strict";

  var form = document.getElementById("vrp-filters");
  var directory = document.getElementById("directory");
  if (!form || !directory) return;

  var FIELDS = ["q", "area", "type", "audience", "topic"];
  var count = document.getElementById("vrp-count");
  var none = document.getElementById("vrp-none");
  var data = JSON.parse(document.getElementById("vrp-directory-data").textContent);
  var groups = Array.prototype.slice.call(directory.querySelectorAll(".vrp-directory__group"));
  var typing = false; // consecutive keystrokes replace one history entry instead of adding many

  function normal(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // Plural and simple word endings, so "services" finds "service" and "knives" finds "knife".
  function stems(word) {
    var out = [word];
    if (word.length > 4 && /ies$/.test(word)) out.push(word.slice(0, -3) + "y");
    if (word.length > 4 && /ves$/.test(word)) out.push(word.slice(0, -3) + "fe", word.slice(0, -3) + "f");
    if (word.length > 3 && /es$/.test(word)) out.push(word.slice(0, -2));
    if (word.length > 3 && /s$/.test(word)) out.push(word.slice(0, -1));
    return out;
  }

  var entries = Array.prototype.map.call(directory.querySelectorAll(".vrp-resource"), function (el) {
    var topics = el.dataset.topics.split(" ");
    var extra = topics.map(function (t) { return (data.synonyms[t] || []).join(" "); }).join(" ");
    return {
      el: el,
      group: el.closest(".vrp-directory__group"),
      type: el.dataset.type,
      areas: el.dataset.areas.split(" "),
      audiences: el.dataset.audiences.split(" "),
      topics: topics,
      text: normal(el.textContent + " " + extra),
      shown: true
    };
  });
  var total = entries.length;

  function readState(search) {
    var params = new URLSearchParams(search);
    var state = {};
    FIELDS.forEach(function (name) { state[name] = params.get(name) || ""; });
    return state;
  }

  function formState() {
    var state = {};
    FIELDS.forEach(function (name) { state[name] = form.elements[name].value.trim(); });
    return state;
  }

  function fillForm(state) {
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      field.value = state[name];
      if (field.tagName === "SELECT" && field.value !== state[name]) field.value = ""; // unknown id in a link
    });
  }

  function matches(entry, state, words) {
    if (state.area && entry.areas.indexOf(state.area) < 0 && entry.areas.indexOf(data.area_everywhere) < 0) return false;
    if (state.type && entry.type !== state.type) return false;
    if (state.audience && entry.audiences.indexOf(state.audience) < 0) return false;
    if (state.topic && entry.topics.indexOf(state.topic) < 0) return false;
    return words.every(function (forms) {
      return forms.some(function (form) { return entry.text.indexOf(form) >= 0; });
    });
  }

  function apply(state) {
    var words = normal(state.q).split(/[^a-z0-9]+/).filter(Boolean).map(stems);
    var shown = 0;
    var visibleGroups = new Set();
    entries.forEach(function (entry) {
      var show = matches(entry, state, words);
      if (show !== entry.shown) {
        entry.el.hidden = !show;
        entry.shown = show;
      }
      if (show) {
        shown += 1;
        visibleGroups.add(entry.group);
      }
    });
    groups.forEach(function (group) {
      var hide = !visibleGroups.has(group);
      if (group.hidden !== hide) group.hidden = hide;
    });
    var filtered = FIELDS.some(function (name) { return state[name]; });
    count.textContent = filtered
      ? shown + (shown === 1 ? " resource matches" : " resources match") + " (of " + total + ")"
      : "Showing all " + total + " resources";
    none.hidden = shown > 0;
  }

  function toQuery(state) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "") + location.hash;
  }

  function update(fromTyping) {
    var state = formState();
    var url = toQuery(state);
    if (url !== location.pathname + location.search + location.hash) {
      if (fromTyping && typing) history.replaceState(state, "", url);
      else history.pushState(state, "", url);
    }
    typing = fromTyping;
    apply(state);
  }

  form.addEventListener("input", function (event) { update(event.target.name === "q"); });
  form.addEventListener("change", function (event) { if (event.target.name !== "q") update(false); });
  form.addEventListener("submit", function (event) { event.preventDefault(); typing = false; });
  form.addEventListener("reset", function (event) {
    event.preventDefault(); // clear now, not after the event, so the view updates at once
    FIELDS.forEach(function (name) { form.elements[name].value = ""; });
    update(false);
    form.elements.q.focus();
  });
  document.getElementById("vrp-reset").addEventListener("click", function () { form.reset(); });
  form.elements.q.addEventListener("blur", function () { typing = false; });

  window.addEventListener("popstate", function () {
    var state = readState(location.search);
    typing = false;
    fillForm(state);
    apply(state);
  });

  var initial = readState(location.search);
  if (initial.q) {
    // Material's own search box also claims ?q= when the theme starts (this script runs just
    // before it): hide it from the theme for that moment, then put it back.
    var withoutQ = Object.assign({}, initial, { q: "" });
    history.replaceState(history.state, "", toQuery(withoutQ));
    document.addEventListener("DOMContentLoaded", function () {
      window.setTimeout(function () { history.replaceState(initial, "", toQuery(initial)); }, 0);
    });
  }
  fillForm(initial);
  apply(initial);
  // A shared link to one entry (#childline) still lands on it, even with filters in the address.
  if (location.hash) {
    var target = document.getElementById(location.hash.slice(1));
    if (target && !target.closest("[hidden]")) target.scrollIntoView();
  }

  // For the benchmark: how long one filter pass takes.
  window.vrpDirectory = { apply: function (q) { var s = formState(); s.q = q; apply(s); } };
})();
