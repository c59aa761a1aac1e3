/* Copying a link, for the directory's "Copy a link to this search" and the "Copy the link" button of
   each entry's page: window.vrpCopy(text) resolves true once the text is on the clipboard. It uses the
   Clipboard API where the browser allows it, and otherwise the older select-and-copy command. */
(function () {
  "use strict";

  function selectAndCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "vrp-copy-buffer";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    area.remove();
    return copied;
  }

  window.vrpCopy = function (text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return selectAndCopy(text); });
    }
    return Promise.resolve(selectAndCopy(text));
  };

  // An entry's page: the address shown is the one the reader is on (a preview's, say), and the button
  // copies it and says so.
  document.querySelectorAll("[data-vrp-copy]").forEach(function (button) {
    var input = document.getElementById(button.getAttribute("data-vrp-copy"));
    var status = document.getElementById("vrp-share-status");
    if (!input) return;
    input.value = location.origin + location.pathname;
    button.hidden = false;
    button.addEventListener("click", function () {
      window.vrpCopy(input.value).then(function (copied) {
        if (status) {
          status.textContent = copied ? "Link copied. Paste it into a message or an email."
            : "Your browser did not let us copy it: select the address above and copy it.";
        }
        if (!copied) input.select();
      });
    });
  });
})();
