// Compare selection, on every page: the "Compare" toggles (button.pick[data-pick], rendered
// hidden by the templates) and a tray at the foot of the window with how many are picked and a
// link to /compare/?c=slug,slug. The picks live in localStorage, so they last across pages and
// tabs. window.certguidePicks lets compare.js read and change them. Without this script the
// toggles stay hidden and /compare/ lists every certification.
// It also puts the searched words on search results' links and loads highlight.js on a page
// opened from one (?hl=words).
(function () {
  "use strict";
  var KEY = "certguide-compare";
  var me = document.currentScript;
  var listeners = [];

  function read() {
    try {
      var list = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list.filter(function (s) { return typeof s === "string" && /^[\w-]+$/.test(s); }) : [];
    } catch (e) { return []; }
  }
  var picks = read();

  function save(list, said) {
    picks = list.filter(function (s, i) { return list.indexOf(s) === i; });
    try { localStorage.setItem(KEY, JSON.stringify(picks)); } catch (e) { /* private mode: this page only */ }
    render(said);
  }

  function el(tag, props, text) {
    var e = document.createElement(tag);
    for (var k in props) e.setAttribute(k, props[k]);
    if (text) e.textContent = text;
    return e;
  }

  var live = el("p", { "class": "visually-hidden", role: "status" });
  var tray = el("div", { "class": "tray", role: "region", "aria-label": "Certifications picked to compare" });
  var count = el("span", { "class": "tray-count" });
  var go = el("a", { "class": "button tray-go" }, "Compare side by side");
  var clear = el("button", { type: "button", "class": "tray-clear" }, "Clear");
  tray.appendChild(el("div", { "class": "tray-inner wrap" }));
  tray.firstChild.append(count, go, clear);
  tray.hidden = true;
  document.body.append(live, tray);

  function noun(n) { return n + (n === 1 ? " certification" : " certifications"); }

  function render(said) {
    var buttons = document.querySelectorAll("button.pick[data-pick]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].setAttribute("aria-pressed", String(picks.indexOf(buttons[i].getAttribute("data-pick")) !== -1));
    }
    var n = picks.length;
    tray.hidden = !n;
    document.body.classList.toggle("has-tray", !!n);
    count.textContent = noun(n) + " picked";
    go.href = "/compare/?c=" + picks.join(",");
    if (said) live.textContent = said + " " + (n ? noun(n) + " picked to compare." : "None picked to compare.");
    listeners.forEach(function (f) { f(picks.slice()); });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.pick[data-pick]");
    if (!button) return;
    var slug = button.getAttribute("data-pick");
    var name = (button.querySelector(".visually-hidden") || button).textContent.trim();
    var at = picks.indexOf(slug);
    if (at === -1) save(picks.concat(slug), "Added " + name + ".");
    else save(picks.slice(0, at).concat(picks.slice(at + 1)), "Removed " + name + ".");
  });
  clear.addEventListener("click", function () {
    save([], "Cleared.");
    var main = document.getElementById("main");
    if (main) main.focus(); // the tray just hid itself
  });
  addEventListener("storage", function (event) {
    if (event.key === KEY) { picks = read(); render(); }
  });

  window.certguidePicks = {
    get: function () { return picks.slice(); },
    set: save,
    on: function (f) { listeners.push(f); }
  };
  render();

  // "Print fact sheet" on a certification page: print.css-like rules under html.fact-sheet
  // (site.css, section 6) keep the facts, sources and address on one page.
  var sheet = document.querySelector("button.print-sheet");
  if (sheet) {
    sheet.hidden = false;
    sheet.addEventListener("click", function () {
      document.documentElement.classList.add("fact-sheet");
      window.print();
    });
    addEventListener("afterprint", function () { document.documentElement.classList.remove("fact-sheet"); });
  }

  // Search results (search.js) link to their page with the words searched, ?hl=…, for
  // highlight.js there. Done here, as the results appear, to keep search.js in its budget.
  var results = document.getElementById("search-results");
  var input = document.getElementById("search-input");
  if (results && input && window.MutationObserver) {
    new MutationObserver(function () {
      var q = input.value.trim();
      [].forEach.call(results.querySelectorAll("a.search-link"), function (a) {
        var u = new URL(a.getAttribute("href"), location.href);
        if (q) u.searchParams.set("hl", q); else u.searchParams.delete("hl");
        a.setAttribute("href", u.pathname + u.search + u.hash);
      });
    }).observe(results, { childList: true });
  }

  if (me && me.getAttribute("data-highlight") && /[?&]hl=/.test(location.search)) {
    var script = el("script", { src: me.getAttribute("data-highlight") });
    document.head.appendChild(script);
  }
})();
