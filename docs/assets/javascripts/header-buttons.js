/* The header's menu and search buttons. The theme opens the menu and the search box with hidden
   checkboxes and <label>s for them, which a mouse or finger can use but a keyboard cannot; with
   JavaScript, header.html's real buttons are shown instead, and each presses its checkbox (the
   theme reacts as it does to the label) and says whether what it opens is open. */
(function () {
  "use strict";
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
  // Escape closes the menu, as it closes the search box, and gives the focus back to its button.
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
})();
