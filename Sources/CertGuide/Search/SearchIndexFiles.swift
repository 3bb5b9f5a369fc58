/// Writes a site's search index as files under `search/` (format: README, "Search index").
///
/// - `manifest.<hash>.json`: format version, BM25 parameters, document count and average
///   length, the facets, and the names of the other files: `index` (one file) or `shards`
///   (`[[fromKey, file], …]`).
/// - `docs.<hash>.json`: `{"docs": [[url, title, parent, excerpt, length, kind, level,
///   [settings], issuer, cost], …]}`, facets as positions in the manifest's value lists, -1
///   when a document has none.
/// - `index.<hash>.json` or `shard.<hash>.json`: `{"terms": {"word": [docGap, weight, …]}}`,
///   each document as the gap from the one before (the first as its number + 1).
public struct SearchIndexFiles: Sendable {
    public static let formatVersion = 1
    public static let folder = "search"

    /// The files to write, and the site path of the manifest the pages point at.
    public var files: [OutputFile]
    public var manifestURL: String
    public var index: SearchIndex

    public init(site: Site, options: SearchIndexOptions = .init()) {
        self.init(documents: SearchDocuments.collect(from: site), options: options)
    }

    public init(documents: [SearchDocument], options: SearchIndexOptions = .init()) {
        let index = IndexBuilder.build(documents)
        let facets = SearchFacets(documents)
        var files: [OutputFile] = []
        func add(_ stem: String, _ text: String) -> String {
            let name = ContentHash.name(stem, text)
            files.append(OutputFile(path: "\(Self.folder)/\(name)", text: text))
            return name
        }

        let docsName = add("docs", Self.docsJSON(index, facets))
        let terms = index.terms
        var entries: [String: String] = [:]
        for term in terms { entries[term] = Self.entry(term, index.postings[term]!) }
        let total = entries.values.reduce(0) { $0 + $1.utf8.count + 1 }

        var manifest = JSONWriter()
        manifest.raw("{\"version\":\(Self.formatVersion),\"fold\":\"light\",\"k1\":1.2,\"b\":0.3,\"count\":")
        manifest.number(documents.count)
        manifest.raw(",\"averageLength\":")
        manifest.number(index.averageLength)
        manifest.raw(",\"docs\":")
        manifest.string(docsName)
        if total <= options.shardThreshold {
            manifest.raw(",\"index\":")
            manifest.string(add("index", Self.termsJSON(terms, entries)))
        } else {
            let shards = IndexShards.split(terms, size: { entries[$0]!.utf8.count + 1 }, target: options.shardTarget)
            manifest.raw(",\"shards\":")
            manifest.array(shards) { writer, shard in
                writer.strings([shard.from, add("shard", Self.termsJSON(shard.terms, entries))])
            }
        }
        manifest.raw(",\"facets\":")
        manifest.array(facets.all) { writer, facet in
            writer.raw("{\"id\":")
            writer.string(facet.id)
            writer.raw(",\"name\":")
            writer.string(facet.name)
            writer.raw(",\"values\":")
            writer.array(facet.values) { $0.strings([$1.slug, $1.name]) }
            writer.raw("}")
        }
        manifest.raw("}\n")
        let manifestName = add("manifest", manifest.text)
        self.files = files
        self.manifestURL = "/\(Self.folder)/\(manifestName)"
        self.index = index
    }

    /// `"word":[gap,weight,gap,weight]`
    static func entry(_ term: String, _ postings: [SearchIndex.Posting]) -> String {
        var writer = JSONWriter()
        writer.string(term)
        writer.raw(":[")
        var previous = -1
        for (index, posting) in postings.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("\(posting.document - previous),\(posting.weight)")
            previous = posting.document
        }
        writer.raw("]")
        return writer.text
    }

    private static func termsJSON(_ terms: [String], _ entries: [String: String]) -> String {
        "{\"terms\":{" + terms.map { entries[$0]! }.joined(separator: ",\n") + "}}\n"
    }

    private static func docsJSON(_ index: SearchIndex, _ facets: SearchFacets) -> String {
        var writer = JSONWriter()
        writer.raw("{\"docs\":[")
        for (number, document) in index.documents.enumerated() {
            writer.raw(number == 0 ? "\n" : ",\n")
            writer.raw("[")
            writer.string(document.url)
            writer.raw(",")
            writer.string(document.title)
            writer.raw(",\(document.parent ?? -1),")
            writer.string(document.excerpt)
            writer.raw(",\(index.lengths[number]),\(facets.kind.position(document.kind.slug)),\(facets.level.position(document.level?.rawValue)),")
            writer.numbers(document.settings.map { facets.setting.position($0.rawValue) })
            writer.raw(",\(facets.issuer.position(document.issuer.map(Slug.make))),\(facets.cost.position(document.costBand))]")
        }
        writer.raw("\n]}\n")
        return writer.text
    }
}
