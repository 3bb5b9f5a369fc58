// Loaded by pick.js only on a page opened from a search result, whose link carries the words
// searched (?hl=renewal+exam, added by pick.js). Marks those words in the section the
// link lands on (from the #heading to the next heading of its level or above; the whole page
// without a #), with the search's own matching (certguideSearch.highlight), and adds a
// "Clear highlights" button that removes the marks and the words from the address.
(function () {
  "use strict";
  var api = window.certguideSearch;
  var main = document.getElementById("main");
  var words = new URLSearchParams(location.search).get("hl");
  if (!api || !main || !words || !words.trim()) return;
  var matched = new Set(api.tokenize(words));

  var target = null;
  try { target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch (e) { /* bad escape */ }
  var scope = [];
  if (target && main.contains(target) && /^H[1-6]$/.test(target.tagName)) {
    scope.push(target);
    for (var next = target.nextElementSibling; next; next = next.nextElementSibling) {
      if (/^H[1-6]$/.test(next.tagName) && next.tagName <= target.tagName) break;
      scope.push(next);
    }
  } else scope.push(target && main.contains(target) ? target : main);

  var marks = [];
  scope.forEach(function (root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentNode.closest("script, style, mark, button, .visually-hidden, svg") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    texts.forEach(function (node) {
      var parts = api.highlight(node.nodeValue, matched);
      if (!parts.some(function (p) { return p[1]; })) return;
      var fragment = document.createDocumentFragment();
      parts.forEach(function (p) {
        if (!p[1]) return fragment.append(p[0]);
        var mark = document.createElement("mark");
        mark.className = "hl";
        mark.textContent = p[0];
        marks.push(mark);
        fragment.append(mark);
      });
      node.parentNode.replaceChild(fragment, node);
    });
  });
  if (!marks.length) return;

  var seen = [];
  marks.forEach(function (m) { var w = m.textContent.toLowerCase(); if (seen.indexOf(w) === -1) seen.push(w); });
  var bar = document.createElement("p");
  bar.className = "hl-bar";
  var button = document.createElement("button");
  button.type = "button";
  button.textContent = "Clear highlights";
  bar.append((marks.length === 1 ? "1 search word" : marks.length + " search words") + " highlighted here: " +
    seen.slice(0, 5).map(function (w) { return "“" + w + "”"; }).join(", ") + (seen.length > 5 ? "…" : "") + ". ", button);
  if (scope[0] === target && target !== main) target.insertAdjacentElement("afterend", bar);
  else (main.querySelector(".prose, h1") || main.firstElementChild || main).insertAdjacentElement("beforebegin", bar);

  button.addEventListener("click", function () {
    marks.forEach(function (mark) {
      var parent = mark.parentNode;
      if (!parent) return;
      parent.replaceChild(document.createTextNode(mark.textContent), mark);
      parent.normalize();
    });
    var focus = bar.previousElementSibling && /^H[1-6]$/.test(bar.previousElementSibling.tagName) ? bar.previousElementSibling : main;
    bar.remove();
    var params = new URLSearchParams(location.search);
    params.delete("hl");
    var q = params.toString();
    history.replaceState(history.state, "", location.pathname + (q ? "?" + q : "") + location.hash);
    if (!focus.hasAttribute("tabindex")) focus.setAttribute("tabindex", "-1");
    focus.focus(); // the button is gone; keep the reader where they were
  });
})();
