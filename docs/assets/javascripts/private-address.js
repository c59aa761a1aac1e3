/* Keeps the topic a reader is reading out of the address bar and the history.

   A link to a section ("help/#domestic-abuse", from the site search, a page's contents or another page)
   would leave that topic in the address and in the history, where someone else could see it. On this
   site a link to a section of the same page scrolls there and moves the focus there, and adds nothing to
   the history; a page opened at a section scrolls there, and its address is then put back to the page's
   own, in the same history entry. Back still goes to the page before. */
(function () {
  "use strict";

  function target(hash) {
    var id;
    try { id = decodeURIComponent(hash.slice(1)); } catch (error) { return null; }
    return id ? document.getElementById(id) : null;
  }

  // Scroll to the section (opening it, if it is folded) and start the keyboard there, as following the link would have.
  function go(element) {
    for (var fold = element.closest("details"); fold; fold = fold.parentElement.closest("details")) fold.open = true;
    element.scrollIntoView({ block: "start" });
    if (!element.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(element.tagName)) {
      element.setAttribute("tabindex", "-1");
    }
    element.focus({ preventScroll: true });
  }

  function forget() {
    if (location.hash) history.replaceState(history.state, "", location.pathname + location.search);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var url = new URL(link.href, location.href);
    if (!url.hash || url.origin !== location.origin || url.pathname !== location.pathname || url.search !== location.search) return;
    var element = target(url.hash);
    if (!element) return;
    event.preventDefault();
    go(element);
  });

  // A page opened at a section: once it is there, the section leaves the address.
  if (location.hash) {
    var element = target(location.hash);
    var settle = function () {
      if (element) go(element);
      forget();
    };
    if (document.readyState === "complete") settle();
    else window.addEventListener("load", settle, { once: true });
  }
  window.addEventListener("hashchange", forget);
})();
