import GuideSupport

/// The document files. Documents are numbered in index order: each page, then its sections.
///
/// - meta: `{"pages":"…","lengths":"…"}`: six `CompactNumbers` a page (its sections, then
///   kind, level + 1, settings as a bit mask, issuer + 1, cost band + 1: positions in the
///   manifest's value lists, 0 for none; a section has its page's), and a `LengthCode` a
///   document.
/// - text: `{"docs": [[url, title, passage, …], …]}` for the documents of a run of pages; a
///   section's url is only `#anchor`, after its page's.
enum DocumentsJSON {
    static func meta(_ index: SearchIndex, _ facets: SearchFacets) throws(CompactNumbers.NegativeNumber) -> [UInt8] {
        var pages: [Int] = []
        // Slugs by issuer name, made once an issuer rather than once a page.
        var issuers: [String: Int] = [:]
        for (number, document) in index.documents.enumerated() where document.parent == nil {
            let sections = index.documents[(number + 1)...].prefix { $0.parent == number }.count
            let settings = document.settings.reduce(0) { mask, setting in
                let position = facets.setting.position(setting.rawValue)
                return position < 0 ? mask : mask | 1 << position
            }
            let issuer = document.issuer.map { name in
                issuers[name] ?? {
                    let position = facets.issuer.position(Slug.make(name))
                    issuers[name] = position
                    return position
                }()
            } ?? -1
            pages += [sections, facets.kind.position(document.kind.slug), facets.level.position(document.level?.rawValue) + 1,
                      settings, issuer + 1, facets.cost.position(document.costBand) + 1]
        }
        var writer = JSONWriter()
        writer.raw("{\"pages\":\"")
        writer.raw(try CompactNumbers.encode(pages))
        writer.raw("\",\n\"lengths\":\"")
        writer.raw(LengthCode.encode(index.lengths))
        writer.raw("\"}\n")
        return writer.bytes
    }

    /// The text of every document, `pagesPerFile` pages (with their sections) a file; with
    /// `lines`, each document's `line` as made before.
    static func text(_ documents: [SearchDocument], lines: [[UInt8]]? = nil, pagesPerFile: Int) -> [[UInt8]] {
        var files: [[UInt8]] = []
        var writer = JSONWriter(), pages = 0
        for (number, document) in documents.enumerated() {
            if document.parent == nil {
                if pages == pagesPerFile {
                    writer.raw("\n]}\n")
                    files.append(writer.bytes)
                    writer = JSONWriter()
                    pages = 0
                }
                pages += 1
            }
            writer.raw(writer.bytes.isEmpty ? "{\"docs\":[\n" : ",\n")
            writer.raw(lines?[number] ?? line(document))
        }
        if !writer.bytes.isEmpty {
            writer.raw("\n]}\n")
            files.append(writer.bytes)
        }
        return files
    }

    /// A document's entry in its text file: `[url, title, passage, …]`.
    static func line(_ document: SearchDocument) -> [UInt8] {
        let url = document.parent == nil ? document.url : document.url.firstIndex(of: "#").map { String(document.url[$0...]) } ?? document.url
        var writer = JSONWriter()
        writer.strings([url, document.title] + document.passages)
        return writer.bytes
    }

    /// Words in at least two documents, with how many: what a split index corrects typos
    /// against, so a correction need not be in a shard already loaded. Words found once are
    /// left out; they are most of the words and rarely what a reader meant.
    static func dictionary(_ index: SearchIndex, _ terms: [String]) throws(CompactNumbers.NegativeNumber) -> [UInt8] {
        let common = terms.filter { index.postings[$0]!.count >= 2 }
        var writer = JSONWriter()
        writer.raw("{\"terms\":")
        writer.strings(common)
        writer.raw(",\n\"counts\":\"")
        writer.raw(try CompactNumbers.encode(common.map { index.postings[$0]!.count - 2 }))
        writer.raw("\"}\n")
        return writer.bytes
    }
}
