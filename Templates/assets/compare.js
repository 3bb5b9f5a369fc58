// Compare page: sort the table by clicking (or pressing Enter/Space on) a column header.
// Each header's text moves into a <button>; the header gets aria-sort. Columns whose cells
// carry data-value sort numerically; cells without a value ("Varies", "—") always go last.
// Without this script the table stays in its published order.
// With ?c=slug,slug (the tray's link, see pick.js) the page shows just those certifications side
// by side instead: one column each, a row per fact, rows whose values differ marked "Differs".
// The link's choice becomes the reader's picks; changing the picks changes the view and the URL.
(function () {
  "use strict";
  var table = document.querySelector("table.compare");
  if (!table || !table.tHead || !table.tBodies.length) return;

  var body = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var rows = Array.prototype.slice.call(body.rows);
  var LEVELS = ["support", "technician", "professional", "specialist"];
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });
  var MISSING = /^(—|-|–|varies|not published)?$/i;

  // Sort keys per column, computed once: { missing, value } per row, in published order.
  var keys = headers.map(function (header, column) {
    var cells = rows.map(function (row) { return row.cells[column]; });
    var numeric = cells.some(function (cell) { return cell && cell.hasAttribute("data-value"); });
    var texts = cells.map(function (cell) {
      if (!cell) return "";
      var link = cell.querySelector("a");
      return (link || cell).textContent.replace(/\s+/g, " ").trim();
    });
    var levels = texts.every(function (text) { return LEVELS.indexOf(text.toLowerCase()) !== -1; });
    return cells.map(function (cell, index) {
      if (numeric) {
        var number = cell ? parseFloat(cell.getAttribute("data-value")) : NaN;
        return { missing: isNaN(number), value: number };
      }
      if (levels) return { missing: false, value: LEVELS.indexOf(texts[index].toLowerCase()) };
      return { missing: MISSING.test(texts[index]), value: texts[index] };
    });
  });

  var live = document.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("role", "status");
  (table.closest(".table-scroll") || table).insertAdjacentElement("afterend", live);

  function sortBy(column, direction) {
    var columnKeys = keys[column];
    var order = rows.map(function (row, index) { return index; });
    order.sort(function (a, b) {
      var x = columnKeys[a], y = columnKeys[b];
      if (x.missing !== y.missing) return x.missing ? 1 : -1; // blanks last either way
      var result = 0;
      if (!x.missing) {
        result = typeof x.value === "number" ? x.value - y.value : collator.compare(x.value, y.value);
      }
      return result * direction || a - b; // stable: ties keep published order
    });
    var fragment = document.createDocumentFragment();
    order.forEach(function (index) { fragment.appendChild(rows[index]); });
    body.appendChild(fragment);

    headers.forEach(function (header, index) {
      if (index === column) header.setAttribute("aria-sort", direction > 0 ? "ascending" : "descending");
      else header.removeAttribute("aria-sort");
    });
    live.textContent = "Sorted by " + headers[column].textContent.trim() + ", " +
      (direction > 0 ? "ascending" : "descending") + ".";
  }

  headers.forEach(function (header, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    while (header.firstChild) button.appendChild(header.firstChild);
    header.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = header.getAttribute("aria-sort") === "ascending";
      sortBy(column, ascending ? -1 : 1);
    });
  });

  var picked = document.getElementById("compare-picked");
  var all = document.getElementById("compare-all");
  var picks = window.certguidePicks;
  if (!picked || !all || !picks || !window.URLSearchParams || !history.replaceState) return;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    (children || []).forEach(function (c) { e.append(c); });
    return e;
  }
  function text(node) { return node.textContent.replace(/\s+/g, " ").trim(); }
  function byId(slug) {
    for (var i = 0; i < rows.length; i++) if (rows[i].id === slug) return rows[i];
    return null;
  }

  // Facts: [label, cell of a row]. The issuer sits under the name in the first column.
  var facts = [["Issuer", function (row) { return row.cells[0].querySelector(".issuer"); }]];
  headers.forEach(function (header, column) {
    if (column) facts.push([text(header), function (row) { return row.cells[column]; }]);
  });

  var printed = document.querySelector(".print-url span");
  var address = printed && printed.textContent;

  function show(list, focus) {
    var chosen = list.map(byId).filter(Boolean);
    var query = chosen.length ? "?c=" + chosen.map(function (r) { return r.id; }).join(",") : "";
    if (printed) printed.textContent = address + query;
    picked.textContent = "";
    picked.hidden = !chosen.length;
    all.hidden = !!chosen.length;
    var url = location.pathname + query + location.hash;
    if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
    if (!chosen.length) return;

    var n = chosen.length;
    var title = el("h2", { id: "picked-title", tabindex: "-1" }, ["Side by side: " + n + (n === 1 ? " certification" : " certifications")]);
    var head = el("tr", {}, [el("td")]);
    chosen.forEach(function (row) {
      var name = row.cells[0].querySelector("a");
      var remove = el("button", { type: "button", "class": "unpick" }, ["Remove", el("span", { "class": "visually-hidden" }, [" " + text(name)])]);
      remove.addEventListener("click", function () {
        picks.set(picks.get().filter(function (s) { return s !== row.id; }), "Removed " + text(name) + ".");
        var heading = document.getElementById("picked-title");
        (heading || document.getElementById("main")).focus();
      });
      var abbr = row.cells[0].querySelector(".abbr");
      head.append(el("th", { scope: "col" }, [name.cloneNode(true)].concat(abbr ? [" ", abbr.cloneNode(true)] : [], [" ", remove])));
    });
    var body = el("tbody");
    facts.forEach(function (fact) {
      var cells = chosen.map(function (row) { return fact[1](row); });
      var values = cells.map(function (c) { return c ? text(c).toLowerCase() : ""; });
      var differs = n > 1 && values.some(function (v) { return v !== values[0]; });
      var th = el("th", { scope: "row" }, [fact[0]].concat(differs ? [" ", el("span", { "class": "differs-tag" }, ["Differs"])] : []));
      var tr = el("tr", differs ? { "class": "differs" } : {}, [th]);
      cells.forEach(function (c) {
        var td = el("td");
        if (c) Array.prototype.forEach.call(c.childNodes, function (node) {
          if (!(node.nodeType === 1 && node.matches(".pick"))) td.append(node.cloneNode(true));
        });
        if (!text(td)) td.textContent = "—";
        tr.append(td);
      });
      body.append(tr);
    });
    var table = el("table", { "class": "side" }, [
      el("caption", {}, ["Facts as rows, one column per certification." + (n > 1 ? " Rows marked “Differs” are not the same for all." : "")]),
      el("thead", {}, [head]), body]);
    table.style.setProperty("--n", n);
    picked.append(title,
      el("p", { "class": "picked-links" }, [el("a", { href: location.href }, ["Link to this comparison"]), " · ",
        el("a", { href: "/compare/" }, ["All " + rows.length + " certifications"])]),
      el("div", { "class": "table-scroll", role: "region", "aria-labelledby": "picked-title", tabindex: "0" }, [table]));
    if (focus) title.focus();
  }

  var params = new URLSearchParams(location.search);
  if (params.has("c")) {
    var wanted = (params.get("c") || "").split(",").filter(function (s) { return byId(s); });
    picks.set(wanted.filter(function (s, i) { return wanted.indexOf(s) === i; }));
  }
  var active = params.has("c");
  picks.on(function (list) {
    if (!active) return;
    show(list);
    active = list.length > 0; // once emptied, picking from the full table keeps it
  });
  if (active) show(picks.get());
})();
