/* The light/dark switch in the header, in place of the theme's. It keeps the theme's behaviour:
   the choice is stored as "__palette" (the theme's head script applies it before the first paint
   of the next page), Enter switches as a click does, the browser is told the scheme and the
   header colour. It differs in one thing: starting up changes nothing on the page, so a long page
   is not restyled while it loads. */
(function () {
  "use strict";

  var form = document.querySelector("[data-vrp-palette]");
  if (!form || !window.__md_get) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  var saved = __md_get("__palette");
  var current = saved ? Math.max(0, Math.min(saved.index, inputs.length - 1)) : 0;

  function meta(name) {
    var element = document.head.querySelector("meta[name='" + name + "']");
    if (!element) {
      element = document.createElement("meta");
      element.name = name;
      document.head.appendChild(element);
    }
    return element;
  }

  /* Show the button that switches away from the palette in use; tell the browser its colours. */
  function show(index) {
    current = index;
    inputs[index].checked = true; // Tab then lands on the one whose button is shown
    inputs.forEach(function (input, i) {
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = i !== index;
    });
    var style = getComputedStyle(document.querySelector("[data-md-component=header]"));
    meta("color-scheme").content = style.colorScheme;
    meta("theme-color").content = "#" + style.backgroundColor.match(/\d+/g).slice(0, 3)
      .map(function (value) { return (+value).toString(16).padStart(2, "0"); }).join("");
  }

  function choose(index) {
    var input = inputs[index], color = {}, body = document.body;
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
    });
    body.setAttribute("data-md-color-switching", ""); // the theme's CSS: no transitions mid-switch
    Object.keys(color).forEach(function (key) {
      body.setAttribute("data-md-color-" + key, color[key]);
    });
    __md_set("__palette", { index: index, color: color });
    show(index);
    setTimeout(function () { body.removeAttribute("data-md-color-switching"); });
  }

  form.addEventListener("change", function (event) {
    choose(inputs.indexOf(event.target));
  });
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    var next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });
  show(current);
})();
