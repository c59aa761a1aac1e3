/* The header's menu and search buttons.

   Menu: the theme opens it with a hidden checkbox and a <label>, which a mouse or finger can use but a
   keyboard cannot; with JavaScript, header.html's real button is shown instead, presses the checkbox
   and says whether the menu is open. Escape closes it and gives the focus back to its button.

   Search: the button (or "/" or "s" where no text is being typed) opens the site search's dialog at
   once, and only then fetches site-search.mjs, which does the searching: a page that is only read
   fetches nothing for search. While the dialog is open the exit button is moved into it, so that it
   stays on screen above the dialog and works as ever; it goes back when the dialog closes. */
(function () {
  "use strict";
  var script = document.currentScript;
  document.querySelectorAll("button[data-vrp-toggle]").forEach(function (button) {
    var toggle = document.getElementById(button.getAttribute("data-vrp-toggle"));
    if (!toggle) return;
    var sync = function () { button.setAttribute("aria-expanded", String(toggle.checked)); };
    button.addEventListener("click", function () {
      toggle.click();
      sync();
    });
    toggle.addEventListener("change", sync);
  });
  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer");
    if (event.key !== "Escape" || !drawer || !drawer.checked) return;
    drawer.click();
    var button = document.querySelector("button[data-vrp-toggle=__drawer]");
    if (button) {
      button.setAttribute("aria-expanded", "false");
      button.focus();
    }
  });

  var dialog = document.getElementById("vrp-site-search");
  var opener = document.querySelector("[data-vrp-search-open]");
  if (!dialog || !opener || !dialog.showModal) return;
  var exit = document.querySelector(".vrp-exit"), exitHome = exit && document.createComment("vrp-exit");
  if (exit) exit.before(exitHome);
  var started = null;

  function open() {
    if (dialog.open) return;
    if (exit) dialog.prepend(exit);
    dialog.showModal();
    document.getElementById("vrp-site-q").focus();
    if (!started && script) {
      started = import(new URL("site-search.mjs", script.src).href).then(function (module) { module.start(dialog); });
    }
  }
  dialog.addEventListener("close", function () {
    if (exit) exitHome.after(exit);
    opener.focus();
  });
  dialog.querySelector("[data-vrp-search-close]").addEventListener("click", function () { dialog.close(); });
  // Escape closes the search at once, even with words in the box (a search box would clear them first).
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      dialog.close();
    }
  });
  // A click on the dimmed page around the dialog (on a wide screen) closes it, as Escape does.
  dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
  opener.addEventListener("click", open);
  document.addEventListener("keydown", function (event) {
    var target = event.target, typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if ((event.key === "/" || event.key === "s") && !typing && !event.ctrlKey && !event.metaKey && !event.altKey && !dialog.open) {
      event.preventDefault();
      open();
    }
  });
})();
