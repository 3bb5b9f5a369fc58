import GuideContent
import GuideSite
import GuideSupport

/// What a build with a cache keeps of the search index for a run of entries: their documents
/// without the text of their fields, each document's line of the text files, and their words.
/// An edit collects, tokenizes and writes the lines of its own run again, and merges the others
/// as they were: at 10,000 certifications, collecting every document and writing every line
/// was 0.7 s of a one-edit rebuild.
public struct SearchBlock: Sendable {
    /// Entries a block. Smaller blocks redo less after an edit and merge more pieces: at
    /// 10,000 certifications and 2,000 questions, 64 make 188 blocks.
    public static let entries = 64

    /// Parents counted from the block's first document; `fields` empty.
    public var documents: [SearchDocument]
    /// `DocumentsJSON.line` of each document.
    public var lines: [[UInt8]]
    public var tokens: TokenBlock

    public init(documents: [SearchDocument], lines: [[UInt8]], tokens: TokenBlock) {
        self.documents = documents
        self.lines = lines
        self.tokens = tokens
    }

    /// The block of `entries`, made from the site.
    static func make(_ site: Site, entries: Range<Int>) -> SearchBlock {
        var documents = SearchDocuments.collect(from: site, entries: entries)
        let tokens = IndexBuilder.tokenize(documents[...])
        let lines = documents.map(DocumentsJSON.line)
        for index in documents.indices { documents[index].fields = [:] }
        return SearchBlock(documents: documents, lines: lines, tokens: tokens)
    }

    /// Every block of the site in order, each from `cache` while its entries' keys hold.
    /// - Parameter entryKeys: what each entry's documents are made from, one an entry in
    ///   `SearchDocuments.entryCount`'s order.
    static func all(of site: Site, entryKeys: [Fingerprint], cache: any StageCache) -> [SearchBlock] {
        let firsts = Array(stride(from: 0, to: entryKeys.count, by: entries))
        // On every core: a first build with a cache makes all of them.
        return firsts.parallelMap { first in
            let last = min(first + entries, entryKeys.count)
            var key = Fingerprint(String(entries))
            for entry in entryKeys[first..<last] { key.add(entry) }
            return cache.value("search-block:\(first / entries)", key: key) { make(site, entries: first..<last) }.value
        }
    }
}

/// For the incremental build's cache on disk.
extension SearchBlock {
    public func write(to writer: inout BinaryWriter) {
        writer.array(documents) { writer, document in
            writer.string(document.url)
            writer.string(document.title)
            writer.int(document.parent ?? -1)
            writer.int(document.kind.rawValue)
            writer.array(document.passages) { $0.string($1) }
            writer.optional(document.level?.rawValue)
            writer.array(document.settings) { $0.string($1.rawValue) }
            writer.optional(document.issuer)
            writer.optional(document.costBand)
        }
        writer.array(lines) { $0.raw($1) }
        writer.array(tokens.words) { $0.string($1) }
        writer.array(tokens.lists) { writer, postings in
            writer.array(postings) { writer, posting in
                writer.int(posting.document)
                writer.int(posting.weight)
            }
        }
        writer.array(tokens.lengths) { $0.int($1) }
    }

    public init(reading reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        documents = try reader.array { reader throws(BinaryReader.Truncated) in
            let url = try reader.string(), title = try reader.string(), parent = try reader.int()
            guard let kind = SearchDocument.Kind(rawValue: try reader.int()) else { throw BinaryReader.Truncated() }
            let passages = try reader.array { reader throws(BinaryReader.Truncated) in try reader.string() }
            let level = try reader.optional().map { raw throws(BinaryReader.Truncated) in
                guard let level = Level(rawValue: raw) else { throw BinaryReader.Truncated() }
                return level
            }
            let settings = try reader.array { reader throws(BinaryReader.Truncated) in
                guard let setting = Setting(rawValue: try reader.string()) else { throw BinaryReader.Truncated() }
                return setting
            }
            let issuer = try reader.optional(), costBand = try reader.optional()
            return SearchDocument(url: url, title: title, parent: parent < 0 ? nil : parent, kind: kind, passages: passages, fields: [:],
                                  level: level, settings: settings, issuer: issuer, costBand: costBand)
        }
        lines = try reader.array { reader throws(BinaryReader.Truncated) in Array(try reader.rawBytes()) }
        let words = try reader.array { reader throws(BinaryReader.Truncated) in try reader.string() }
        let lists = try reader.array { reader throws(BinaryReader.Truncated) in
            try reader.array { reader throws(BinaryReader.Truncated) in SearchIndex.Posting(document: try reader.int(), weight: try reader.int()) }
        }
        let lengths = try reader.array { reader throws(BinaryReader.Truncated) in try reader.int() }
        guard words.count == lists.count, lines.count == documents.count else { throw BinaryReader.Truncated() }
        tokens = TokenBlock(words: words, lists: lists, lengths: lengths)
    }
}
