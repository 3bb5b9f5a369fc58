import Foundation
import GuideBuild
import GuideSearch
import GuideSite
import GuideSupport
import Testing

/// Past the size threshold the index is split by word prefix; every word must be found in the
/// shard the browser will fetch for it.
@Suite struct SearchShardTests {
    /// The shipped guide, as documents.
    static func guideSite() throws -> Site {
        let root = TestSite.projectRoot
        let options = BuildOptions(contentDirectory: root.appendingPathComponent("Content"), templatesDirectory: root.appendingPathComponent("Templates"),
                                   outputDirectory: root.appendingPathComponent(".build/unused-output"))
        return try Builder(options: options).generate().0
    }

    static func json(_ files: [OutputFile], _ name: String) throws -> [String: Any] {
        let file = try #require(files.first { $0.path == "search/\(name)" })
        return try #require(try JSONSerialization.jsonObject(with: file.contents) as? [String: Any])
    }

    /// An index file's words and their encoded postings.
    static func terms(_ object: [String: Any]) throws -> [String: String] {
        let words = try #require(object["terms"] as? [String]), postings = try #require(object["postings"] as? [String])
        #expect(words.count == postings.count)
        #expect(words == words.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
        return Dictionary(uniqueKeysWithValues: zip(words, postings))
    }

    @Test func smallSitesGetOneIndexFile() throws {
        let files = try SearchIndexFiles(site: try Self.guideSite())
        let manifest = try Self.json(files.files, String(files.manifestURL.dropFirst("/search/".count)))
        #expect(manifest["index"] is String)
        #expect(manifest["shards"] == nil && manifest["dict"] == nil)
        #expect(files.files.count == 4)
        #expect((manifest["text"] as? [String: Any])?["files"] as? Int == 1)
        #expect(Set(files.files.map(\.path)) == (try SearchTextGroupTests.impliedPaths(manifest)))
    }

    @Test func pastTheThresholdEveryWordIsInItsShard() throws {
        let site = try Self.guideSite()
        let whole = try SearchIndexFiles(site: site)
        let split = try SearchIndexFiles(site: site, options: SearchIndexOptions(shardThreshold: 10_000, shardTarget: 4_000))
        let manifest = try Self.json(split.files, String(split.manifestURL.dropFirst("/search/".count)))
        #expect(manifest["index"] == nil)
        let shards = try #require(manifest["shards"] as? [String: Any])
        let keys = try #require(shards["from"] as? [String])
        let shardPaths = try SearchTextGroupTests.shardPaths(manifest)
        #expect(shardPaths.count == keys.count && (shards["hashes"] as? String)?.count == keys.count * 8)
        #expect(keys.count >= 5)
        #expect(keys.first == "")
        // Keys ascend in UTF-16 order, as JavaScript compares them.
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.utf16.lexicographicallyPrecedes($1.utf16) })

        var seen: [String: String] = [:]
        for number in keys.indices {
            let file = try #require(split.files.first { $0.path == shardPaths[number] })
            #expect(file.contents.count <= 4_000 + 2_000, "shard \(keys[number]) is \(file.contents.count) bytes")
            let terms = try Self.terms(try #require(try JSONSerialization.jsonObject(with: file.contents) as? [String: Any]))
            for (term, postings) in terms {
                #expect(seen[term] == nil, "\(term) is in two shards")
                seen[term] = postings
                // The browser's rule: the last shard whose key is not after the word.
                let chosen = keys.lastIndex { !term.utf16.lexicographicallyPrecedes($0.utf16) }
                #expect(chosen == number, "\(term) is in shard \(number) but would be looked up in \(chosen ?? -1)")
            }
        }
        #expect(split.files.filter { $0.path.hasPrefix("search/shard.") }.count == keys.count)
        // Nothing lost: the shards hold exactly the single file's words and postings.
        let single = try Self.json(whole.files, String(whole.manifestURL.dropFirst("/search/".count)))
        let index = try Self.json(whole.files, try #require(single["index"] as? String))
        #expect(seen == (try Self.terms(index)))
        // Typos are corrected against every word found more than once, with its document count.
        let dict = try Self.json(split.files, try #require(manifest["dict"] as? String))
        let words = try #require(dict["terms"] as? [String])
        let counts = CompactNumbers.decode(try #require(dict["counts"] as? String)).map { $0 + 2 }
        #expect(words.count == counts.count && words.count > 100)
        let common = seen.filter { PostingsJSON.decode($0.value).count >= 2 }
        #expect(Set(words) == Set(common.keys))
        for (word, count) in zip(words, counts) { #expect(PostingsJSON.decode(seen[word]!).count == count, "\(word)") }
        // Ranking data is the same file either way; the text is cut into one file per page.
        #expect(single["meta"] as? String == manifest["meta"] as? String)
        let text = try #require(manifest["text"] as? [String: Any])
        #expect(text["pages"] as? Int == 1)
        let textPaths = try SearchTextGroupTests.textPaths(manifest)
        #expect(textPaths.count == text["files"] as? Int)
        var urls: [String] = []
        for (number, path) in textPaths.enumerated() {
            let docs = try #require(try Self.json(split.files, String(path.dropFirst("search/".count)))["docs"] as? [[String]])
            // A page, then its sections, each only `#anchor` after the page's url.
            #expect(docs.count >= 1 && !docs[0][0].contains("#") && docs.dropFirst().allSatisfy { $0[0].hasPrefix("#") },
                    "text file \(number) is not one page and its sections")
            urls += docs.enumerated().map { $0.offset == 0 ? $0.element[0] : docs[0][0] + $0.element[0] }
        }
        #expect(urls == whole.index.documents.map(\.url))
    }
}
