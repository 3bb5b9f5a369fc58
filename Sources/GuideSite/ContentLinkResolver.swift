import GuideMarkdown

/// Turns links written as relative paths to other entries (`../faq/how-long.md#cost`) into site
/// URLs (`/faq/how-long/#cost`), so editors link files they can see and the site gets URLs.
public struct ContentLinkResolver: Sendable {
    /// The linking file, relative to `Content/` (`certifications/clt.md`).
    public var sourcePath: String
    /// Every entry's path relative to `Content/`.
    public var knownPaths: Set<String>

    public init(sourcePath: String, knownPaths: Set<String>) {
        self.sourcePath = sourcePath
        self.knownPaths = knownPaths
    }

    public func resolve(_ destination: String) -> MarkdownRenderer.LinkTarget {
        guard !destination.isEmpty, !destination.hasPrefix("/"), !destination.hasPrefix("#"), !destination.contains(":") else {
            return .keep
        }
        let (path, fragment) = Self.splitFragment(destination)
        guard path.hasSuffix(".md") else { return .keep }
        var parts = sourcePath.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        let target = parts.joined(separator: "/")
        guard knownPaths.contains(target), let url = SiteURL.forContentPath(target) else {
            return .broken("link to `\(destination)` points to no entry (looked for `\(target)`)")
        }
        return .rewrite(url + fragment)
    }

    private static func splitFragment(_ destination: String) -> (String, String) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, "") }
        return (String(destination[..<hash]), String(destination[hash...]))
    }
}
