/// Every HTML page of a site, named without building its context, so an incremental build can
/// decide which pages to render before paying for any context.
public enum PageKind: Sendable, Hashable {
    case home, certifications, compare, faqIndex, topics, search, alphabetical, sources, notFound
    case certification(Int), faq(Int), page(Int), topic(Int)

    /// The pages every guide has, at fixed URLs.
    public static let fixed: [PageKind] = [.home, .certifications, .compare, .faqIndex, .topics, .search, .alphabetical, .sources, .notFound]
    /// The page template of every kind.
    public static let templates = (fixed + [.certification(0), .faq(0), .page(0), .topic(0)]).map(\.template)

    /// In output order.
    public static func all(in site: Site) -> [PageKind] {
        fixed + site.certifications.indices.map(PageKind.certification) + site.faqs.indices.map(PageKind.faq)
            + site.pages.indices.map(PageKind.page) + site.topics.indices.map(PageKind.topic)
    }

    public var template: String {
        switch self {
        case .home: "home"
        case .certifications: "certifications"
        case .compare: "compare"
        case .faqIndex: "faq-index"
        case .topics: "topics"
        case .search: "search"
        case .alphabetical: "a-z"
        case .sources: "sources"
        case .notFound: "404"
        case .certification: "certification"
        case .faq: "faq"
        case .page: "page"
        case .topic: "topic"
        }
    }

    /// The file it is written to (`faq/index.html`).
    public func outputPath(in site: Site) -> String {
        self == .notFound ? "404.html" : SiteURL.outputPath(for: url(in: site))
    }

    public func url(in site: Site) -> String {
        switch self {
        case .certification(let index): site.certifications[index].url
        case .faq(let index): site.faqs[index].url
        case .page(let index): site.pages[index].url
        case .topic(let index): site.topics[index].url
        default: fixedURL!
        }
    }

    /// The URL of one of the `fixed` pages; nil for an entry's or a topic's.
    public var fixedURL: String? {
        switch self {
        case .home: SiteURL.home
        case .certifications: SiteURL.certifications
        case .compare: SiteURL.compare
        case .faqIndex: SiteURL.faqIndex
        case .topics: SiteURL.topics
        case .search: SiteURL.search
        case .alphabetical: SiteURL.alphabetical
        case .sources: SiteURL.sources
        case .notFound: "/404.html"
        case .certification, .faq, .page, .topic: nil
        }
    }

    /// The template of the page at `url` when no entry wrote it: a fixed page's own, else a
    /// topic's (or a page's), for reports that point at the template.
    public static func template(forURL url: String) -> String {
        fixed.first { $0.fixedURL == url }?.template ?? (url.hasPrefix(SiteURL.topics) ? "topic" : "page")
    }
}
