/* The site search, loaded when it is wanted, and taught the words people type.

   The theme's search fetches the whole site index (search/search_index.json) and starts its worker
   as every page loads. This script runs just before the theme and makes both wait until the reader
   opens or focuses the search box, so a page that is only read costs nothing for search.

   The same seam expands each query with data/synonyms.yml (search/synonyms.json): a search for
   "stabbing" also looks for "knife" and "knives". The added words are not listed as "missing" in
   the results. Nothing typed is stored, and nothing is put in the address bar (the theme's
   search.highlight and search.share features, which do, are off). */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;
  var SETUP = 0, QUERY = 2, RESULT = 3; // the theme worker's message types
  var wanted = false;
  var waiting = [];
  var groups = null; // data/synonyms.yml, once fetched
  var config = document.getElementById("__config");
  var base = config ? new URL(JSON.parse(config.textContent).base, location.href) : new URL(".", location.href);

  function whenWanted(go) {
    if (wanted) go();
    else waiting.push(go);
  }

  function want() {
    if (wanted) return;
    wanted = true;
    var synonyms = new XMLHttpRequest();
    synonyms.open("GET", new URL("search/synonyms.json", base));
    synonyms.responseType = "json";
    synonyms.onloadend = function () {
      groups = (synonyms.status === 200 && synonyms.response && synonyms.response.groups) || [];
      waiting.splice(0).forEach(function (go) { go(); });
    };
    synonyms.send();
  }

  // 1. The index request is sent only once the reader wants to search.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.vrpIsIndex = INDEX.test(new URL(String(url), location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.vrpIsIndex) return send.apply(request, args);
    whenWanted(function () { send.apply(request, args); });
  };

  // 2. Words people type, in lower case with accents and hyphens folded, padded for whole-word tests.
  function fold(text) {
    return " " + text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9']+/g, " ").trim() + " ";
  }

  // The words of each group one of whose words or phrases the query contains.
  function related(query) {
    var said = fold(query), words = [];
    (groups || []).forEach(function (group) {
      var phrases = group.words.map(fold);
      if (!phrases.some(function (w) { return said.indexOf(w) >= 0; })) return;
      phrases.join(" ").split(" ").forEach(function (word) {
        if (word && words.indexOf(word) < 0) words.push(word);
      });
    });
    return words;
  }

  // The words to add to a query: those related words it does not already have.
  function expansion(query) {
    var said = fold(query);
    return related(query).filter(function (word) { return said.indexOf(" " + word + " ") < 0; });
  }

  // The query as sent: without the small words ("my", "me", "and") a frightened reader types around
  // the ones that matter. The theme matches the last word as a word start, so "hit me" would find
  // "meeting"; a query of small words alone is left as it is. Then the related words are added.
  var SMALL = " a an and am are as at be but by do for from has have he her him his i if in is it its me my of on or our she so that the their them they this to us was we what when who with you your ";
  function sent(query) {
    var words = (query + " " + expansion(query).join(" ")).split(/\s+/);
    var kept = words.filter(function (w) { return w && SMALL.indexOf(" " + w.toLowerCase() + " ") < 0; });
    return kept.length ? kept.join(" ") : query.trim();
  }

  // 3. The theme's search worker, started only when its first message (the index) is sent, and
  //    standing between the theme and the worker to expand queries and tidy the results.
  function SearchWorker(url, options) {
    var self = this;
    var target = document.createDocumentFragment(); // any EventTarget will do
    var worker = null;
    var extra = [], group = [];
    self.addEventListener = target.addEventListener.bind(target);
    self.removeEventListener = target.removeEventListener.bind(target);
    self.dispatchEvent = target.dispatchEvent.bind(target);
    self.terminate = function () { if (worker) worker.terminate(); };
    self.postMessage = function (message) {
      if (!worker) {
        worker = new RealWorker(url, options);
        worker.addEventListener("message", function (event) {
          var data = event.data;
          // A page found through a synonym is not "missing" the word typed, nor the words added.
          if (data && data.type === RESULT && extra.length) {
            data.data.items.forEach(function (documents) {
              documents.forEach(function (doc) {
                if (!doc.terms) return;
                var found = group.some(function (word) { return doc.terms[word]; });
                group.forEach(function (word) {
                  if (doc.terms[word] === false && (found || extra.indexOf(word) >= 0)) delete doc.terms[word];
                });
              });
            });
          }
          var relayed = new MessageEvent("message", { data: data });
          if (typeof self.onmessage === "function") self.onmessage(relayed);
          self.dispatchEvent(relayed);
        });
      }
      if (message && message.type === QUERY && typeof message.data === "string") {
        extra = expansion(message.data);
        group = related(message.data);
        message = { type: QUERY, data: sent(message.data) };
      }
      worker.postMessage(message);
    };
  }

  var RealWorker = window.Worker;
  window.Worker = function (url, options) {
    return WORKER.test(new URL(String(url), location.href).pathname)
      ? new SearchWorker(url, options)
      : new RealWorker(url, options);
  };
  window.Worker.prototype = RealWorker.prototype;

  // 4. Wanting to search: focusing the box, opening it (button, "/" or "s"), or touching it.
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) want();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) want();
  });
  document.addEventListener("pointerdown", function (event) {
    if (event.target.closest && event.target.closest(".md-search, label[for=__search]")) want();
  }, true);
  window.vrpSearch = { wanted: function () { return wanted; }, expansion: expansion, sent: sent }; // for the tests
})();
