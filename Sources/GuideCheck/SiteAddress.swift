import Foundation

/// Where an address written in a page leads, read the way a browser reads it from that page.
enum SiteAddress: Equatable {
    /// Another site: `https://example.org/x`.
    case external(String)
    /// Not a page or file: `mailto:`, `tel:`, `data:`.
    case other
    /// A path of this site (`/faq/x/`, percent-decoded) and the fragment after `#` (may be empty).
    case local(path: String, fragment: String)

    /// - Parameters:
    ///   - pageURL: the URL of the page the address is written in (`/certifications/clt/`).
    ///   - baseURL: the site's `base_url`; absolute addresses under it are this site's own.
    static func resolve(_ address: String, from pageURL: String, baseURL: String) -> SiteAddress {
        var address = address.trimmingCharacters(in: .whitespaces)
        if address.hasPrefix("//") { address = "https:" + address }
        if let scheme = scheme(of: address) {
            guard scheme == "http" || scheme == "https" else { return .other }
            guard let local = ownPath(address, baseURL: baseURL) else { return .external(address) }
            address = local
        }
        let (beforeFragment, fragment) = split(address, at: "#")
        let path = split(beforeFragment, at: "?").0
        let absolute: String
        if path.isEmpty {
            absolute = pageURL
        } else if path.hasPrefix("/") {
            absolute = normalized(path)
        } else {
            let folder = pageURL.hasSuffix("/") ? pageURL : String(pageURL[...(pageURL.lastIndex(of: "/") ?? pageURL.startIndex)])
            absolute = normalized(folder + path)
        }
        return .local(path: absolute.removingPercentEncoding ?? absolute, fragment: fragment.removingPercentEncoding ?? fragment)
    }

    /// `https` for `https://x`, nil for a relative address.
    static func scheme(of address: String) -> String? {
        guard let colon = address.firstIndex(of: ":") else { return nil }
        let scheme = address[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }) else { return nil }
        return scheme.lowercased()
    }

    /// The path of an absolute URL on this site (`https://guide.example.org/faq/` -> `/faq/`).
    private static func ownPath(_ address: String, baseURL: String) -> String? {
        guard let base = URL(string: baseURL), let host = base.host?.lowercased(),
              let url = URL(string: address), url.host?.lowercased() == host else { return nil }
        var prefix = base.path
        while prefix.hasSuffix("/") { prefix.removeLast() }
        guard let pathStart = address.range(of: host, options: .caseInsensitive)?.upperBound else { return nil }
        var rest = String(address[pathStart...])
        if let port = url.port, rest.hasPrefix(":\(port)") { rest.removeFirst(":\(port)".count) }
        guard rest.hasPrefix(prefix) else { return nil }
        rest.removeFirst(prefix.count)
        return rest.isEmpty || !rest.hasPrefix("/") ? "/" + rest : rest
    }

    /// Resolves `.` and `..` segments; `..` above the root stays at the root, as in browsers.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for segment in segments {
            switch segment {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(segment)
            }
        }
        let trailing = segments.last.map { $0 == "." || $0 == ".." } ?? false
        return "/" + parts.joined(separator: "/") + (trailing && !parts.isEmpty ? "/" : "")
    }

    private static func split(_ text: String, at separator: Character) -> (String, String) {
        guard let index = text.firstIndex(of: separator) else { return (text, "") }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }
}
