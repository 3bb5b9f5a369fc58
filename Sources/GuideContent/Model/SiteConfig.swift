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

    enum CodingKeys: String, CodingKey {
        case title, description, language, nav
        case baseURL = "base_url"
        case staleAfterMonths = "stale_after_months"
        case rawHTML = "raw_html"
    }

    public static let schema = KeySchema.mapping([
        "title": .text, "base_url": .webAddress, "description": .text, "language": .text,
        "stale_after_months": .integer(.from(1, to: 1_200)), "raw_html": .flag,
        "nav": .list(of: .mapping(["title": .text, "url": .siteLink], required: ["title", "url"])),
    ], required: ["title", "base_url", "description"])
}
