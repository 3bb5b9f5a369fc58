/// The guide as readers will see it: entries with their URLs and rendered bodies, in display
/// order, with topics and relations worked out. Everything the render stage needs, nothing it
/// has to compute again.
public struct Site: Sendable {
    public struct CertificationPage: Sendable {
        public var entry: Certification
        public var url: String
        public var document: MarkdownDocument
        /// Indices into `faqs` of questions whose `related:` names this certification.
        public var relatedFAQs: [Int]
        /// Indices into `certifications` of others of the same level or topic, closest first.
        public var similar: [Int]
        public var topicSlugs: [String]
    }

    public struct FAQPage: Sendable {
        public var entry: FAQ
        public var url: String
        public var document: MarkdownDocument
        /// Indices into `certifications`.
        public var related: [Int]
        public var topicSlugs: [String]
    }

    public struct FreePage: Sendable {
        public var entry: Page
        public var url: String
        public var document: MarkdownDocument
    }

    public struct Topic: Sendable {
        public var slug: String
        public var name: String
        public var url: String
        public var certifications: [Int]
        public var faqs: [Int]
    }

    public var config: SiteConfig
    /// `base_url` from `site.yml`, or `--base-url`.
    public var baseURL: String
    /// Sorted by level, then title.
    public var certifications: [CertificationPage]
    /// Sorted by `order`, then question.
    public var faqs: [FAQPage]
    /// Sorted by `order`, then title.
    public var pages: [FreePage]
    /// Sorted by name.
    public var topics: [Topic]

    public func absoluteURL(_ path: String) -> String {
        SiteURL.absolute(path, base: baseURL)
    }

    /// Every source the entries name, each once, by title: what the footer credits.
    public var sources: [SourceLink] {
        let all = certifications.flatMap { $0.entry.frontMatter.sources ?? [] }
            + faqs.flatMap { $0.entry.frontMatter.sources ?? [] }
            + pages.flatMap { $0.entry.frontMatter.sources ?? [] }
        return Set(all).sorted { ($0.title, $0.url ?? "") < ($1.title, $1.url ?? "") }
    }

    /// The newest `verified` date of any entry: the guide's "last updated", derived from the
    /// content so that two builds of the same input are byte-identical.
    public var lastVerified: Day? {
        (certifications.map(\.entry.frontMatter.verified)
            + faqs.compactMap(\.entry.frontMatter.verified)
            + pages.compactMap(\.entry.frontMatter.verified)).max()
    }
}
