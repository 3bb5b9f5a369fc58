import Foundation

/// The script every page carries in preview: it reloads on a new build, swaps stylesheets on a
/// CSS-only change, and lays the build's errors over the page until the next good build.
enum LiveReloadScript {
    static let path = "/__certguide/live.js"
    static let socketPath = "/__certguide/live"
    static let tag = Data("<script src=\"\(path)\" defer></script>\n".utf8)

    /// Inserts the script tag before `</body>` (or at the end when there is none).
    static func inject(into html: Data) -> Data {
        guard let range = html.range(of: Data("</body>".utf8), options: .backwards) else { return html + tag }
        var result = html
        result.replaceSubrange(range.lowerBound..<range.lowerBound, with: tag)
        return result
    }

    static let source = #"""
    (() => {
      "use strict";
      const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__certguide/live";
      let overlay = null, retries = 0, wasDown = false;

      function showErrors(errors) {
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.id = "certguide-errors";
          overlay.setAttribute("role", "alert");
          overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.94);" +
            "color:#fff;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem";
          document.body.appendChild(overlay);
        }
        overlay.textContent = "";
        const title = document.createElement("h2");
        title.textContent = "certguide: the build failed; this page is the last good build";
        title.style.cssText = "color:#ff8a80;font-size:16px;margin:0 0 1rem";
        overlay.appendChild(title);
        for (const line of errors) {
          const row = document.createElement("pre");
          row.textContent = line;
          row.style.cssText = "white-space:pre-wrap;margin:0 0 .5rem";
          overlay.appendChild(row);
        }
      }

      function swapStyles() {
        for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
          const next = link.cloneNode();
          const href = new URL(link.href);
          href.searchParams.set("certguide", Date.now().toString());
          next.href = href.toString();
          next.addEventListener("load", () => link.remove());
          link.after(next);
        }
      }

      function connect() {
        const socket = new WebSocket(url);
        socket.addEventListener("open", () => {
          retries = 0;
          socket.send(JSON.stringify({ page: location.pathname }));
          if (wasDown) location.reload();
        });
        socket.addEventListener("message", (event) => {
          const message = JSON.parse(event.data);
          if (message.type === "reload") location.reload();
          else if (message.type === "css") swapStyles();
          else if (message.type === "errors") showErrors(message.errors);
        });
        socket.addEventListener("close", () => {
          wasDown = true;
          setTimeout(connect, Math.min(5000, 250 * 2 ** retries++));
        });
      }
      connect();
    })();
    """#
}
