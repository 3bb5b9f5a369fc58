@testable import CertGuide
import Foundation
import Testing

/// The text files of a split index come in groups of 64, each named by a hash of its own files:
/// an edit renames one group, not the whole series.
@Suite struct SearchTextGroupTests {
    /// The files of a series in groups (`text`, `shards`), in order, as the browser works
    /// them out: file n's hash is its group's slice of `hashes`.
    static func groupPaths(_ stem: String, files: Int, group: Int, hashes: String) -> [String] {
        let hashes = Array(hashes), groups = (files + group - 1) / group
        guard groups > 0 else { return [] }
        #expect(hashes.count == groups * 8, "\(hashes.count) hex digits for \(groups) groups of \(stem)")
        let width = hashes.count / groups
        return (0..<files).map { number in
            let start = number / group * width
            return "search/\(stem).\(String(hashes[start..<start + width])).\(number).json"
        }
    }

    /// The text files a manifest's `text` names, in order.
    static func textPaths(_ manifest: [String: Any]) throws -> [String] {
        let text = try #require(manifest["text"] as? [String: Any])
        return groupPaths("text", files: try #require(text["files"] as? Int), group: try #require(text["group"] as? Int),
                          hashes: try #require(text["hashes"] as? String))
    }

    /// The shards a manifest's `shards` names, in order: one hash each.
    static func shardPaths(_ manifest: [String: Any]) throws -> [String] {
        guard let shards = manifest["shards"] as? [String: Any] else { return [] }
        return groupPaths("shard", files: try #require(shards["from"] as? [String]).count, group: 1,
                          hashes: try #require(shards["hashes"] as? String))
    }

    /// Every file a manifest names, itself included.
    static func impliedPaths(_ manifest: [String: Any]) throws -> Set<String> {
        var paths: Set<String> = [SearchIndexFiles.manifestPath]
        paths.formUnion(try textPaths(manifest))
        for key in ["meta", "index", "dict"] {
            if let name = manifest[key] as? String { paths.insert("search/\(name)") }
        }
        paths.formUnion(try shardPaths(manifest))
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
        #expect(manifest["version"] as? Int == 4)
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

    /// Each shard is named by a hash of its own bytes: changing one document's words renames
    /// the shards whose bytes changed, and every other shard keeps its name.
    @Test func anEditRenamesOnlyTheShardsItChanges() throws {
        // Small shards, so that there are enough to tell a few from all.
        let options = SearchIndexOptions(shardThreshold: 2_000, shardTarget: 400)
        var documents = Self.documents(200)
        let before = SearchIndexFiles(documents: documents, options: options)
        let manifest = try Self.manifest(before)
        let oldPaths = try Self.shardPaths(manifest)
        #expect(oldPaths.count >= 10, "only \(oldPaths.count) shards")
        #expect(Set(oldPaths).count == oldPaths.count)
        #expect(Set(before.files.map(\.path)) == (try Self.impliedPaths(manifest)))

        // Page 100 (which has no sections) gains two words other documents have.
        let page = try #require(documents.firstIndex { $0.url == "/certifications/c100/" })
        documents[page].fields[.body] = "Body text 100, the exam."
        let after = SearchIndexFiles(documents: documents, options: options)
        let edited = try Self.manifest(after)
        let newPaths = try Self.shardPaths(edited)
        #expect(Set(after.files.map(\.path)) == (try Self.impliedPaths(edited)))
        #expect(edited["shards"].flatMap { ($0 as? [String: Any])?["from"] as? [String] }
                == manifest["shards"].flatMap { ($0 as? [String: Any])?["from"] as? [String] }, "the shards should split as before")
        try #require(newPaths.count == oldPaths.count)

        let old = Dictionary(uniqueKeysWithValues: before.files.map { ($0.path, $0.contents) })
        let new = Dictionary(uniqueKeysWithValues: after.files.map { ($0.path, $0.contents) })
        var changed = 0
        for (number, (oldPath, newPath)) in zip(oldPaths, newPaths).enumerated() {
            let same = old[oldPath] == new[newPath]
            #expect(same == (oldPath == newPath), "shard \(number): \(same ? "same bytes, new name" : "new bytes, same name")")
            if !same { changed += 1 }
        }
        // The shards of "the" and "exam", and no other.
        #expect(changed >= 1 && changed <= 2, "\(changed) of \(oldPaths.count) shards changed")
        let exam = try #require(newPaths.first { String(decoding: new[$0]!, as: UTF8.self).contains("\"exam\"") })
        #expect(!old.keys.contains(exam))
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
