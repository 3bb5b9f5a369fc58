import Foundation
@testable import GuideSearch
@testable import GuideSupport
import Testing

/// The text files of a split index come in groups of about 64, each named by a hash of its own
/// files: an edit renames one group, not the whole series, and so does adding a page.
@Suite struct SearchTextGroupTests {
    /// The text files a manifest's `text` names, in order, as the browser works them out:
    /// groups of `sizes` files, each with its 8-digit slice of `hashes`, numbered within it.
    static func textPaths(_ manifest: [String: Any]) throws -> [String] {
        let text = try #require(manifest["text"] as? [String: Any])
        let sizes = CompactNumbers.decode(try #require(text["sizes"] as? String))
        let hashes = Array(try #require(text["hashes"] as? String))
        #expect(hashes.count == sizes.count * 8, "\(hashes.count) hex digits for \(sizes.count) groups")
        #expect(sizes.reduce(0, +) == text["files"] as? Int)
        return sizes.enumerated().flatMap { group, size in
            (0..<size).map { "search/text.\(String(hashes[group * 8..<group * 8 + 8])).\($0).json" }
        }
    }

    /// The shards a manifest's `shards` names, in order: one hash each, numbered through the series.
    static func shardPaths(_ manifest: [String: Any]) throws -> [String] {
        guard let shards = manifest["shards"] as? [String: Any] else { return [] }
        let count = try #require(shards["from"] as? [String]).count, hashes = Array(try #require(shards["hashes"] as? String))
        #expect(hashes.count == count * 8)
        return (0..<count).map { "search/shard.\(String(hashes[$0 * 8..<$0 * 8 + 8])).\($0).json" }
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
                                            passages: ["Summary of certification \(number)."], fields: [.title: title, .body: "Body text \(number)."],
                                            level: nil, settings: [], issuer: nil, costBand: nil))
            for section in number % 3 == 0 ? ["exam", "renewal"] : [] {
                documents.append(SearchDocument(url: "/certifications/c\(number)/#\(section)", title: section.capitalized, parent: page,
                                                kind: .certification, passages: ["About the \(section) of \(number)."],
                                                fields: [.title: section, .body: "The \(section) of word\(number)."],
                                                level: nil, settings: [], issuer: nil, costBand: nil))
            }
        }
        return documents
    }

    static let split = SearchIndexOptions(shardThreshold: 2_000, shardTarget: 1_000)

    /// The text files, by path, with their bytes; and the group (its hash) of each.
    static func textFiles(_ index: SearchIndexFiles) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: index.files.filter { $0.path.hasPrefix("search/text.") }.map { ($0.path, $0.contents) })
    }

    static func group(_ path: String) -> Substring { path.split(separator: ".")[1] }

    @Test func anEditRenamesTheTextFilesOfItsGroupOnly() throws {
        var documents = Self.documents(200)
        let before = try SearchIndexFiles(documents: documents, options: Self.split)
        let manifest = try Self.manifest(before)
        #expect(manifest["version"] as? Int == 6)
        #expect(manifest["shards"] != nil, "the index should be split")
        let text = try #require(manifest["text"] as? [String: Any])
        #expect(text["pages"] as? Int == 1 && text["files"] as? Int == 200)
        let paths = try Self.textPaths(manifest)
        #expect(Set(before.files.map(\.path)) == (try Self.impliedPaths(manifest)))
        #expect(Set(paths.map(Self.group)).count >= 2, "200 pages should make more than one group")

        let page = try #require(documents.firstIndex { $0.url == "/certifications/c100/" })
        documents[page].passages = ["Edited summary."]
        let after = try SearchIndexFiles(documents: documents, options: Self.split)
        let edited = try Self.manifest(after)
        #expect(Set(after.files.map(\.path)) == (try Self.impliedPaths(edited)))

        let old = Dictionary(uniqueKeysWithValues: before.files.map { ($0.path, $0.contents) })
        let new = Dictionary(uniqueKeysWithValues: after.files.map { ($0.path, $0.contents) })
        let gone = Set(old.keys).subtracting(new.keys), added = Set(new.keys).subtracting(old.keys)
        // The files of page 100's group, and no others, under a new name.
        let group = Set(paths.filter { Self.group($0) == Self.group(paths[100]) })
        #expect(gone == group)
        #expect(added.count == group.count && Set(added.map(Self.group)).count == 1)
        // Every other file keeps its name and bytes; only the manifest, which keeps its name, changed.
        for (path, bytes) in old where !gone.contains(path) {
            #expect(new[path] == bytes || path == SearchIndexFiles.manifestPath, "\(path) changed")
        }
        // The one new excerpt is in the file of page 100, under the group's new name.
        let editedPaths = try Self.textPaths(edited)
        #expect(String(decoding: try #require(new[editedPaths[100]]), as: UTF8.self).contains("Edited summary."))
        #expect(added.contains(editedPaths[100]))
    }

    /// Adding a page renumbers every document after it, so the shards change; the text files
    /// of the other groups keep their names and bytes. With groups of 64 numbered through the
    /// series (format 4), a page added near the start renamed every text file after it.
    @Test func addingAPageRenamesTheTextFilesOfItsGroupOnly() throws {
        let documents = Self.documents(300)
        let before = Self.textFiles(try SearchIndexFiles(documents: documents, options: Self.split))
        var more = documents
        let at = try #require(more.firstIndex { $0.url == "/certifications/c20/" })
        more.insert(SearchDocument(url: "/certifications/added/", title: "Added certification", parent: nil, kind: .certification,
                                   passages: ["A new one."], fields: [.title: "Added certification", .body: "Body."],
                                   level: nil, settings: [], issuer: nil, costBand: nil), at: at)
        let index = try SearchIndexFiles(documents: more, options: Self.split)
        let after = Self.textFiles(index)
        #expect(Set(index.files.map(\.path)) == (try Self.impliedPaths(try Self.manifest(index))))
        let gone = Set(before.keys).subtracting(after.keys), added = Set(after.keys).subtracting(before.keys)
        // One group renamed (two if the new page's URL ends a group), with one file more.
        #expect(Set(gone.map(Self.group)).count == 1, "\(gone.count) files of \(Set(gone.map(Self.group)).count) groups renamed")
        #expect(added.count == gone.count + 1 && Set(added.map(Self.group)).count <= 2)
        #expect(gone.count < 300 / 2, "\(gone.count) of 300 text files renamed")
        for (path, bytes) in before where !gone.contains(path) { #expect(after[path] == bytes, "\(path) changed") }
    }

    /// Each shard is named by a hash of its own bytes: changing one document's words renames
    /// the shards whose bytes changed, and every other shard keeps its name.
    @Test func anEditRenamesOnlyTheShardsItChanges() throws {
        // Small shards, so that there are enough to tell a few from all.
        let options = SearchIndexOptions(shardThreshold: 2_000, shardTarget: 400)
        var documents = Self.documents(200)
        let before = try SearchIndexFiles(documents: documents, options: options)
        let manifest = try Self.manifest(before)
        let oldPaths = try Self.shardPaths(manifest)
        #expect(oldPaths.count >= 10, "only \(oldPaths.count) shards")
        #expect(Set(oldPaths).count == oldPaths.count)
        #expect(Set(before.files.map(\.path)) == (try Self.impliedPaths(manifest)))

        // Page 100 (which has no sections) gains two words other documents have.
        let page = try #require(documents.firstIndex { $0.url == "/certifications/c100/" })
        documents[page].fields[.body] = "Body text 100, the exam."
        let after = try SearchIndexFiles(documents: documents, options: options)
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
        let index = try SearchIndexFiles(documents: Self.documents(10))
        let manifest = try Self.manifest(index)
        let text = try #require(manifest["text"] as? [String: Any])
        #expect(text["files"] as? Int == 1)
        #expect((text["hashes"] as? String)?.count == 8)
        #expect(Set(index.files.map(\.path)) == (try Self.impliedPaths(manifest)))
    }

    @Test func groupsEndWhereTheirURLsSayAndAverageAbout64() {
        let urls = (0..<2_000).map { "/certifications/c\($0)/" }
        let sizes = SearchIndexFiles.textGroupSizes(urls)
        #expect(sizes.reduce(0, +) == urls.count)
        #expect(sizes.allSatisfy { $0 >= 1 && $0 <= SearchIndexFiles.textGroupLimit })
        #expect((16...64).contains(sizes.count), "\(sizes.count) groups for 2,000 files")
        // A group ends at a URL that hashes to 0 modulo 64 (or at the limit, or the last file).
        var end = 0
        for size in sizes.dropLast() {
            end += size
            #expect(Fingerprint(urls[end - 1]).value % 64 == 0 || size == SearchIndexFiles.textGroupLimit)
        }
        #expect(SearchIndexFiles.textGroupSizes([]) == [])
        #expect(SearchIndexFiles.textGroupSizes(["/only/"]) == [1])
    }
}
