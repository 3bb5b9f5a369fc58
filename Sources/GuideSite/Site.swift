import GuideContent
import GuideMarkdown
import GuideSupport

/// The guide as readers will see it: entries with their URLs and rendered bodies, in display
/// order, with topics and relations worked out. Everything the render stage needs, nothing it
/// has to compute again.
public struct Site: Sendable {
    // The pages are classes: a preview that patches one entry's body into a guide of 10,000
    // copies the arrays, and copying 10,000 references is cheap where copying 10,000 entries
    // with all their strings was most of the patch.

    public final class CertificationPage: Sendable {
        public let entry: Certification
        public let url: String
        public let document: MarkdownDocument
        /// Indices into `faqs` of questions whose `related:` names this certification.
        public let relatedFAQs: [Int]
        /// Indices into `certifications` of others of the same level or topic, closest first.
        public let similar: [Int]
        public let topicSlugs: [String]
        /// Which sources each fact cites and the cautions: the page, its cards, JSON-LD and
        /// the open data all read it, so it is worked out once.
        public let provenance: Provenance

        public init(entry: Certification, url: String, document: MarkdownDocument, relatedFAQs: [Int], similar: [Int], topicSlugs: [String]) {
            self.entry = entry
            self.provenance = Provenance(entry.frontMatter)
            self.url = url
            self.document = document
            self.relatedFAQs = relatedFAQs
            self.similar = similar
            self.topicSlugs = topicSlugs
        }
    }

    public final class FAQPage: Sendable {
        public let entry: FAQ
        public let url: String
        public let document: MarkdownDocument
        /// Indices into `certifications`.
        public let related: [Int]
        public let topicSlugs: [String]

        public init(entry: FAQ, url: String, document: MarkdownDocument, related: [Int], topicSlugs: [String]) {
            self.entry = entry
            self.url = url
            self.document = document
            self.related = related
            self.topicSlugs = topicSlugs
        }
    }

    public final class FreePage: Sendable {
        public let entry: Page
        public let url: String
        public let document: MarkdownDocument

        public init(entry: Page, url: String, document: MarkdownDocument) {
            self.entry = entry
            self.url = url
            self.document = document
        }
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
    /// Every entry file found, relative to `Content/` (`SiteContent.allPaths`): what links in
    /// bodies resolve against.
    public var entryPaths = Set<String>()
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
