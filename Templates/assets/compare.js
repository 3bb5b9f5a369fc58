// Compare page: sort the table by clicking (or pressing Enter/Space on) a column header.
// Each header's text moves into a <button>; the header gets aria-sort. Columns whose cells
// carry data-value sort numerically; cells without a value ("Varies", "—") always go last.
// Without this script the table stays in its published order.
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
})();
