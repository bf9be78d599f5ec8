/* Spasm diary: days with spasms and injections live only in this browser (localStorage). Nothing
   is ever sent to a server: there is no fetch, no form submission, and no entry in any address.
   Messages come from the data- attributes of the diary, in the page's language. Text typed by
   the patient is only ever set with textContent, never as HTML. */
(function () {
  "use strict";
  var KEYS = { spasm: "hfs-spasm-diary", injection: "hfs-spasm-diary-injections" };
  var DAY = 86400000;
  var SVG = "http://www.w3.org/2000/svg";
  var root = document.querySelector("[data-diary]");
  if (!root) return;
  var msg = root.dataset;
  var lang = document.documentElement.lang || undefined;
  var app = root.querySelector(".diary__app");
  var status = root.querySelector(".diary__status");
  var confirmBox = root.querySelector(".diary__confirm");
  var clearButton = root.querySelector(".diary__clear");
  var forms = {};
  var editing = { spasm: null, injection: null };
  root.querySelectorAll(".diary__form").forEach(function (form) { forms[form.dataset.kind] = form; });

  function load(kind) {
    try { return JSON.parse(window.localStorage.getItem(KEYS[kind])) || []; } catch (e) { return []; }
  }
  function store(kind, entries) {
    window.localStorage.setItem(KEYS[kind], JSON.stringify(entries));
  }
  try {
    window.localStorage.setItem(KEYS.spasm + "-test", "1");
    window.localStorage.removeItem(KEYS.spasm + "-test");
  } catch (e) {
    root.querySelector(".diary__privacy").insertAdjacentHTML("afterend", "<p></p>");
    root.querySelector(".diary__privacy").nextElementSibling.textContent = msg.msgStorage;
    return;
  }
  app.hidden = false;
  root.classList.add("diary--active");

  function say(text) { status.textContent = text; }

  /* Dates are kept as "YYYY-MM-DD" (what a date field gives) and counted in whole days since
     1970. Entries saved before the diary had a date field hold a date typed as words: they get
     null here, are shown as typed, and are left out of the chart. */
  function dayNumber(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!m) return null;
    var date = new Date(Date.UTC(+m[1], m[2] - 1, +m[3]));
    return date.getUTCMonth() === m[2] - 1 && date.getUTCDate() === +m[3] ? date.getTime() / DAY : null;
  }
  function showDay(day, options) {
    options.timeZone = "UTC";
    return new Date(day * DAY).toLocaleDateString(lang, options);
  }
  function longDate(text) {
    var day = dayNumber(text);
    return day === null ? text : showDay(day, { weekday: "long", year: "numeric", month: "long", day: "numeric" });
  }
  function today() {
    var now = new Date();
    return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY;
  }
  function isoDate(day) { return new Date(day * DAY).toISOString().slice(0, 10); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function svg(tag, attributes, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function field(dl, label, value) {
    dl.appendChild(el("dt", "", label));
    dl.appendChild(el("dd", "", value || "–"));
  }
  function labelOf(form, name) {
    return form.querySelector("[for=" + form.elements[name].id + "]").textContent.trim();
  }
  function byDate(a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; }

  /* One list item with its heading, details, and Change and Delete buttons named for the item. */
  function item(kind, entry, heading, name, details) {
    var li = el("li", kind === "spasm" ? "diary__entry" : "diary__injection");
    li.appendChild(el("h4", "", heading));
    var dl = el("dl");
    details.forEach(function (pair) { field(dl, pair[0], pair[1]); });
    li.appendChild(dl);
    [["edit", msg.msgEdit], ["delete", msg.msgDelete]].forEach(function (action) {
      var button = el("button", "button button--secondary button--small", action[1]);
      button.type = "button";
      button.dataset.action = action[0];
      button.dataset.kind = kind;
      button.dataset.id = entry.id;
      button.appendChild(el("span", "visually-hidden", " " + name));
      li.appendChild(button);
    });
    return li;
  }

  function renderSpasms(entries) {
    var list = root.querySelector(".diary__entries");
    var form = forms.spasm;
    list.textContent = "";
    if (!entries.length) list.appendChild(el("li", "diary__empty", msg.msgEmpty));
    entries.forEach(function (entry) {
      var date = longDate(entry.date);
      list.appendChild(item("spasm", entry, date, msg.msgEntry + " " + date, [
        [labelOf(form, "amount"), entry.amount],
        [form.querySelector("fieldset legend").textContent.trim(), (entry.parts || []).join(", ")],
        [labelOf(form, "worse"), entry.worse],
        [labelOf(form, "impact"), entry.impact]
      ]));
    });
  }

  function renderInjections(shots) {
    var list = root.querySelector(".diary__injections");
    var form = forms.injection;
    var weeks = [];
    list.textContent = "";
    root.querySelector(".diary__shots").hidden = !shots.length;
    shots.forEach(function (shot, index) {
      var date = longDate(shot.date);
      var details = [
        [labelOf(form, "helped"), shot.helped && longDate(shot.helped)],
        [labelOf(form, "woreOff"), shot.woreOff && longDate(shot.woreOff)],
        [labelOf(form, "sideEffects"), shot.sideEffects]
      ];
      if (index > 0) {
        weeks.push(Math.round((dayNumber(shot.date) - dayNumber(shots[index - 1].date)) / 7));
        details.push([msg.msgWeeksSince, String(weeks[weeks.length - 1])]);
      }
      list.appendChild(item("injection", shot, msg.msgInjectionOn + " " + date, msg.msgInjectionFor + " " + date, details));
    });
    root.querySelector(".diary__intervals").textContent = weeks.length ? msg.msgWeeksBetween + " " + weeks.join(", ") : "";
  }

  /* The last 8 weeks, counted back in blocks of 7 days from today, so the last one is always the
     past 7 days. Each week: its first and last day, the number of different days with a spasm
     entry, and the injections given in it. */
  function lastWeeks(days, shots) {
    var weeks = [];
    for (var last = today() - 49; last <= today(); last += 7) {
      weeks.push({ first: last - 6, last: last, count: 0, shots: [] });
    }
    weeks.forEach(function (week) {
      week.count = days.filter(function (d, i) {
        return d >= week.first && d <= week.last && days.indexOf(d) === i; // each day once
      }).length;
      week.shots = shots.filter(function (shot) {
        var d = dayNumber(shot.date);
        return d >= week.first && d <= week.last;
      });
    });
    return weeks;
  }

  /* One bar per week, its height the number of days (out of 7), with the number written above it
     and a ▲ under a week with an injection, so colour is never the only cue. */
  function drawChart(weeks) {
    var chart = svg("svg", { role: "img", "aria-label": msg.msgChart, viewBox: "0 0 320 180", width: "320", height: "180" });
    chart.appendChild(svg("line", { x1: 0, x2: 320, y1: 140, y2: 140, "class": "diary__axis" }));
    weeks.forEach(function (week, index) {
      var x = index * 40 + 20;
      var height = week.count / 7 * 110;
      var middle = { x: x, "text-anchor": "middle" };
      chart.appendChild(svg("rect", { x: x - 12, y: 140 - height, width: 24, height: height, "class": "diary__bar" }));
      chart.appendChild(svg("text", Object.assign({ y: 134 - height }, middle), String(week.count)));
      chart.appendChild(svg("text", Object.assign({ y: 157 }, middle), showDay(week.first, { month: "numeric", day: "numeric" })));
      if (week.shots.length) chart.appendChild(svg("text", Object.assign({ y: 176 }, middle), "▲"));
    });
    return chart;
  }

  function fillTable(body, weeks) {
    var short = new Intl.DateTimeFormat(lang, { month: "short", day: "numeric", timeZone: "UTC" });
    body.textContent = "";
    weeks.forEach(function (week) {
      var row = el("tr");
      var th = el("th", "", short.formatRange ? short.formatRange(week.first * DAY, week.last * DAY)
        : short.format(week.first * DAY) + " – " + short.format(week.last * DAY));
      th.scope = "row";
      row.appendChild(th);
      row.appendChild(el("td", "", String(week.count)));
      row.appendChild(el("td", "", week.shots.map(function (shot) {
        return showDay(dayNumber(shot.date), { month: "long", day: "numeric" });
      }).join(", ") || "–"));
      body.appendChild(row);
    });
  }

  function renderChart(entries, shots) {
    var box = root.querySelector(".diary__chart");
    var key = box.querySelector(".diary__chart-key");
    var days = entries.map(function (entry) { return dayNumber(entry.date); });
    var dated = days.filter(function (d) { return d !== null; });
    var old = box.querySelector("svg");
    if (old) old.remove();
    box.hidden = !dated.length;
    root.querySelector(".diary__undated").hidden = dated.length === days.length;
    if (!dated.length) return;
    var weeks = lastWeeks(dated, shots);
    box.insertBefore(drawChart(weeks), key);
    key.hidden = !weeks.some(function (week) { return week.shots.length; });
    fillTable(box.querySelector("tbody"), weeks);
  }

  function render() {
    var entries = load("spasm");
    var shots = load("injection").sort(byDate);
    root.classList.toggle("diary--has-entries", entries.length + shots.length > 0);
    renderSpasms(entries);
    renderInjections(shots);
    renderChart(entries, shots);
  }

  /* Errors: one message per form, said aloud (role=alert) and tied to the field to fix. */
  function hints(input) {
    return (input.dataset.hints || "").split(" ").filter(function (id) {
      var hint = document.getElementById(id);
      return hint && !hint.hidden;
    });
  }
  function describe(input, extra) {
    var ids = (extra ? [extra] : []).concat(hints(input));
    if (ids.length) { input.setAttribute("aria-describedby", ids.join(" ")); } else { input.removeAttribute("aria-describedby"); }
  }
  function fail(form, input, text) {
    var error = form.querySelector(".diary__error");
    error.textContent = text;
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
    describe(input, error.id);
    input.focus();
  }
  function clearError(form) {
    form.querySelector(".diary__error").hidden = true;
    form.querySelectorAll("input[type=date]").forEach(function (input) {
      input.removeAttribute("aria-invalid");
      describe(input);
    });
  }
  function dateProblem(input, missing) {
    if (input.validity.badInput || (input.value && dayNumber(input.value) === null)) return msg.msgDateBad;
    return !input.value && missing ? missing : "";
  }

  /* Each kind of entry: what is wrong with the form (the first problem only), the entry it makes,
     and how an entry fills the form again. */
  var kinds = {
    spasm: {
      problem: function (f) { return [f.date, dateProblem(f.date, msg.msgDateMissing)]; },
      read: function (f) {
        return {
          date: f.date.value,
          amount: f.amount.value.trim(),
          parts: Array.prototype.filter.call(f.parts, function (box) { return box.checked; })
            .map(function (box) { return box.value; }),
          worse: f.worse.value.trim(),
          impact: f.impact.value
        };
      },
      fill: function (f, entry) {
        var typed = dayNumber(entry.date) === null;
        var hint = document.getElementById("diary-date-hint");
        f.date.value = typed ? "" : entry.date;
        hint.textContent = msg.msgOldDate + " " + entry.date;
        hint.hidden = !typed;
        describe(f.date);
        f.amount.value = entry.amount || "";
        Array.prototype.forEach.call(f.parts, function (box) { box.checked = (entry.parts || []).indexOf(box.value) >= 0; });
        f.worse.value = entry.worse || "";
        f.impact.value = entry.impact || "";
      }
    },
    injection: {
      problem: function (f) {
        var date = f.date.value;
        var helped = f.helped.value;
        var woreOff = f.woreOff.value;
        return [
          [f.date, dateProblem(f.date, msg.msgInjectionMissing)],
          [f.helped, dateProblem(f.helped)],
          [f.woreOff, dateProblem(f.woreOff)],
          [f.helped, helped && helped < date ? msg.msgHelpedEarly : ""],
          [f.woreOff, woreOff && woreOff < date ? msg.msgWoreOffEarly : ""],
          [f.woreOff, woreOff && helped && woreOff < helped ? msg.msgWoreOffBeforeHelp : ""]
        ].filter(function (check) { return check[1]; })[0] || [null, ""];
      },
      read: function (f) {
        return { date: f.date.value, helped: f.helped.value, woreOff: f.woreOff.value, sideEffects: f.sideEffects.value.trim() };
      },
      fill: function (f, shot) {
        f.date.value = shot.date;
        f.helped.value = shot.helped || "";
        f.woreOff.value = shot.woreOff || "";
        f.sideEffects.value = shot.sideEffects || "";
      }
    }
  };

  function resetForm(kind) {
    var form = forms[kind];
    form.reset();
    form.elements.date.value = isoDate(today());
    editing[kind] = null;
    form.querySelector(".diary__cancel").hidden = true;
    form.querySelector("button[type=submit]").textContent = msg.msgSave;
    if (kind === "spasm") document.getElementById("diary-date-hint").hidden = true;
    clearError(form);
  }

  function choose(kind) {
    Object.keys(forms).forEach(function (name) { forms[name].hidden = name !== kind; });
    document.getElementById("diary-kind-" + kind).checked = true;
  }

  Object.keys(forms).forEach(function (kind) {
    var form = forms[kind];
    form.querySelectorAll("input[type=date]").forEach(function (input) {
      input.dataset.hints = input.getAttribute("aria-describedby") || "";
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault(); // the diary never leaves the browser
      clearError(form);
      var problem = kinds[kind].problem(form.elements);
      if (problem[1]) { fail(form, problem[0], problem[1]); return; }
      var entry = kinds[kind].read(form.elements);
      entry.id = editing[kind] || String(Date.now());
      var entries = load(kind);
      var index = entries.findIndex(function (e) { return e.id === entry.id; });
      if (index >= 0) { entries[index] = entry; } else { entries.push(entry); }
      store(kind, entries);
      var wasEditing = Boolean(editing[kind]);
      resetForm(kind);
      render();
      say(wasEditing ? msg.msgUpdated : msg.msgSaved);
    });
    form.querySelector(".diary__cancel").addEventListener("click", function () {
      resetForm(kind);
      form.elements.date.focus();
    });
    resetForm(kind);
  });

  root.querySelectorAll("[name=diary-kind]").forEach(function (radio) {
    radio.addEventListener("change", function () { choose(radio.value); });
  });

  app.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button) return;
    var kind = button.dataset.kind;
    var entries = load(kind);
    var entry = entries.find(function (e) { return e.id === button.dataset.id; });
    if (!entry) return;
    if (button.dataset.action === "delete") {
      store(kind, entries.filter(function (e) { return e.id !== entry.id; }));
      render();
      say(msg.msgDeleted);
      button.closest("ol").focus();
      return;
    }
    var form = forms[kind];
    resetForm(kind);
    editing[kind] = entry.id;
    kinds[kind].fill(form.elements, entry);
    form.querySelector(".diary__cancel").hidden = false;
    form.querySelector("button[type=submit]").textContent = msg.msgSaveChanges;
    choose(kind);
    form.elements.date.focus();
  });

  root.querySelector(".diary__print").addEventListener("click", function () { window.print(); });

  clearButton.addEventListener("click", function () {
    confirmBox.hidden = false;
    confirmBox.querySelector(".diary__confirm-no").focus();
  });
  confirmBox.querySelector(".diary__confirm-no").addEventListener("click", function () {
    confirmBox.hidden = true;
    clearButton.focus();
  });
  confirmBox.querySelector(".diary__confirm-yes").addEventListener("click", function () {
    window.localStorage.removeItem(KEYS.spasm);
    window.localStorage.removeItem(KEYS.injection);
    confirmBox.hidden = true;
    render();
    say(msg.msgCleared);
    clearButton.focus();
  });

  root.querySelectorAll(".diary__entries, .diary__injections").forEach(function (list) { list.tabIndex = -1; });
  render();
})();
