/// The two document files. Documents are numbered in index order: each page, then its sections.
///
/// - meta: `{"pages": [[sections, kind, level, [settings], issuer, cost], …], "lengths": [words
///   in each document]}`; facets are positions in the manifest's value lists, -1 when a page has
///   none, and a section has its page's.
/// - text: `{"docs": [[url, title, excerpt], …]}` for the documents of a run of pages.
enum DocumentsJSON {
    static func meta(_ index: SearchIndex, _ facets: SearchFacets) -> [UInt8] {
        var writer = JSONWriter()
        writer.raw("{\"pages\":[")
        var first = true
        for (number, document) in index.documents.enumerated() where document.parent == nil {
            let sections = index.documents[(number + 1)...].prefix { $0.parent == number }.count
            writer.raw(first ? "\n[" : ",\n[")
            first = false
            writer.number(sections)
            writer.raw(",")
            writer.number(facets.kind.position(document.kind.slug))
            writer.raw(",")
            writer.number(facets.level.position(document.level?.rawValue))
            writer.raw(",")
            writer.numbers(document.settings.map { facets.setting.position($0.rawValue) })
            writer.raw(",")
            writer.number(facets.issuer.position(document.issuer.map(Slug.make)))
            writer.raw(",")
            writer.number(facets.cost.position(document.costBand))
            writer.raw("]")
        }
        writer.raw("\n],\"lengths\":")
        writer.numbers(index.lengths)
        writer.raw("}\n")
        return writer.bytes
    }

    /// The text of every document, `pagesPerFile` pages (with their sections) a file.
    static func text(_ documents: [SearchDocument], pagesPerFile: Int) -> [[UInt8]] {
        var files: [[UInt8]] = []
        var writer = JSONWriter(), pages = 0
        for document in documents {
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
            writer.strings([document.url, document.title, document.excerpt])
        }
        if !writer.bytes.isEmpty {
            writer.raw("\n]}\n")
            files.append(writer.bytes)
        }
        return files
    }
}
