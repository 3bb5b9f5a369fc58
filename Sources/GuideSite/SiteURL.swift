import GuideSupport

/// Every URL the guide has, in one place, so templates, the sitemap and link rewriting agree.
public enum SiteURL {
    public static let home = "/"
    public static let certifications = "/certifications/"
    public static let faqIndex = "/faq/"
    public static let compare = "/compare/"
    public static let topics = "/topics/"
    public static let search = "/search/"
    public static let alphabetical = "/a-z/"
    public static let sources = "/sources/"
    /// The pages every guide has besides its entries and topics, which nothing else may take.
    public static let generatedPages = [home, certifications, compare, faqIndex, topics, search, alphabetical, sources]
    public static let openData = "/api/certifications.json"
    public static let feed = "/feed.xml"
    public static let sitemap = "/sitemap.xml"

    public static func certification(_ slug: String) -> String { "/certifications/\(slug)/" }
    public static func faq(_ slug: String) -> String { "/faq/\(slug)/" }
    public static func page(_ slug: String) -> String { "/\(slug)/" }
    public static func topic(_ slug: String) -> String { "/topics/\(slug)/" }

    /// The URL of a content file given by its path inside `Content/` (`faq/how-long.md`).
    public static func forContentPath(_ path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, let file = parts.last, file.hasSuffix(".md"), let slug = Slug.ofFile(atPath: String(file)) else { return nil }
        switch parts[0] {
        case "certifications": return certification(slug)
        case "faq": return faq(slug)
        case "pages": return page(slug)
        default: return nil
        }
    }

    /// The file inside the output folder that serves `url` (`/faq/x/` -> `faq/x/index.html`).
    public static func outputPath(for url: String) -> String {
        let trimmed = url.hasPrefix("/") ? String(url.dropFirst()) : url
        if trimmed.isEmpty { return "index.html" }
        return trimmed.hasSuffix("/") ? trimmed + "index.html" : trimmed
    }

    /// `base` joined with a site path, with exactly one slash between them.
    public static func absolute(_ path: String, base: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base + (path.hasPrefix("/") ? path : "/" + path)
    }
}
