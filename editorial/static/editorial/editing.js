/* The CMS's message bar (where "Saved in the draft." and errors appear while editing) is a
   polite live region, so screen readers announce each message (editorial/inline_saves.py). */
(function () {
  "use strict";
  function announceMessages() {
    var inner = document.querySelector(".cms-messages-inner");
    if (inner) {
      inner.setAttribute("role", "status");
      inner.setAttribute("aria-live", "polite");
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", announceMessages);
  } else {
    announceMessages();
  }
})();
