import GuideSupport

/// Site paths of generated files that every page refers to: the search manifest, and each
/// asset with a hash of its content as a query (`/assets/search.js?v=1a2b3c4d`). A page then
/// asks for the script and styles it was built with: a browser holding an older copy, cached
/// for minutes on GitHub Pages or for days on a host that sends no cache time, fetches the new
/// one, rather than running an old script on a new search index.
public struct SiteLinks: Sendable, Hashable {
    public var searchManifest: String
    /// By template name (`assets.search_js` for `assets/search.js`).
    public var assets: [String: String]

    /// - Parameter versioned: with the hash (`BuildOptions.versionedAssets`), else the bare path.
    public init(searchManifest: String, assets: [OutputFile], versioned: Bool = true) {
        self.searchManifest = searchManifest
        self.assets = Dictionary(assets.map { asset in
            (Self.name(of: asset.path), "/\(asset.path)" + (versioned ? "?v=\(Fingerprint(raw: asset.contents).description.prefix(8))" : ""))
        }, uniquingKeysWith: { first, _ in first })
    }

    /// `assets/img/logo-2.png` -> `img_logo_2_png`: a name Mustache can look up.
    static func name(of path: String) -> String {
        String(path.dropFirst("assets/".count).map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
