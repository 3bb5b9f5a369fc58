import GuideSupport

/// What one pass of cmark over an entry's body yields: the HTML, and the structure that the
/// table of contents, search index, summaries and link checks need.
public struct MarkdownDocument: Sendable {
    public struct Heading: Sendable, Hashable, Codable {
        public var level: Int
        public var text: String
        public var id: String
    }

    /// The text under one `h2` (or before the first one, with no id), for section-level search.
    public struct Section: Sendable, Hashable, Codable {
        public var id: String?
        public var title: String?
        public var text: String
    }

    public struct Link: Sendable, Hashable, Codable {
        /// As written in the Markdown.
        public var destination: String
        /// As emitted in the HTML (a `.md` path becomes the entry's URL).
        public var url: String
        public var isImage: Bool
        /// The image's alt text, or the link's text.
        public var text: String
        /// Line and column in the source file.
        public var location: SourceLocation
    }

    public var html: String
    public var headings: [Heading]
    public var sections: [Section]
    public var links: [Link]
    /// Links to `.md` files that are no entry, with where they are written.
    public var problems: [(SourceLocation, String)]

    /// Body text without markup, paragraphs separated by newlines.
    public var plainText: String {
        sections.map { [$0.title, $0.text].compactMap { $0 }.joined(separator: "\n") }.joined(separator: "\n")
    }

    /// Headings for a table of contents, when the body has three or more sections.
    public var tableOfContents: [Heading] {
        headings.filter { $0.level == 2 }.count >= 3 ? headings.filter { $0.level <= 3 } : []
    }

    /// The body's text, its sections one after another.
    public var text: String { sections.map(\.text).joined(separator: " ") }

    /// The first `limit` characters of the body's text, cut at a word, for summaries.
    public func excerpt(limit: Int = 155) -> String {
        Excerpt.make(from: text, limit: limit)
    }
}

enum Excerpt {
    static func make(from text: String, limit: Int) -> String {
        var result = ""
        var length = 0
        var rest = Substring(text)
        // Word by word, stopping at the limit: bodies can be long, excerpts are short.
        while let start = rest.firstIndex(where: { !$0.isWhitespace }) {
            let end = rest[start...].firstIndex(where: \.isWhitespace) ?? rest.endIndex
            let word = rest[start..<end]
            let count = word.count
            if length + count + 1 > limit {
                return result + "…"
            }
            length += result.isEmpty ? count : count + 1
            result += result.isEmpty ? String(word) : " " + word
            rest = rest[end...]
        }
        return result
    }
}

/// For the incremental build cache, which keeps documents between builds.
extension MarkdownDocument: Codable {
    private enum CodingKeys: String, CodingKey { case html, headings, sections, links }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(html: try container.decode(String.self, forKey: .html), headings: try container.decode([Heading].self, forKey: .headings),
                  sections: try container.decode([Section].self, forKey: .sections), links: try container.decode([Link].self, forKey: .links),
                  problems: [])
    }

    /// Problems are not kept: only documents without problems are stored (a body with
    /// problems fails the build).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(html, forKey: .html)
        try container.encode(headings, forKey: .headings)
        try container.encode(sections, forKey: .sections)
        try container.encode(links, forKey: .links)
    }
}
