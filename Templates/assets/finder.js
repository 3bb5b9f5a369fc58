// /certifications/: narrow the list by setting, level, highest cost, longest time, exam format
// and renewal, and sort it by cost or time. Reads the cards' data- attributes (partials/card).
// OR within a group, AND between groups; a card for "any" setting suits every setting. A card
// without a published cost (or priced in another currency than most of the guide), or without a
// published time, is never taken as free or quick: while that filter or sort is on, it is listed
// apart, below the others. The counts beside each choice say how many the list would show with
// it. State lives in the query string (?setting=public&cost=300&sort=cost).
// Without this script the form stays hidden and every certification is listed by level.
(function () {
  "use strict";
  var form = document.querySelector("form[data-finder]");
  if (!form || !window.URLSearchParams || !history.replaceState) return;

  var MULTI = ["setting", "level", "exam", "renewal"];
  var sorted = document.querySelector("[data-finder-sorted]");
  var apart = document.querySelector("[data-finder-apart]");
  var status = form.querySelector(".finder-status");
  var reset = form.querySelector(".filter-reset");
  var sortBox = form.elements.sort;
  var groups = [].slice.call(document.querySelectorAll(".level-group"));
  var nums = function (v) { return v === null || v === "" ? NaN : Number(v); };

  var tally = {};
  var cards = [].slice.call(document.querySelectorAll(".level-group li.card")).map(function (el, index) {
    var c = el.getAttribute("data-currency") || "";
    if (c) tally[c] = (tally[c] || 0) + 1;
    return {
      el: el, index: index, home: el.parentNode, currency: c,
      level: [el.getAttribute("data-level")],
      setting: (el.getAttribute("data-settings") || "").split(/\s+/),
      min: nums(el.getAttribute("data-cost-min")), max: nums(el.getAttribute("data-cost-max")),
      months: nums(el.getAttribute("data-months")),
      exam: (el.getAttribute("data-exam") || "").split(/\s*,\s*/).filter(Boolean),
      renewal: [el.getAttribute("data-renewal")]
    };
  });
  // The guide's currency: the one most of its costs are in.
  var currency = Object.keys(tally).sort(function (a, b) { return tally[b] - tally[a]; })[0] || "USD";
  var money;
  try {
    money = new Intl.NumberFormat(document.documentElement.lang || undefined, { style: "currency", currency: currency, maximumFractionDigits: 0 });
  } catch (e) { money = { format: function (n) { return n + " " + currency; } }; }
  [].forEach.call(form.querySelectorAll("[data-money]"), function (span) { span.textContent = money.format(+span.getAttribute("data-money")); });
  cards.forEach(function (card) { card.priced = card.currency === currency && !isNaN(card.max); });

  // Exam formats, from the cards, most common first.
  var formats = {};
  cards.forEach(function (card) { card.exam.forEach(function (f) { formats[f] = (formats[f] || 0) + 1; }); });
  var examBox = form.querySelector("[data-exam-formats]");
  var formatNames = Object.keys(formats).sort(function (a, b) { return formats[b] - formats[a] || (a < b ? -1 : 1); });
  if (formatNames.length) {
    formatNames.forEach(function (name) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      var count = document.createElement("span");
      input.type = "checkbox"; input.name = "exam"; input.value = name;
      count.className = "finder-count";
      label.append(input, " " + name.charAt(0).toUpperCase() + name.slice(1) + " ", count);
      examBox.appendChild(label);
    });
  } else if (examBox) examBox.remove();

  function inputs(name) { return [].slice.call(form.querySelectorAll('input[name="' + name + '"]')); }

  function read() {
    var s = {};
    MULTI.forEach(function (name) {
      s[name] = inputs(name).filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
    });
    ["cost", "months"].forEach(function (name) {
      var on = inputs(name).filter(function (i) { return i.checked; })[0];
      s[name] = on && on.value ? +on.value : null;
    });
    s.sort = sortBox.value;
    return s;
  }

  // "hide", "main" or "apart" (fits what is known, but a filtered or sorted value is missing).
  function place(card, s) {
    for (var i = 0; i < MULTI.length; i++) {
      var want = s[MULTI[i]], own = card[MULTI[i]];
      if (want.length && !own.some(function (v) { return want.indexOf(v) !== -1 || (MULTI[i] === "setting" && v === "any"); })) return "hide";
    }
    var away = false;
    if (s.cost !== null || s.sort === "cost") {
      if (!card.priced) away = true;
      else if (s.cost !== null && card.max > s.cost) return "hide";
    }
    if (s.months !== null || s.sort === "months") {
      if (isNaN(card.months)) away = true;
      else if (s.months !== null && card.months > s.months) return "hide";
    }
    return away ? "apart" : "main";
  }
  function count(s) { return cards.filter(function (c) { return place(c, s) === "main"; }).length; }
  function copy(s, name, value) {
    var t = {};
    for (var k in s) t[k] = s[k];
    t[name] = value;
    return t;
  }

  function apply() {
    var s = read();
    var main = [], away = [];
    cards.forEach(function (card) {
      var where = place(card, s);
      card.el.hidden = where === "hide";
      (where === "main" ? main : where === "apart" ? away : []).push(card);
    });
    // Where the cards go: their level's list, or one list in cost or time order.
    if (s.sort) {
      var key = s.sort === "cost" ? function (c) { return [c.min, c.max]; } : function (c) { return [c.months, c.min]; };
      main.sort(function (a, b) {
        var x = key(a), y = key(b);
        return (x[0] - y[0]) || (x[1] - y[1]) || a.index - b.index;
      });
      main.forEach(function (c) { sorted.lastElementChild.appendChild(c.el); });
    } else {
      cards.forEach(function (c) { if (away.indexOf(c) === -1) c.home.appendChild(c.el); });
    }
    away.forEach(function (c) { apart.lastElementChild.appendChild(c.el); });
    sorted.hidden = !s.sort || !main.length;
    groups.forEach(function (g) {
      var n = g.querySelectorAll("li.card:not([hidden])").length;
      g.hidden = !!s.sort || !n;
      var badge = g.querySelector(".count");
      if (badge) badge.textContent = String(n);
    });
    var noCost = away.some(function (c) { return (s.cost !== null || s.sort === "cost") && !c.priced; });
    var noTime = away.some(function (c) { return (s.months !== null || s.sort === "months") && isNaN(c.months); });
    var missing = noCost && noTime ? "cost or time to complete" : noCost ? "cost" : "time to complete";
    apart.hidden = !away.length;
    apart.querySelector("h2").textContent = "Without a published " + missing + " (" + away.length + ")";
    apart.querySelector("p").textContent = "These fit your other choices, but the guide has no " + missing +
      (noCost ? " in " + currency : "") + " for them, so they are neither counted as free nor left out. Ask the issuer.";

    // Counts beside each choice: what the list would show with it.
    MULTI.forEach(function (name) {
      inputs(name).forEach(function (input) {
        input.parentNode.querySelector(".finder-count").textContent = "(" + count(copy(s, name, [input.value])) + ")";
      });
    });
    ["cost", "months"].forEach(function (name) {
      inputs(name).forEach(function (input) {
        input.parentNode.querySelector(".finder-count").textContent = "(" + count(copy(s, name, input.value ? +input.value : null)) + ")";
      });
    });

    var text = "Showing " + main.length + " of " + cards.length + " certifications";
    if (away.length) text += ", and " + away.length + " without a published " + missing + " listed apart";
    text += main.length || away.length ? "." : ". Clear a filter to see more.";
    if (s.sort) text += " Sorted by " + (s.sort === "cost" ? "cost, lowest first." : "time to complete, shortest first.");
    if (status.textContent !== text) status.textContent = text;
    var filtered = MULTI.some(function (n) { return s[n].length; }) || s.cost !== null || s.months !== null || !!s.sort;
    reset.hidden = !filtered;
    return s;
  }

  function readQuery() {
    var p = new URLSearchParams(location.search);
    MULTI.forEach(function (name) {
      var want = [];
      p.getAll(name).forEach(function (v) { want = want.concat(v.split(",")); });
      inputs(name).forEach(function (i) { i.checked = want.indexOf(i.value) !== -1; });
    });
    ["cost", "months"].forEach(function (name) {
      var want = p.get(name) || "";
      var match = inputs(name).filter(function (i) { return i.value === want; })[0] || inputs(name)[0];
      match.checked = true;
    });
    var sort = p.get("sort") || "";
    sortBox.value = [].some.call(sortBox.options, function (o) { return o.value === sort; }) ? sort : "";
  }

  function writeQuery(s) {
    var p = new URLSearchParams(location.search);
    MULTI.concat(["cost", "months", "sort"]).forEach(function (name) { p.delete(name); });
    MULTI.forEach(function (name) { s[name].forEach(function (v) { p.append(name, v); }); });
    if (s.cost !== null) p.set("cost", s.cost);
    if (s.months !== null) p.set("months", s.months);
    if (s.sort) p.set("sort", s.sort);
    var q = p.toString();
    history.replaceState(history.state, "", location.pathname + (q ? "?" + q : "") + location.hash);
  }

  readQuery();
  apply();
  form.hidden = false;
  form.addEventListener("change", function () { writeQuery(apply()); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () {
      writeQuery(apply());
      form.querySelector("input").focus(); // the button just hid itself
    });
  });
})();
