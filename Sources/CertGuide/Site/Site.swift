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
    /// Of what every page depends on: `site.yml`, the base URL and the set of entry files (a
    /// body's links resolve against it). Only set when the build keeps a cache.
    public var fingerprint = Fingerprint()

    /// An old URL from an entry's `aliases:` that must lead to the entry's current one.
    public struct Alias: Sendable {
        /// As written in the front matter (`/certs/clt/`).
        public var path: String
        public var target: String
        public var title: String
        /// The entry's file and the alias's place in it, for diagnostics.
        public var source: String
        public var location: SourceLocation
    }

    /// Every alias of every entry, in entry order.
    public var aliases: [Alias] {
        func of<Front>(_ entry: Entry<Front>, url: String, title: String, _ aliases: [String]?) -> [Alias] {
            (aliases ?? []).enumerated().map { index, path in
                Alias(path: path, target: url, title: title, source: entry.displayPath, location: entry.location(of: "aliases[\(index)]"))
            }
        }
        return certifications.flatMap { of($0.entry, url: $0.url, title: $0.entry.frontMatter.title, $0.entry.frontMatter.aliases) }
            + faqs.flatMap { of($0.entry, url: $0.url, title: $0.entry.frontMatter.question, $0.entry.frontMatter.aliases) }
            + pages.flatMap { of($0.entry, url: $0.url, title: $0.entry.frontMatter.title, $0.entry.frontMatter.aliases) }
    }

    public func absoluteURL(_ path: String) -> String {
        SiteURL.absolute(path, base: baseURL)
    }

    /// Every source the entries name, each once, by title: what the footer credits.
    public var sources: [SourceLink] {
        citations.map(\.source)
    }

    /// A source with the entries that name it, in guide order.
    public struct Citation: Sendable {
        public var source: SourceLink
        public var citedBy: [(title: String, url: String)]
    }

    /// Every source the entries name, by title, with who cites it: the sources page and the
    /// footer. Worked out once, by `SiteBuilder`: several stages read it.
    public var citations: [Citation] = []

    /// The newest `verified` date of any entry: the guide's "last updated", derived from the
    /// content so that two builds of the same input are byte-identical.
    public var lastVerified: Day? {
        (certifications.map(\.entry.frontMatter.verified)
            + faqs.compactMap(\.entry.frontMatter.verified)
            + pages.compactMap(\.entry.frontMatter.verified)).max()
    }
}
