/* "Exit this page": leave at once for a neutral page, by click, Enter or pressing Shift three
   times within five seconds. location.replace() swaps this page out of the history, so Back
   does not return to it (GOV.UK's component keeps it; we deliberately do not). Otherwise follows
   the GOV.UK Design System "Exit this page" component: a status message after each press and when
   the presses expire, dots on the button counting them, and the page blanked at once. Once the
   page has scrolled, the button has a band of its own across the top, so it never covers text. */
(function () {
  "use strict";

  var link = document.getElementById("vrp-exit");
  if (!link || !window.location) return;
  var status = document.getElementById("vrp-exit-status");
  var PRESSES = 3;
  var WINDOW_MS = 5000;
  var presses = 0;
  var timer = null;
  var shiftAlone = false; // Shift went down and no other key was pressed with it

  function say(text) {
    if (status) status.textContent = text;
  }

  function count(n) {
    if (n) link.setAttribute("data-presses", String(n));
    else link.removeAttribute("data-presses");
  }

  function exit(event) {
    if (event) event.preventDefault();
    // Blank the page at once, before the next page starts to load.
    var overlay = document.createElement("div");
    overlay.className = "vrp-exit-overlay";
    overlay.setAttribute("role", "alert");
    overlay.textContent = "Loading.";
    document.body.appendChild(overlay);
    document.documentElement.classList.add("vrp-exiting");
    document.title = "Loading";
    window.location.replace(link.href);
  }

  function reset() {
    presses = 0;
    count(0);
    window.clearTimeout(timer);
    timer = null;
  }

  link.addEventListener("click", exit);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      shiftAlone = !event.repeat;
    } else {
      shiftAlone = false; // Shift used to type a capital letter is not a press on its own
      if (presses) {
        reset();
        say("");
      }
    }
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) return;
    shiftAlone = false;
    presses += 1;
    count(presses);
    if (presses >= PRESSES) {
      reset();
      say("Exiting this page.");
      exit();
      return;
    }
    var left = PRESSES - presses;
    say("Shift, press " + left + " more time" + (left === 1 ? "" : "s") + " to exit.");
    if (!timer) {
      timer = window.setTimeout(function () {
        reset();
        say("Exit this page expired.");
      }, WINDOW_MS);
    }
  }, true);

  // Once the help strip has scrolled away, the button sits in a band of its own across the top of the
  // screen, so that it never covers the words of the page; they pass under the band.
  var strip = document.querySelector(".md-banner");
  function band() {
    document.documentElement.classList.toggle("vrp-scrolled", !!strip && strip.getBoundingClientRect().bottom < 1);
  }
  window.addEventListener("scroll", band, { passive: true });
  band();

  // However a reader comes back to a page (Back, the back-forward cache), it is never left blank
  // and never half-way through the presses.
  window.addEventListener("pageshow", function () {
    reset();
    say("");
    document.documentElement.classList.remove("vrp-exiting");
    var overlay = document.querySelector(".vrp-exit-overlay");
    if (overlay) overlay.remove();
  });
})();
