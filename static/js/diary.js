/* Spasm diary: entries live only in this browser (localStorage). Nothing is ever sent to a
   server: there is no fetch, no form submission, and no entry in any address. Messages come
   from the data- attributes of the diary, in the page's language. */
(function () {
  "use strict";
  var KEY = "hfs-spasm-diary";
  var root = document.querySelector("[data-diary]");
  if (!root) return;
  var msg = root.dataset;
  var app = root.querySelector(".diary__app");
  var form = root.querySelector(".diary__form");
  var list = root.querySelector(".diary__entries");
  var status = root.querySelector(".diary__status");
  var error = root.querySelector(".diary__error");
  var cancel = root.querySelector(".diary__cancel");
  var submit = form.querySelector("button[type=submit]");
  var confirmBox = root.querySelector(".diary__confirm");
  var clearButton = root.querySelector(".diary__clear");
  var editing = null;

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || []; } catch (e) { return []; }
  }
  function store(entries) {
    window.localStorage.setItem(KEY, JSON.stringify(entries));
  }
  try {
    window.localStorage.setItem(KEY + "-test", "1");
    window.localStorage.removeItem(KEY + "-test");
  } catch (e) {
    root.querySelector(".diary__privacy").insertAdjacentHTML("afterend", "<p></p>");
    root.querySelector(".diary__privacy").nextElementSibling.textContent = msg.msgStorage;
    return;
  }
  app.hidden = false;
  root.classList.add("diary--active");

  function say(text) { status.textContent = text; }

  function field(label, value) {
    var wrap = document.createDocumentFragment();
    var dt = document.createElement("dt");
    dt.textContent = label;
    var dd = document.createElement("dd");
    dd.textContent = value || "–";
    wrap.appendChild(dt);
    wrap.appendChild(dd);
    return wrap;
  }

  function labelFor(name) {
    var el = form.querySelector("[for=diary-" + name + "]") || form.querySelector("legend");
    return el.textContent.trim();
  }

  function render() {
    var entries = load();
    list.textContent = "";
    root.classList.toggle("diary--has-entries", entries.length > 0);
    if (!entries.length) {
      var empty = document.createElement("li");
      empty.className = "diary__empty";
      empty.textContent = msg.msgEmpty;
      list.appendChild(empty);
      return;
    }
    entries.forEach(function (entry) {
      var item = document.createElement("li");
      item.className = "diary__entry";
      var heading = document.createElement("h4");
      heading.textContent = entry.date;
      item.appendChild(heading);
      var dl = document.createElement("dl");
      dl.appendChild(field(labelFor("amount"), entry.amount));
      dl.appendChild(field(root.querySelector("legend").textContent.trim(), (entry.parts || []).join(", ")));
      dl.appendChild(field(labelFor("worse"), entry.worse));
      dl.appendChild(field(labelFor("impact"), entry.impact));
      item.appendChild(dl);
      [["edit", msg.msgEdit], ["delete", msg.msgDelete]].forEach(function (action) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button--secondary button--small";
        button.dataset.action = action[0];
        button.dataset.id = entry.id;
        button.textContent = action[1];
        var hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = " " + msg.msgEntry + " " + entry.date;
        button.appendChild(hidden);
        item.appendChild(button);
      });
      list.appendChild(item);
    });
  }

  function today() {
    return new Date().toLocaleDateString(document.documentElement.lang || undefined, {
      weekday: "long", month: "long", day: "numeric"
    });
  }

  function resetForm() {
    form.reset();
    form.elements.date.value = today();
    editing = null;
    cancel.hidden = true;
    submit.textContent = msg.msgSave;
    error.hidden = true;
    form.elements.date.removeAttribute("aria-invalid");
    form.elements.date.setAttribute("aria-describedby", "diary-date-hint");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault(); // the diary never leaves the browser
    var data = form.elements;
    if (!data.date.value.trim()) {
      error.hidden = false;
      data.date.setAttribute("aria-invalid", "true");
      data.date.setAttribute("aria-describedby", "diary-date-error diary-date-hint");
      error.id = "diary-date-error";
      data.date.focus();
      return;
    }
    var entry = {
      id: editing || String(Date.now()),
      date: data.date.value.trim(),
      amount: data.amount.value.trim(),
      parts: Array.prototype.filter.call(form.querySelectorAll("[name=parts]"), function (box) {
        return box.checked;
      }).map(function (box) { return box.value; }),
      worse: data.worse.value.trim(),
      impact: data.impact.value
    };
    var entries = load();
    var index = entries.findIndex(function (e) { return e.id === entry.id; });
    if (index >= 0) { entries[index] = entry; } else { entries.push(entry); }
    store(entries);
    var wasEditing = Boolean(editing);
    resetForm();
    render();
    say(wasEditing ? msg.msgUpdated : msg.msgSaved);
  });

  cancel.addEventListener("click", function () { resetForm(); focusDate(); });
  function focusDate() { form.elements.date.focus(); }

  list.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button) return;
    var entries = load();
    var entry = entries.find(function (e) { return e.id === button.dataset.id; });
    if (!entry) return;
    if (button.dataset.action === "delete") {
      store(entries.filter(function (e) { return e.id !== entry.id; }));
      render();
      say(msg.msgDeleted);
      list.focus();
      return;
    }
    editing = entry.id;
    form.elements.date.value = entry.date;
    form.elements.amount.value = entry.amount;
    form.querySelectorAll("[name=parts]").forEach(function (box) {
      box.checked = (entry.parts || []).indexOf(box.value) >= 0;
    });
    form.elements.worse.value = entry.worse;
    form.elements.impact.value = entry.impact;
    cancel.hidden = false;
    submit.textContent = msg.msgSaveChanges;
    focusDate();
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
    window.localStorage.removeItem(KEY);
    confirmBox.hidden = true;
    render();
    say(msg.msgCleared);
    clearButton.focus();
  });

  list.tabIndex = -1;
  form.elements.date.value = today();
  render();
})();
