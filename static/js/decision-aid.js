/* Decision aid: the "What matters to you" answers live only in this browser (localStorage).
   Nothing is ever sent: there is no form, no fetch, and no answer in any address. The summary's
   text is in the page already (in its language); this script only shows the parts that match
   the answers, and prints the summary on its own. */
(function () {
  "use strict";
  var KEY = "hfs-decision-aid";
  var root = document.querySelector("[data-decision-aid]");
  if (!root) return;
  var radios = root.querySelectorAll("input[type=radio][data-question]");
  var summary = root.querySelector(".decision-summary");
  var status = root.querySelector(".decision-aid__status");
  var stored = true;
  var answers = {};

  try {
    answers = JSON.parse(window.localStorage.getItem(KEY)) || {};
  } catch (e) {
    stored = false;
  }
  if (typeof answers !== "object" || answers === null) answers = {};

  function save() {
    if (!stored) return;
    try {
      window.localStorage.setItem(KEY, JSON.stringify(answers));
    } catch (e) {
      stored = false;
      status.textContent = root.dataset.msgStorage;
    }
  }

  function show() {
    var any = false;
    root.querySelectorAll("[data-summary-question]").forEach(function (item) {
      var chosen = answers[item.dataset.summaryQuestion];
      item.hidden = !chosen;
      item.querySelectorAll("[data-summary-answer]").forEach(function (answer) {
        answer.hidden = answer.dataset.summaryAnswer !== chosen;
      });
      if (chosen) any = true;
    });
    root.querySelectorAll("[data-ask-for]").forEach(function (ask) {
      var parts = ask.dataset.askFor.split("=");
      ask.hidden = answers[parts[0]] !== parts[1];
    });
    summary.querySelector(".decision-summary__answers").hidden = !any;
    summary.querySelector(".decision-summary__empty").hidden = any;
  }

  radios.forEach(function (radio) {
    radio.checked = answers[radio.dataset.question] === radio.value;
    radio.addEventListener("change", function () {
      answers[radio.dataset.question] = radio.value;
      save();
      show();
    });
  });

  root.querySelector(".decision-aid__print").addEventListener("click", function () {
    document.documentElement.classList.add("printing-summary");
    window.print();
  });
  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("printing-summary");
  });
  root.querySelector(".decision-aid__clear").addEventListener("click", function () {
    answers = {};
    if (stored) window.localStorage.removeItem(KEY);
    radios.forEach(function (radio) { radio.checked = false; });
    show();
    status.textContent = root.dataset.msgCleared;
  });

  if (!stored) status.textContent = root.dataset.msgStorage;
  root.querySelector(".decision-aid__actions").hidden = false;
  show();
})();
