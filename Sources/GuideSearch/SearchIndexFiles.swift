import Foundation
import GuideSite
import GuideSupport

/// Writes a site's search index as files under `search/`, each named by a hash of its bytes
/// (format: README, "Search index"):
///
/// - `manifest.json`, which every page's search box names: format version, BM25
///   parameters, document count and average length, the facets, and the other files.
/// - `meta.<hash>.json`: what ranking and filtering need for every document, in a few numbers.
/// - `text.<hash>.<n>.json`: url, title and excerpt passages of the documents, for showing
///   results; one file, or once the index is split, one per page or two, fetched for the
///   results on screen. Files come in groups, each named by a hash of its own files and
///   numbered within it, so an edit renames the files of one group rather than all of them.
///   Where a group ends depends on its pages' URLs alone, so adding or removing a page renames
///   only its own group.
/// - `index.<hash>.json`, or past the size threshold `shard.<hash>.<n>.json` by word prefix,
///   each shard named by a hash of its own bytes, and `dict.<hash>.json`, the words typos are
///   corrected against.
public struct SearchIndexFiles: Sendable {
    /// 6: a document's text has up to three excerpt passages (`Passages`), where 5 had one
    /// excerpt. 5: text files in groups whose ends follow their pages' URLs (`text.sizes`),
    /// numbered within their group. (4: groups of 64 numbered through the series, so a page
    /// added near the start renamed every group after it.)
    public static let formatVersion = 6
    /// Text files a group, on average. An edit renames its group's files: 64 keeps that to a
    /// few dozen while a guide of 10,000 pages needs only ~190 hashes in the manifest.
    public static let textGroup = 64
    /// No group grows past this, however its URLs hash.
    static let textGroupLimit = 4 * textGroup
    /// Hex digits of a group's hash, in the manifest. A name only has to differ from the
    /// earlier versions of the same file that a cache may hold, so 32 bits do, and the
    /// manifest, which every first search fetches, stays small (README, "The files").
    static let groupHashDigits = 8
    public static let folder = "search"
    /// The one file whose name does not change with its content.
    public static let manifestPath = "search/manifest.json"

    /// The files to write, and the site path of the manifest the pages point at.
    public var files: [OutputFile]
    public var manifestURL: String
    public var index: SearchIndex

    /// Throws only on a bug of certguide: the index's numbers are counts, never negative.
    /// - Parameter cache: where a build with a cache keeps the documents, text and words of
    ///   each run of entries (`SearchBlock`), so an edit redoes only its own run. Without one,
    ///   nothing is kept: the blocks' copy would add to a full build's peak memory.
    public init(site: Site, options: SearchIndexOptions = .init(), cache: (any StageCache)? = nil) throws(CompactNumbers.NegativeNumber) {
        if let cache {
            let blocks = SearchBlock.all(of: site, entryKeys: Self.entryKeys(site), cache: cache)
            let index = IndexBuilder.merge(blocks)
            try self.init(documents: index.documents, lines: blocks.flatMap(\.lines), index: index, options: options)
        } else {
            let documents = SearchDocuments.collect(from: site)
            try self.init(documents: documents, index: IndexBuilder.build(documents), options: options)
        }
    }

    public init(documents: [SearchDocument], options: SearchIndexOptions = .init()) throws(CompactNumbers.NegativeNumber) {
        try self.init(documents: documents, index: IndexBuilder.build(documents), options: options)
    }

    /// What each entry's search documents are made from, in `SearchDocuments.entryCount`'s order:
    /// its front matter and body, and what every page's text depends on (`Site.fingerprint`).
    static func entryKeys(_ site: Site) -> [Fingerprint] {
        let entries = site.certifications.map { ($0.entry.frontMatterFingerprint, $0.entry.bodyFingerprint) }
            + site.faqs.map { ($0.entry.frontMatterFingerprint, $0.entry.bodyFingerprint) }
            + site.pages.map { ($0.entry.frontMatterFingerprint, $0.entry.bodyFingerprint) }
        return entries.map { front, body in
            var key = site.fingerprint
            key.add(front)
            key.add(body)
            return key
        }
    }

