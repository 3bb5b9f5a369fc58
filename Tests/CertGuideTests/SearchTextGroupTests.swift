@testable import CertGuide
import Foundation
import Testing

/// The text files of a split index come in groups of 64, each named by a hash of its own files:
/// an edit renames one group, not the whole series.
@Suite struct SearchTextGroupTests {
    /// The text files a manifest's `text` names, in order, as the browser works them out.
    static func textPaths(_ manifest: [String: Any]) throws -> [String] {
        let text = try #require(manifest["text"] as? [String: Any])
        let files = try #require(text["files"] as? Int), group = try #require(text["group"] as? Int)
        let hashes = Array(try #require(text["hashes"] as? String))
        let groups = (files + group - 1) / group
        guard groups > 0 else { return [] }
        #expect(hashes.count % groups == 0, "\(hashes.count) hex digits for \(groups) groups")
        let width = hashes.count / groups
        return (0..<files).map { number in
            let start = number / group * width
            return "search/text.\(String(hashes[start..<start + width])).\(number).json"
        }
    }

    /// Every file a manifest names, itself included.
    static func impliedPaths(_ manifest: [String: Any]) throws -> Set<String> {
        var paths: Set<String> = [SearchIndexFiles.manifestPath]
        paths.formUnion(try textPaths(manifest))
        for key in ["meta", "index", "dict"] {
            if let name = manifest[key] as? String { paths.insert("search/\(name)") }
        }
        if let shards = manifest["shards"] as? [String: Any] {
            let hash = try #require(shards["hash"] as? String), from = try #require(shards["from"] as? [String])
            paths.formUnion(from.indices.map { "search/shard.\(hash).\($0).json" })
        }
        return paths
    }

    static func manifest(_ index: SearchIndexFiles) throws -> [String: Any] {
        let file = try #require(index.files.first { $0.path == SearchIndexFiles.manifestPath })
        return try #require(try JSONSerialization.jsonObject(with: file.contents) as? [String: Any])
    }

    /// `count` pages, every third with two sections, each page with a word of its own so that
    /// the postings pass a small threshold.
    static func documents(_ count: Int) -> [SearchDocument] {
        var documents: [SearchDocument] = []
        for number in 0..<count {
            let page = documents.count
            let title = "Certification \(number) word\(number)"
            documents.append(SearchDocument(url: "/certifications/c\(number)/", title: title, parent: nil, kind: .certification,
                                            excerpt: "Summary of certification \(number).", fields: [.title: title, .body: "Body text \(number)."],
                                            level: nil, settings: [], issuer: nil, costBand: nil))
            for section in number % 3 == 0 ? ["exam", "renewal"] : [] {
                documents.append(SearchDocument(url: "/certifications/c\(number)/#\(section)", title: section.capitalized, parent: page,
                                                kind: .certification, excerpt: "About the \(section) of \(number).",
                                                fields: [.title: section, .body: "The \(section) of word\(number)."],
                                                level: nil, settings: [], issuer: nil, costBand: nil))
            }
        }
        return documents
    }

    static let split = SearchIndexOptions(shardThreshold: 2_000, shardTarget: 1_000)

    @Test func anEditRenamesTheTextFilesOfItsGroupOnly() throws {
        var documents = Self.documents(200)
        let before = SearchIndexFiles(documents: documents, options: Self.split)
        let manifest = try Self.manifest(before)
        #expect(manifest["version"] as? Int == 3)
        #expect(manifest["shards"] != nil, "the index should be split")
        let text = try #require(manifest["text"] as? [String: Any])
        #expect(text["pages"] as? Int == 1 && text["files"] as? Int == 200 && text["group"] as? Int == 64)
        // Four groups (64, 64, 64, 8), eight hex digits each.
        #expect((text["hashes"] as? String)?.count == 4 * 8)
        #expect(Set(before.files.map(\.path)) == (try Self.impliedPaths(manifest)))

        // Page 100 is in the second group (64 ..< 128).
        let page = try #require(documents.firstIndex { $0.url == "/certifications/c100/" })
        documents[page].excerpt = "Edited summary."
        let after = SearchIndexFiles(documents: documents, options: Self.split)
        let edited = try Self.manifest(after)
        #expect(Set(after.files.map(\.path)) == (try Self.impliedPaths(edited)))

        let old = Dictionary(uniqueKeysWithValues: before.files.map { ($0.path, $0.contents) })
        let new = Dictionary(uniqueKeysWithValues: after.files.map { ($0.path, $0.contents) })
        let gone = Set(old.keys).subtracting(new.keys), added = Set(new.keys).subtracting(old.keys)
        let group = Set(64..<128)
        func number(_ path: String) -> Int? {
            guard path.hasPrefix("search/text.") else { return nil }
            return Int(path.split(separator: ".").dropLast().last ?? "")
        }
        #expect(gone.count == 64 && added.count == 64)
        #expect(Set(gone.compactMap(number)) == group && Set(added.compactMap(number)) == group)
        // Every other file keeps its name and bytes; only the manifest, which keeps its name, changed.
        for (path, bytes) in old where !gone.contains(path) {
            #expect(new[path] == bytes || path == SearchIndexFiles.manifestPath, "\(path) changed")
        }
        // The one new excerpt is in the file of page 100, under the group's new name.
        let paths = try Self.textPaths(edited)
        let file = try #require(new[paths[100]])
        #expect(String(decoding: file, as: UTF8.self).contains("Edited summary."))
        #expect(added.contains(paths[100]))
    }

    @Test func aSmallSiteHasOneGroup() throws {
        let index = SearchIndexFiles(documents: Self.documents(10))
        let manifest = try Self.manifest(index)
        let text = try #require(manifest["text"] as? [String: Any])
        #expect(text["files"] as? Int == 1)
        #expect((text["hashes"] as? String)?.count == 8)
        #expect(Set(index.files.map(\.path)) == (try Self.impliedPaths(manifest)))
    }

    @Test func aSplitIndexOfExactlyOneGroupAndOfOneMore() throws {
        for (pages, groups) in [(64, 1), (65, 2), (128, 2), (129, 3)] {
            let index = SearchIndexFiles(documents: Self.documents(pages), options: Self.split)
            let manifest = try Self.manifest(index)
            let text = try #require(manifest["text"] as? [String: Any])
            #expect(text["files"] as? Int == pages)
            #expect((text["hashes"] as? String)?.count == groups * 8, "\(pages) pages")
            #expect(Set(index.files.map(\.path)) == (try Self.impliedPaths(manifest)), "\(pages) pages")
        }
    }
}
