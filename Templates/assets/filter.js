// Home page filters: show only the certifications that match the checked boxes.
// AND between groups (level, setting), OR within a group. A card whose settings
// include "any" suits every setting, so it stays when any setting is checked.
// State lives in the query string (?level=technician&setting=public) so a view can be shared.
// Without this script the filters stay hidden and every certification is listed.
(function () {
  "use strict";
  var box = document.querySelector("[data-filters]");
  if (!box || !window.URLSearchParams || !window.history || !history.replaceState) return;

  var GROUPS = ["level", "setting"];
  var cards = Array.prototype.slice.call(document.querySelectorAll(".level-group li.card"));
  var sections = Array.prototype.slice.call(document.querySelectorAll(".level-group"));
  var status = box.querySelector(".filter-status");
  var reset = box.querySelector(".filter-reset");

  function inputs(name) {
    return Array.prototype.slice.call(box.querySelectorAll('input[type="checkbox"][name="' + name + '"]'));
  }
  function checked(name) {
    return inputs(name).filter(function (input) { return input.checked; })
      .map(function (input) { return input.value; });
  }

  // Accepts ?level=a&level=b and ?level=a,b; ignores unknown values.
  function readQuery() {
    var params = new URLSearchParams(window.location.search);
    GROUPS.forEach(function (name) {
      var wanted = [];
      params.getAll(name).forEach(function (value) { wanted = wanted.concat(value.split(",")); });
      inputs(name).forEach(function (input) { input.checked = wanted.indexOf(input.value) !== -1; });
    });
  }

  function writeQuery() {
    var params = new URLSearchParams(window.location.search);
    GROUPS.forEach(function (name) {
      params.delete(name);
      checked(name).forEach(function (value) { params.append(name, value); });
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    history.replaceState(history.state, "", url);
  }

  function apply() {
    var levels = checked("level");
    var settings = checked("setting");
    var shown = 0;

    cards.forEach(function (card) {
      var own = (card.getAttribute("data-settings") || "").split(/\s+/);
      var levelOK = !levels.length || levels.indexOf(card.getAttribute("data-level")) !== -1;
      var settingOK = !settings.length || own.some(function (slug) {
        return slug === "any" || settings.indexOf(slug) !== -1;
      });
      card.hidden = !(levelOK && settingOK);
      if (!card.hidden) shown += 1;
    });

    sections.forEach(function (section) {
      var visible = section.querySelectorAll("li.card:not([hidden])").length;
      var count = section.querySelector(".count");
      section.hidden = visible === 0;
      if (count) count.textContent = String(visible);
    });

    var total = cards.length;
    var noun = total === 1 ? " certification" : " certifications";
    var text = "Showing " + shown + " of " + total + noun;
    if (shown === 0) text += ". Clear a filter to see more.";
    if (status && status.textContent !== text) status.textContent = text;
    if (reset) reset.hidden = !(levels.length || settings.length);
  }

  readQuery();
  apply();
  box.hidden = false;

  box.addEventListener("change", function (event) {
    if (event.target.type !== "checkbox") return;
    apply();
    writeQuery();
  });

  if (reset) {
    reset.addEventListener("click", function () {
      GROUPS.forEach(function (name) {
        inputs(name).forEach(function (input) { input.checked = false; });
      });
      apply();
      writeQuery();
      var first = box.querySelector('input[type="checkbox"]');
      if (first) first.focus(); // the button just hid itself; keep focus in the filters
    });
  }
})();
