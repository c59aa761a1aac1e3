/* The light/dark switch, in place of the theme's, which restyles the whole page three times as it
   starts (a third of a second on a phone, on a long page). Until the reader chooses, the page follows
   the device's light or dark setting (partials/javascripts/palette.html applied it before the first
   paint), and changes with it; a choice is stored as "__palette" for the next page. Enter switches.
   The button shown, and its name, always say what it will do now ("Switch to dark mode"). The browser
   is told the scheme and the header colour. Starting up, it changes no colour. */
(() => {
  "use strict";
  const form = document.querySelector("[data-vrp-palette]");
  if (!form || !window.__md_get) return;
  const inputs = [...form.querySelectorAll("input")];
  const body = document.body;
  const saved = __md_get("__palette");
  const device = () => Math.max(0, inputs.findIndex((input) => {
    const media = input.getAttribute("data-md-color-media");
    return media && matchMedia(media).matches;
  }));
  let current = saved ? Math.max(0, Math.min(saved.index, inputs.length - 1)) : device();

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

  const apply = (index, keep) => {
    const color = {};
    for (const key of ["scheme", "primary", "accent"]) color[key] = inputs[index].getAttribute(`data-md-color-${key}`);
    body.setAttribute("data-md-color-switching", ""); // the theme's CSS: no transitions mid-switch
    for (const key in color) body.setAttribute(`data-md-color-${key}`, color[key]);
    if (keep) __md_set("__palette", { index, color });
    show(index);
    setTimeout(() => body.removeAttribute("data-md-color-switching"));
  };
  form.addEventListener("change", (event) => apply(inputs.indexOf(event.target), true));
  // Until the reader chooses, a change of the device's setting changes the page.
  inputs.forEach((input) => {
    const media = input.getAttribute("data-md-color-media");
    if (media) matchMedia(media).addEventListener("change", () => { if (!__md_get("__palette")) apply(device(), false); });
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
