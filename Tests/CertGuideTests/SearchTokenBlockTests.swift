import Foundation
import GuideBuild
import GuideSupport
import Testing

/// With a cache, the search index's documents, text and words are made in blocks of 64
/// entries, and an edit makes only its own block again: the files must be the ones a build
/// without a cache writes, after each edit too, and when the blocks come back from the cache's
/// folder.
@Suite struct SearchTokenBlockTests {
    private static func searchFiles(_ files: [OutputFile]) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: files.filter { $0.path.hasPrefix("search/") }.map { ($0.path, $0.contents) })
    }

    @Test func blocksMakeTheFilesABuildWithoutACacheMakes() throws {
        // 200 certifications and 40 questions: four blocks.
        let folder = try TestSite.generatedGuide(certifications: 200, faqs: 40, seed: 7)
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = BuildOptions(contentDirectory: folder.appendingPathComponent("Content"),
                                   templatesDirectory: TestSite.projectRoot.appendingPathComponent("Templates"),
                                   outputDirectory: folder.appendingPathComponent("Public"))
        let builder = Builder(options: options)
        let cache = BuildCache()
        let cached = Self.searchFiles(try builder.generate(cache: cache).files)
        #expect(cached.count > 5, "a split index: \(cached.keys.sorted())")
        #expect(cached == Self.searchFiles(try builder.generate().1))

        // A body edit that adds a section: every document after it is numbered one more.
        let certifications = options.contentDirectory.appendingPathComponent("certifications")
        let edited = certifications.appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: certifications.path).sorted()[100])
        try (try String(contentsOf: edited, encoding: .utf8) + "\n## Zanzibar quokka\n\nA quokka section about zanzibar.\n")
            .write(to: edited, atomically: true, encoding: .utf8)
        let after = Self.searchFiles(try builder.generate(cache: cache).files)
        #expect(after != cached)
        #expect(after == Self.searchFiles(try builder.generate().1))

        // Facts that the documents and the filters show: a summary and a setting.
        let original = try String(contentsOf: edited, encoding: .utf8)
        let facts = original.replacingOccurrences(of: "\nsummary: ", with: "\nsummary: Zanzibar quokka. ")
            .replacingOccurrences(of: #"\nsettings: \[[^\]]*\]"#, with: "\nsettings: [special]", options: .regularExpression)
        #expect(facts.contains("Zanzibar quokka. ") && facts.contains("settings: [special]"), "\(original)")
        try facts.write(to: edited, atomically: true, encoding: .utf8)
        let withFacts = Self.searchFiles(try builder.generate(cache: cache).files)
        #expect(withFacts != after)
        #expect(withFacts == Self.searchFiles(try builder.generate().1))

        // The same through the cache's folder: blocks written, read back, one made again.
        let cacheFolder = folder.appendingPathComponent(".Public.cache")
        _ = try builder.buildIncrementally(cacheFolder: cacheFolder)
        try (try String(contentsOf: edited, encoding: .utf8) + "\nOne more quokka line.\n").write(to: edited, atomically: true, encoding: .utf8)
        let report = try builder.buildIncrementally(cacheFolder: cacheFolder)
        // Its page, and the search files that hold its words or its text (a group of text files
        // is renamed whole: here about 150 of them).
        #expect(report.written < report.files / 3, "\(report.written) of \(report.files) files written for one body")
        let onDisk = try FileManager.default.subpathsOfDirectory(atPath: options.outputDirectory.appendingPathComponent("search").path)
        let written = try Dictionary(uniqueKeysWithValues: onDisk.map {
            ("search/" + $0, try Data(contentsOf: options.outputDirectory.appendingPathComponent("search").appendingPathComponent($0)))
        })
        #expect(written == Self.searchFiles(try builder.generate().1))
    }
}
