import GuideSupport

/// A link to another site, with where it is written. Listed by `certguide check`, and
/// requested only with `--external`.
public struct ExternalLink: Sendable, Hashable {
    public var url: String
    public var path: String
    public var location: SourceLocation

    public init(url: String, path: String, location: SourceLocation) {
        self.url = url
        self.path = path
        self.location = location
    }

    /// Body links to other sites, `sources:` URLs and menu links of `site.yml`, in file order.
    static func all(in context: CheckContext) -> [ExternalLink] {
        var links: [ExternalLink] = []
        for entry in context.entries {
            for (index, link) in entry.document.links.enumerated() {
                guard case .external(let url) = context.resolve(link.url, from: entry.url) else { continue }
                links.append(ExternalLink(url: url, path: entry.displayPath, location: entry.location(ofLink: index)))
            }
            for (index, source) in (entry.sources ?? []).enumerated() {
                guard let url = source.url, case .external(let absolute) = context.resolve(url, from: entry.url) else { continue }
                links.append(ExternalLink(url: absolute, path: entry.displayPath, location: entry.location(of: "sources[\(index)].url")))
            }
        }
        if let settings = context.settings {
            for (index, item) in (context.site.config.nav ?? []).enumerated() {
                guard case .external(let url) = context.resolve(item.url, from: "/") else { continue }
                links.append(ExternalLink(url: url, path: settings.displayPath, location: context.settingsLocations["nav[\(index)].url"] ?? .start))
            }
        }
        return links.sorted { $0.path != $1.path ? $0.path < $1.path : $0.location < $1.location }
    }
}