    /// - Parameter lines: `DocumentsJSON.line` of each document, when made already.
    init(documents: [SearchDocument], lines: [[UInt8]]? = nil, index: SearchIndex, options: SearchIndexOptions) throws(CompactNumbers.NegativeNumber) {
        let facets = SearchFacets(documents)
        var files: [OutputFile] = []
        func add(_ stem: String, _ bytes: [UInt8]) -> String {
            let name = "\(stem).\(Self.hash(Fingerprint(raw: bytes))).json"
            files.append(OutputFile(path: "\(Self.folder)/\(name)", contents: Data(bytes)))
            return name
        }
        /// A series of files cut into groups of the given sizes, each named by a short hash of
        /// its own files, so an edit renames only the groups it changed; a file is numbered in
        /// its group (`text.<hash>.0.json`, …), or through the series. Returns the groups'
        /// hashes, concatenated.
        func addGroups(_ stem: String, _ series: [[UInt8]], sizes: [Int], numberedInGroup: Bool) -> String {
            // Where each group starts in the series, and where the last one ends.
            let starts = sizes.reduce(into: [0]) { $0.append($0.last! + $1) }
            let groups = sizes.indices.map { series[starts[$0]..<starts[$0 + 1]] }
            let hashes = groups.parallelMap { Self.hash(Fingerprint(raw: $0), digits: Self.groupHashDigits) }
            for (group, hash) in zip(groups, hashes) {
                for (number, bytes) in zip(group.indices, group) {
                    let name = "\(stem).\(hash).\(numberedInGroup ? number - group.startIndex : number).json"
                    files.append(OutputFile(path: "\(Self.folder)/\(name)", contents: Data(bytes)))
                }
            }
            return hashes.joined()
        }

        let terms = index.terms
        var encoded: [String: [UInt8]] = [:]
        encoded.reserveCapacity(terms.count)
        // On every core, in runs of terms: each posting list is encoded on its own.
        let runs = stride(from: 0, to: terms.count, by: 4096).map { $0..<min($0 + 4096, terms.count) }
        let made = try runs.parallelMap { run throws(CompactNumbers.NegativeNumber) in
            try terms[run].map { term throws(CompactNumbers.NegativeNumber) in try PostingsJSON.encode(index.postings[term] ?? []) }
        }
        for (run, lists) in zip(runs, made) {
            for (term, bytes) in zip(terms[run], lists) { encoded[term] = bytes }
        }
        let size = { (term: String) in PostingsJSON.size(term, encoded[term] ?? []) }
        let split = terms.reduce(0) { $0 + size($1) } > options.shardThreshold

        var manifest = JSONWriter()
        manifest.raw("{\"version\":\(Self.formatVersion),\"k1\":1.2,\"b\":0.3,\"count\":")
        manifest.number(documents.count)
        manifest.raw(",\"averageLength\":")
        manifest.number(thousandths: index.averageLength)
        manifest.raw(",\"meta\":")
        manifest.string(add("meta", try DocumentsJSON.meta(index, facets)))
        let pages = documents.filter { $0.parent == nil }.map(\.url)
        let perFile = split ? max(1, options.textPagesPerFile) : max(1, pages.count)
        let text = DocumentsJSON.text(documents, lines: lines, pagesPerFile: perFile)
        let sizes = Self.textGroupSizes(stride(from: 0, to: pages.count, by: perFile).map { pages[$0] })
        manifest.raw(",\"text\":{\"pages\":\(perFile),\"files\":\(text.count),\"sizes\":\"")
        manifest.raw(try CompactNumbers.encode(sizes))
        manifest.raw("\",\"hashes\":")
        manifest.string(addGroups("text", text, sizes: sizes, numberedInGroup: true))
        manifest.raw("}")
        if split {
            let shards = IndexShards.split(terms, size: size, target: options.shardTarget)
            manifest.raw(",\"shards\":{\"from\":")
            manifest.strings(shards.map(\.from))
            manifest.raw(",\"hashes\":")
            // Each shard a group of its own, as an edit changes the bytes of only a few of them (a
            // clause added to a summary, 5 of 356 at 10,000 certifications), and each is far
            // bigger than its 8-digit hash in the manifest. The script takes them so.
            manifest.string(addGroups("shard", shards.map { PostingsJSON.file($0.terms, encoded) },
                                      sizes: Array(repeating: 1, count: shards.count), numberedInGroup: false))
            manifest.raw("},\"dict\":")
            manifest.string(add("dict", try DocumentsJSON.dictionary(index, terms)))
        } else {
            manifest.raw(",\"index\":")
            manifest.string(add("index", PostingsJSON.file(terms, encoded)))
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
        // Not named by its hash: every page names it, and a page must not change because an
        // entry elsewhere did. The script fetches it without the HTTP cache's heuristics.
        files.append(OutputFile(path: Self.manifestPath, contents: Data(manifest.bytes)))
        self.files = files
        self.manifestURL = "/" + Self.manifestPath
        self.index = index
    }

    /// Sizes of the groups of text files, given the URL of each file's first page: a group ends
    /// at a file whose URL hashes to 0 modulo `textGroup` (or at `textGroupLimit` files, or
    /// the last). Where groups end depends on those files alone, so a page added or removed
    /// changes the group it falls in, and every other group keeps its files and their names.
    static func textGroupSizes(_ firstURLs: [String]) -> [Int] {
        var sizes: [Int] = [], size = 0
        for (number, url) in firstURLs.enumerated() {
            size += 1
            if Fingerprint(url).value % UInt64(textGroup) == 0 || size == textGroupLimit || number == firstURLs.count - 1 {
                sizes.append(size)
                size = 0
            }
        }
        return sizes
    }

    /// The first hex digits (twelve unless told) of the FNV-1a digest of a file's or a group's
    /// bytes (`Fingerprint(raw:)`).
    private static func hash(_ digest: Fingerprint, digits: Int = 12) -> String {
        String(digest.description.prefix(digits))
    }
}
