/* The light/dark switch, in place of the theme's, which restyles the whole page three times as it
   starts (a third of a second on a phone, on a long page). Same behaviour: the choice is stored as
   "__palette" for the theme's head script to apply on the next page, Enter switches, and the
   browser is told the scheme and the header colour. Starting up, it changes no colour. */
(() => {
  "use strict";
  const form = document.querySelector("[data-vrp-palette]");
  if (!form || !window.__md_get) return;
  const inputs = [...form.querySelectorAll("input")];
  const body = document.body;
  const saved = __md_get("__palette");
  let current = saved ? Math.max(0, Math.min(saved.index, inputs.length - 1)) : 0;

  const meta = (name, content) => {
    let tag = document.head.querySelector(`meta[name="${name}"]`);
    if (!tag) tag = document.head.appendChild(Object.assign(document.createElement("meta"), { name }));
    tag.content = content;
  };
  const hex = (rgb) => "#" + rgb.match(/\d+/g).slice(0, 3).map((v) => (+v).toString(16).padStart(2, "0")).join("");

  // Shows the button that switches away from the palette in use; the checked option is the one Tab reaches.
  const show = (index) => {
    current = index;
    inputs[index].checked = true;
    inputs.forEach((input, i) => {
      const label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = i !== index;
    });
    const header = getComputedStyle(document.querySelector("[data-md-component=header]"));
    meta("color-scheme", header.colorScheme);
    meta("theme-color", hex(header.backgroundColor));
  };

  form.addEventListener("change", (event) => {
    const index = inputs.indexOf(event.target);
    const color = {};
    for (const key of ["media", "scheme", "primary", "accent"]) {
      color[key] = inputs[index].getAttribute(`data-md-color-${key}`);
    }
    body.setAttribute("data-md-color-switching", ""); // the theme's CSS: no transitions mid-switch
    for (const key in color) body.setAttribute(`data-md-color-${key}`, color[key]);
    __md_set("__palette", { index, color });
    show(index);
    setTimeout(() => body.removeAttribute("data-md-color-switching"));
  });
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });
  show(current);
})();
