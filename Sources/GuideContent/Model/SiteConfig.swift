/// `Content/site.yml`: settings that apply to the whole guide.
public struct SiteConfig: Codable, Sendable {
    public struct NavLink: Codable, Sendable {
        public var title: String
        public var url: String
    }

    public var title: String
    public var baseURL: String
    public var description: String
    public var language: String?
    public var staleAfterMonths: Int?
    public var rawHTML: Bool?
    public var nav: [NavLink]?
    /// Where an entry's file is edited on the forge, `{path}` standing for its path under
    /// `Content/` (`https://github.com/org/guide/edit/main/Content/{path}`): "Edit this page".
    public var editURL: String?
    /// Where readers report an outdated fact (`https://github.com/org/guide/issues/new`); the
    /// entry's title and address are filled in: "Report an outdated fact".
    public var issueURL: String?

    enum CodingKeys: String, CodingKey {
        case title, description, language, nav
        case baseURL = "base_url"
        case staleAfterMonths = "stale_after_months"
        case rawHTML = "raw_html"
        case editURL = "edit_url"
        case issueURL = "issue_url"
    }

    public static let schema = KeySchema.mapping([
        "title": .text, "base_url": .webAddress, "description": .text, "language": .text,
        "stale_after_months": .integer(.from(1, to: 1_200)), "raw_html": .flag,
        "nav": .list(of: .mapping(["title": .text, "url": .siteLink], required: ["title", "url"])),
        "edit_url": .webAddress, "issue_url": .webAddress,
    ], required: ["title", "base_url", "description"])
}
