/// The document files. Documents are numbered in index order: each page, then its sections.
///
/// - meta: `{"pages":"…","lengths":"…"}`: six `CompactNumbers` a page (its sections, then
///   kind, level + 1, settings as a bit mask, issuer + 1, cost band + 1: positions in the
///   manifest's value lists, 0 for none; a section has its page's), and a `LengthCode` a
///   document.
/// - text: `{"docs": [[url, title, excerpt], …]}` for the documents of a run of pages; a
///   section's url is only `#anchor`, after its page's. With a titles file, `{"excerpts": […]}`.
/// - titles: `{"urls": […], "titles": […], "sections": [anchor, title, …], "of": "…"}`: every
///   page's url and title, each distinct section anchor and title once, and a `CompactNumbers`
///   a section saying which. Results can be listed from it before their excerpts arrive.
enum DocumentsJSON {
    static func meta(_ index: SearchIndex, _ facets: SearchFacets) -> [UInt8] {
        var pages: [Int] = []
        for (number, document) in index.documents.enumerated() where document.parent == nil {
            let sections = index.documents[(number + 1)...].prefix { $0.parent == number }.count
            let settings = document.settings.reduce(0) { mask, setting in
                let position = facets.setting.position(setting.rawValue)
                return position < 0 ? mask : mask | 1 << position
            }
            pages += [sections, facets.kind.position(document.kind.slug), facets.level.position(document.level?.rawValue) + 1,
                      settings, facets.issuer.position(document.issuer.map(Slug.make)) + 1, facets.cost.position(document.costBand) + 1]
        }
        var writer = JSONWriter()
        writer.raw("{\"pages\":\"")
        writer.raw(CompactNumbers.encode(pages))
        writer.raw("\",\n\"lengths\":\"")
        writer.raw(LengthCode.encode(index.lengths))
        writer.raw("\"}\n")
        return writer.bytes
    }

    /// The url and title of every document, for listing results before their text is loaded.
    /// Sections repeat headings from page to page ("How to prepare"): each pair is written once.
    static func titles(_ documents: [SearchDocument]) -> [UInt8] {
        var urls: [String] = [], titles: [String] = [], pairs: [String] = [], of: [Int] = [], seen: [String: Int] = [:]
        for document in documents {
            if document.parent == nil {
                urls.append(document.url)
                titles.append(document.title)
                continue
            }
            let anchor = anchor(document.url)
            let key = anchor + "\n" + document.title
            if seen[key] == nil {
                seen[key] = seen.count
                pairs += [anchor, document.title]
            }
            of.append(seen[key]!)
        }
        var writer = JSONWriter()
        writer.raw("{\"urls\":")
        writer.strings(urls)
        writer.raw(",\n\"titles\":")
        writer.strings(titles)
        writer.raw(",\n\"sections\":")
        writer.strings(pairs)
        writer.raw(",\n\"of\":\"")
        writer.raw(CompactNumbers.encode(of))
        writer.raw("\"}\n")
        return writer.bytes
    }

    /// A section's `#anchor`; a page's url whole.
    private static func anchor(_ url: String) -> String {
        url.firstIndex(of: "#").map { String(url[$0...]) } ?? url
    }

    /// The text of every document, `pagesPerFile` pages (with their sections) a file: url, title
    /// and excerpt, or only the excerpt when a titles file has the rest.
    static func text(_ documents: [SearchDocument], pagesPerFile: Int, excerptsOnly: Bool = false) -> [[UInt8]] {
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
            writer.raw(writer.bytes.isEmpty ? (excerptsOnly ? "{\"excerpts\":[\n" : "{\"docs\":[\n") : ",\n")
            if excerptsOnly {
                writer.string(document.excerpt)
            } else {
                writer.strings([document.parent == nil ? document.url : anchor(document.url), document.title, document.excerpt])
            }
        }
        if !writer.bytes.isEmpty {
            writer.raw("\n]}\n")
            files.append(writer.bytes)
        }
        return files
    }

    /// Words in at least two documents, with how many: what a split index corrects typos
    /// against, so a correction need not be in a shard already loaded. Words found once are
    /// left out; they are most of the words and rarely what a reader meant.
    static func dictionary(_ index: SearchIndex, _ terms: [String]) -> [UInt8] {
        let common = terms.filter { index.postings[$0]!.count >= 2 }
        var writer = JSONWriter()
        writer.raw("{\"terms\":")
        writer.strings(common)
        writer.raw(",\n\"counts\":\"")
        writer.raw(CompactNumbers.encode(common.map { index.postings[$0]!.count - 2 }))
        writer.raw("\"}\n")
        return writer.bytes
    }
}
