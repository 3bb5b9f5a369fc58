import GuideContent

/// One hit the search can return: a whole page, or one `h2` section of it (`url#anchor`).
public struct SearchDocument: Sendable, Hashable {
    /// Fields in the order of their weight; a word's score in a document is the sum over fields
    /// of weight × occurrences (BM25F, weighted once at build time). A section's `##` heading
    /// is its title and the `###` headings under it its headings.
    public enum Field: String, Sendable, CaseIterable {
        case title, abbreviation, issuer, topics, headings, summary, body

        public var weight: Int {
            switch self {
            case .title, .abbreviation: 8
            case .issuer, .topics, .headings: 4
            case .summary: 2
            case .body: 1
            }
        }
    }

    public enum Kind: Int, Sendable, CaseIterable {
        case certification, faq, page

        public var name: String {
            switch self {
            case .certification: "Certification"
            case .faq: "FAQ"
            case .page: "Page"
            }
        }

        public var slug: String { ["certification", "faq", "page"][rawValue] }
    }

    public var url: String
    public var title: String
    /// Index of the page document this section belongs to, nil for a page.
    public var parent: Int?
    public var kind: Kind
    /// Shown under the title in results, the first with a matched word (else the first): a
    /// page's summary, or a section's or question's first sentences as `Passages`.
    public var passages: [String]
    public var fields: [Field: String]
    public var level: Level?
    public var settings: [Setting]
    public var issuer: String?
    /// `Facts.costBand`: free, under-200, 200-500, over-500, unknown; nil for questions and pages.
    public var costBand: String?
}
