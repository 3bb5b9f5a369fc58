import Foundation
import GuideSite

/// "Edit this page" and "Report an outdated fact" for an entry, from `edit_url` and
/// `issue_url` of `site.yml`; `false` when the site sets neither, so no link is written.
struct FeedbackLinks {
    let site: Site

    /// - Parameters: `path` under `Content/` (`certifications/clt.md`), the entry's title and URL path.
    func record(path: String, title: String, url: String) -> Any {
        let edit = site.config.editURL.map { editLink($0, path: path) }
        let issue = site.config.issueURL.map { issueLink($0, path: path, title: title, url: site.absoluteURL(url)) }
        guard edit != nil || issue != nil else { return false }
        return Record(["edit_url": edit ?? false, "issue_url": issue ?? false])
    }

    private func editLink(_ template: String, path: String) -> String {
        let encoded = path.split(separator: "/").map { String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }
            .joined(separator: "/")
        if template.contains("{path}") { return template.replacingOccurrences(of: "{path}", with: encoded) }
        return template + (template.hasSuffix("/") ? "" : "/") + encoded
    }

    /// `{title}`, `{url}` and `{path}` in the address are filled in; without them the title and
    /// a body naming the page go into `title=` and `body=`, as GitHub's and GitLab's new-issue
    /// forms read them.
    private func issueLink(_ template: String, path: String, title: String, url: String) -> String {
        let summary = "Outdated fact: \(title)"
        let body = "Page: \(url)\nFile: Content/\(path)\n\nWhat is out of date, and which source says so?\n"
        if template.contains("{title}") || template.contains("{url}") || template.contains("{path}") {
            return template.replacingOccurrences(of: "{title}", with: Self.query(summary))
                .replacingOccurrences(of: "{url}", with: Self.query(url)).replacingOccurrences(of: "{path}", with: Self.query(path))
        }
        return template + (template.contains("?") ? "&" : "?") + "title=\(Self.query(summary))&body=\(Self.query(body))"
    }

    private static func query(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
