import GuideSupport

/// What one pass of cmark over an entry's body yields: the HTML, and the structure that the
/// table of contents, search index, summaries and link checks need.
public struct MarkdownDocument: Sendable {
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var id: String
    }

    /// The text under one `h2` (or before the first one, with no id), for section-level search.
    public struct Section: Sendable, Hashable {
        public var id: String?
        public var title: String?
        public var text: String
    }

    public struct Link: Sendable, Hashable {
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

/// For the incremental build cache, which keeps documents between builds. Problems are not
/// kept: only documents without problems are stored (a body with problems fails the build).
extension MarkdownDocument {
    public func write(to writer: inout BinaryWriter) {
        writer.string(html)
        writer.array(headings) { writer, heading in
            writer.int(heading.level)
            writer.string(heading.text)
            writer.string(heading.id)
        }
        writer.array(sections) { writer, section in
            writer.optional(section.id)
            writer.optional(section.title)
            writer.string(section.text)
        }
        writer.array(links) { writer, link in
            writer.string(link.destination)
            writer.string(link.url)
            writer.bool(link.isImage)
            writer.string(link.text)
            writer.location(link.location)
        }
    }

    public init(reading reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        self.init(
            html: try reader.string(),
            headings: try reader.array { reader throws(BinaryReader.Truncated) in
                Heading(level: try reader.int(), text: try reader.string(), id: try reader.string())
            },
            sections: try reader.array { reader throws(BinaryReader.Truncated) in
                Section(id: try reader.optional(), title: try reader.optional(), text: try reader.string())
            },
            links: try reader.array { reader throws(BinaryReader.Truncated) in
                Link(destination: try reader.string(), url: try reader.string(), isImage: try reader.bool(), text: try reader.string(),
                     location: try reader.location())
            },
            problems: [])
    }
}
