/// The form's script, served from the preview as a file (the page allows no inline script):
/// rows added and removed, the form read into JSON, Save, errors shown at their fields, the
/// body's preview as you type.
public enum EditorScript {
    public static let source = #"""
    "use strict";
    (() => {
      const form = document.getElementById("entry-form");
      if (!form) return;
      const summary = document.getElementById("summary");
      const status = document.getElementById("status");
      const body = document.getElementById("f-body");
      const preview = document.getElementById("body-preview");
      const headers = { "Content-Type": "application/json", "X-CertGuide-Token": form.dataset.token };
      const scopeOf = (element) => element.parentElement.closest("[data-scope]");

      // Row ids, labels and numbers follow the rows' order.
      function renumber() {
        form.querySelectorAll("fieldset.list").forEach((list) => {
          const name = list.querySelector("legend").firstChild.textContent.trim();
          list.querySelectorAll(":scope > ol > li.row").forEach((row, index) => {
            const ids = {};
            row.querySelectorAll("[id]").forEach((element) => {
              if (!element.dataset.baseId) element.dataset.baseId = element.id;
              ids[element.id] = element.dataset.baseId + "-" + (index + 1);
              element.id = ids[element.id];
            });
            row.querySelectorAll("label[for]").forEach((label) => { label.htmlFor = ids[label.htmlFor] || label.htmlFor; });
            row.querySelectorAll("[aria-describedby]").forEach((element) => {
              element.setAttribute("aria-describedby", element.getAttribute("aria-describedby").split(" ").map((id) => ids[id] || id).join(" "));
            });
            row.querySelectorAll(".n").forEach((number) => { number.textContent = String(index + 1); });
            const group = row.dataset.type === "mapping" ? row.querySelector(":scope > .grid") : null;
            if (group) {
              group.setAttribute("role", "group");
              group.setAttribute("aria-label", name + " " + (index + 1));
            }
            row.querySelectorAll(".remove").forEach((button) => { button.setAttribute("aria-label", "Remove " + name.toLowerCase() + " " + (index + 1)); });
          });
        });
      }

      function value(element) {
        switch (element.dataset.type) {
          case "mapping": return collect(element);
          case "list": return Array.from(element.querySelectorAll(":scope > ol > li.row"), (row) =>
            row.dataset.type === "mapping" ? collect(row) : row.querySelector("[data-item]").value);
          case "words": return Array.from(element.querySelectorAll("input:checked"), (box) => box.value);
          case "flag": return element.checked;
          default: return element.value;
        }
      }

      function collect(scope) {
        const values = {};
        scope.querySelectorAll("[data-key]").forEach((element) => {
          if (scopeOf(element) === scope) values[element.dataset.key] = value(element);
        });
        return values;
      }

      // `sources[1].title` -> that row's title field.
      function find(path) {
        let scope = form, found = null;
        for (const part of path.match(/[^.[\]]+|\[\d+\]/g) || []) {
          if (part.startsWith("[")) {
            if (!found || found.dataset.type !== "list") return found;
            const row = found.querySelectorAll(":scope > ol > li.row")[Number(part.slice(1, -1))];
            if (!row) return found;
            found = row.dataset.type === "mapping" ? row : row.querySelector("[data-item]");
            scope = row;
          } else {
            const next = Array.from(scope.querySelectorAll("[data-key]")).find((element) => element.dataset.key === part && scopeOf(element) === scope);
            if (!next) return found;
            found = next;
            scope = next.dataset.scope !== undefined ? next : scope;
          }
        }
        return found;
      }

      function clearErrors() {
        summary.hidden = true;
        summary.textContent = "";
        form.querySelectorAll(".error").forEach((error) => { error.hidden = true; error.textContent = ""; });
        form.querySelectorAll("[aria-invalid]").forEach((element) => element.removeAttribute("aria-invalid"));
      }

      function showProblems(problems, message) {
        summary.hidden = false;
        const heading = document.createElement("p");
        heading.textContent = message;
        const list = document.createElement("ul");
        let first = null;
        for (const problem of problems) {
          const item = document.createElement("li");
          item.textContent = problem.message;
          list.append(item);
          const element = problem.field ? find(problem.field) : null;
          if (!element) continue;
          const wrapper = element.matches("fieldset, li.row") ? element : element.closest(".field, fieldset");
          const error = wrapper && (wrapper.querySelector(":scope > .error") || wrapper.querySelector(".error"));
          if (error) {
            error.textContent = (error.textContent ? error.textContent + "\n" : "") + problem.message;
            error.hidden = false;
          }
          const control = element.matches("input, select, textarea") ? element : element.querySelector("input, select, textarea");
          if (control) {
            control.setAttribute("aria-invalid", "true");
            first = first || control;
          }
        }
        summary.append(heading, list);
        (first || summary).focus();
      }

      form.addEventListener("click", (event) => {
        const button = event.target.closest("button");
        if (!button) return;
        if (button.classList.contains("add")) {
          const list = button.closest("fieldset.list");
          const row = list.querySelector(":scope > template").content.firstElementChild.cloneNode(true);
          list.querySelector(":scope > ol").append(row);
          renumber();
          row.querySelector("input, select, textarea").focus();
        } else if (button.classList.contains("remove")) {
          const list = button.closest("fieldset.list");
          button.closest("li.row").remove();
          renumber();
          list.querySelector(":scope > .add").focus();
        } else if (button.classList.contains("today")) {
          const now = new Date();
          const pad = (number) => String(number).padStart(2, "0");
          document.getElementById(button.dataset.for).value = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
        }
      });

      // A cost's figures are in its currency.
      form.addEventListener("input", (event) => {
        if (event.target.dataset.key !== "currency") return;
        const group = event.target.closest("fieldset");
        group.querySelectorAll(".unit").forEach((unit) => { unit.textContent = event.target.value || "currency"; });
      });

      let timer = null;
      body.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
          const response = await fetch("/__certguide/preview", { method: "POST", headers,
            body: JSON.stringify({ body: body.value, folder: form.dataset.folder || "", slug: form.dataset.slug || "" }) });
          if (response.ok) preview.innerHTML = await response.text();
        }, 250);
      });

      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        clearErrors();
        status.textContent = "Saving…";
        const payload = { values: collect(form), body: body.value, base: form.dataset.base };
        if (form.dataset.new) payload.new = form.dataset.new;
        else Object.assign(payload, { folder: form.dataset.folder, slug: form.dataset.slug });
        let response, result;
        try {
          response = await fetch("/__certguide/save", { method: "POST", headers, body: JSON.stringify(payload) });
          result = await response.json();
        } catch (error) {
          status.textContent = "";
          showProblems([], "Not saved: the preview server did not answer. Is certguide serve still running?");
          return;
        }
        status.textContent = result.message || "";
        if (response.ok) {
          if (result.location) window.location.assign(result.location);
          return;
        }
        status.textContent = "";
        showProblems(result.problems || [], result.message);
      });

      renumber();
    })();
    """#
}
