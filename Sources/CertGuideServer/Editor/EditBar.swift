import Foundation
import GuideEditor

/// The preview's Edit link: a bar at the foot of every page of an entry (and New links on
/// every page), added as the page is served, so `build` output never has it.
struct EditBar: Sendable {
    let contentDirectory: URL

    /// The bar for the page at `resolved` (`certifications/clt/index.html`).
    func html(for resolved: String) -> Data {
        let page = "/" + (resolved.hasSuffix("index.html") ? String(resolved.dropLast("index.html".count)) : resolved)
        var links: [String] = []
        if let entry = EditableEntry(pageURL: page), let file = entry.file(in: contentDirectory),
           FileManager.default.fileExists(atPath: file.path) {
            links.append("<a href=\"\(entry.editURL)\" style=\"color:#fff;font-weight:700\">Edit this \(entry.kind == .faq ? "question" : entry.kind.rawValue)</a>")
        }
        links.append("New: <a href=\"/__certguide/new/certification\" style=\"color:#fff\">certification</a>, "
            + "<a href=\"/__certguide/new/faq\" style=\"color:#fff\">question</a>, <a href=\"/__certguide/new/page\" style=\"color:#fff\">page</a>")
        return Data(("<nav class=\"certguide-edit-bar\" aria-label=\"Preview editor\" style=\"position:fixed;right:1rem;bottom:1rem;z-index:2147483646;"
            + "background:#0b57a4;color:#fff;padding:.5rem .9rem;border-radius:6px;font:15px/1.4 system-ui,sans-serif;"
            + "box-shadow:0 2px 8px rgba(0,0,0,.3)\">" + links.joined(separator: " · ") + "</nav>\n").utf8)
    }

    /// `html` with the bar before `</body>`.
    func inject(into page: Data, at resolved: String) -> Data {
        let bar = html(for: resolved)
        guard let range = page.range(of: Data("</body>".utf8), options: .backwards) else { return page + bar }
        var result = page
        result.replaceSubrange(range.lowerBound..<range.lowerBound, with: bar)
        return result
    }
}
