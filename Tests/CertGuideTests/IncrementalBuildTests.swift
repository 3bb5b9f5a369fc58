import Foundation
import GuideBuild
import GuideContent
import GuideSupport
import Testing

/// A build with a cache must write what a clean build writes, after every kind of edit, while
/// rendering only what the edit touched.
@Suite struct IncrementalBuildTests {
    /// The shipped guide in a temporary folder, and a cache that has built it once.
    private static func guide() throws -> (TestSite, BuildCache) {
        let site = try TestSite(fixture: nil)
        try FileManager.default.removeItem(at: site.content)
        try FileManager.default.copyItem(at: TestSite.projectRoot.appendingPathComponent("Content"), to: site.content)
        let cache = BuildCache()
        _ = try Builder(options: site.options()).generate(cache: cache)
        return (site, cache)
    }

    /// Builds with the cache and without, expects the same files, and returns the pages the
    /// cached build rendered anew.
    @discardableResult
    private static func expectSameAsClean(_ site: TestSite, _ cache: BuildCache, _ edit: String,
                                          sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Set<String> {
        let incremental = try Builder(options: site.options()).generate(cache: cache)
        let clean = try Builder(options: site.options()).generate(cache: nil)
        #expect(incremental.files.map(\.path) == clean.files.map(\.path), "\(edit): other files", sourceLocation: sourceLocation)
        for (a, b) in zip(incremental.files, clean.files) where a.path == b.path && a.contents != b.contents {
            Issue.record("\(edit): \(a.path) differs from a clean build", sourceLocation: sourceLocation)
        }
        return incremental.fresh.filter { $0.hasSuffix(".html") }
    }

    private static func replace(_ site: TestSite, _ path: String, _ old: String, _ new: String) throws {
        let url = site.root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(path) should contain \(old)")
        try site.write(path, text.replacingOccurrences(of: old, with: new))
    }

    @Test func nothingChangedRendersNothing() throws {
        let (site, cache) = try Self.guide()
        let fresh = try Self.expectSameAsClean(site, cache, "no edit")
        #expect(fresh.isEmpty, "\(fresh.sorted())")
    }

    @Test func aBodyEditRendersItsOwnPageOnly() throws {
        let (site, cache) = try Self.guide()
        try site.write("Content/certifications/certified-library-technician.md",
                       try String(contentsOf: site.content.appendingPathComponent("certifications/certified-library-technician.md"), encoding: .utf8)
                       + "\nOne more paragraph, added in the preview.\n")
        let fresh = try Self.expectSameAsClean(site, cache, "body edit")
        #expect(fresh == ["certifications/certified-library-technician/index.html"])
    }

    @Test func anEditOfTheSameSizeWithinTheSameClockTickIsSeen() throws {
        let (site, cache) = try Self.guide()
        // Same length, written right after the last read: the stamp may not move.
        try Self.replace(site, "Content/certifications/certified-library-technician.md", "## ", "## X")
        try Self.replace(site, "Content/certifications/certified-library-technician.md", "## X", "## ")
        try Self.expectSameAsClean(site, cache, "same content")
        try Self.replace(site, "Content/certifications/certified-library-technician.md", "title: Certified Library Technician", "title: Certified Library Technicien")
        let fresh = try Self.expectSameAsClean(site, cache, "same size")
        #expect(fresh.contains("certifications/certified-library-technician/index.html"))
    }

    @Test func factEditsReachEveryListAndCard() throws {
        let (site, cache) = try Self.guide()
        try Self.replace(site, "Content/certifications/certified-library-technician.md", "title: Certified Library Technician", "title: Certified Library Technician (renamed)")
        let fresh = try Self.expectSameAsClean(site, cache, "title edit")
        #expect(fresh.contains("compare/index.html") && fresh.contains("certifications/index.html"))
        #expect(!fresh.contains("about/index.html"), "a page that shows no certification is not rendered again")
    }

    @Test func listsRenderAgainOnlyForTheFactsTheyShow() throws {
        let (site, cache) = try Self.guide()
        let clt = "Content/certifications/certified-library-technician.md"
        // A summary: on cards, but not in the A–Z list or the sources page.
        try Self.replace(site, clt, "\nsummary: ", "\nsummary: Edited. ")
        let summary = try Self.expectSameAsClean(site, cache, "summary edit")
        #expect(summary.contains("compare/index.html") && summary.contains("faq/index.html"), "FAQ answers name the CLT: \(summary.sorted())")
        #expect(!summary.contains("a-z/index.html") && !summary.contains("sources/index.html"), "\(summary.sorted())")
        // A source's title: the sources page (and every footer, which lists the guide's three).
        try Self.replace(site, clt, "ResumeCat career article", "ResumeCat article")
        let source = try Self.expectSameAsClean(site, cache, "source edit")
        #expect(source.contains("sources/index.html"), "\(source.sorted())")
        // An abbreviation: the A–Z list shows it.
        try Self.replace(site, clt, "\nabbreviation: ", "\nabbreviation: X")
        let abbreviation = try Self.expectSameAsClean(site, cache, "abbreviation edit")
        #expect(abbreviation.contains("a-z/index.html"), "\(abbreviation.sorted())")
        // A question that names one certification fewer: the FAQ page and its cards.
        try Self.replace(site, "Content/faq/how-much-does-certification-cost.md", "related: [certified-library-technician, ", "related: [")
        let related = try Self.expectSameAsClean(site, cache, "related edit")
        #expect(related.contains("faq/index.html") && related.contains("certifications/certified-library-technician/index.html"), "\(related.sorted())")
    }

    @Test func openPagesFirstThenTheRest() throws {
        let (site, cache) = try Self.guide()
        let builder = Builder(options: site.options())
        let before = try builder.generate(cache: cache)
        try Self.replace(site, "Content/certifications/certified-library-technician.md", "\nsummary: ", "\nsummary: Edited first. ")
        let open = "certifications/certified-library-technician/index.html"
        var generated = try builder.generate(cache: cache, renderFirst: [open])
        #expect(generated.fresh.filter { $0.hasSuffix(".html") } == [open])
        #expect(generated.deferred.contains("compare/index.html") && generated.deferred.contains("api/certifications.json"))
        let old = Dictionary(uniqueKeysWithValues: before.files.map { ($0.path, $0.contents) })
        #expect(generated.files.allSatisfy { !generated.deferred.contains($0.path) || old[$0.path] == $0.contents }, "deferred files keep their last version")
        let deferred = generated.deferred
        // A newer save waiting: nothing more is made now.
        #expect(try builder.completeDeferred(&generated, cache: cache) { true }.isEmpty)
        #expect(generated.deferred == deferred)
        let made = try builder.completeDeferred(&generated, cache: cache)
        #expect(Set(made.map(\.path)) == deferred, "the rest is what was deferred")
        #expect(generated.deferred.isEmpty)
        let clean = try builder.generate(cache: nil)
        #expect(generated.files.map(\.path) == clean.files.map(\.path))
        for (a, b) in zip(generated.files, clean.files) where a.path == b.path && a.contents != b.contents {
            Issue.record("\(a.path) differs from a clean build")
        }
    }

    @Test func addingRenamingAndDeletingEntries() throws {
        let (site, cache) = try Self.guide()
        try FileManager.default.moveItem(at: site.content.appendingPathComponent("certifications/certificate-of-library-management.md"),
                                         to: site.content.appendingPathComponent("certifications/library-management-certificate.md"))
        try Self.replace(site, "Content/pages/how-to-get-certified.md", "certificate-of-library-management.md", "library-management-certificate.md")
        try Self.expectSameAsClean(site, cache, "rename")
        try site.remove("Content/faq/what-is-a-library-technician-certification.md")
        try Self.expectSameAsClean(site, cache, "delete")
        let clt = try String(contentsOf: site.content.appendingPathComponent("certifications/certified-library-technician.md"), encoding: .utf8)
        try site.write("Content/certifications/brand-new.md", clt
            .replacingOccurrences(of: "title: Certified Library Technician", with: "title: A Brand New Credential")
            .replacingOccurrences(of: "topics: [", with: "topics: [a topic nobody had, "))
        try Self.expectSameAsClean(site, cache, "add")
    }

    @Test func settingsTemplatesAndAssets() throws {
        let (site, cache) = try Self.guide()
        try Self.replace(site, "Content/site.yml", "title: ", "title: The ")
        try Self.expectSameAsClean(site, cache, "site.yml")
        try Self.replace(site, "Templates/pages/faq.mustache", "{{<base}}", "{{<base}}<!-- faq -->")
        let faqOnly = try Self.expectSameAsClean(site, cache, "page template")
        #expect(!faqOnly.isEmpty && faqOnly.allSatisfy { $0.hasPrefix("faq/") && $0 != "faq/index.html" }, "\(faqOnly.sorted())")
        try Self.replace(site, "Templates/partials/card.mustache", "card-title", "card-title x")
        try Self.expectSameAsClean(site, cache, "partial")
        // Every page names the stylesheet with a hash of it, so every page is made again.
        try site.write("Templates/assets/site.css", "body { color: red; }\n")
        let restyled = try Self.expectSameAsClean(site, cache, "stylesheet")
        #expect(restyled.contains("index.html") && restyled.contains("faq/index.html"), "\(restyled.sorted())")
    }

    @Test func aFailedBuildThenAFixedOne() throws {
        let (site, cache) = try Self.guide()
        let path = "Content/certifications/certified-library-technician.md"
        let good = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        try site.write(path, good.replacingOccurrences(of: "level: ", with: "level: wizard\nold_level: "))
        #expect(throws: DiagnosticsError.self) { try Builder(options: site.options()).generate(cache: cache) }
        try site.write(path, good.replacingOccurrences(of: "title: Certified Library Technician", with: "title: Fixed"))
        try Self.expectSameAsClean(site, cache, "after a failure")
    }
}

/// `certguide build --incremental`: the cache on disk beside the output folder.
@Suite struct IncrementalBuildOnDiskTests {
    /// Every file and folder under `root`, with the bytes of files.
    static func tree(_ root: URL) throws -> [String: Data?] {
        var tree: [String: Data?] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey])!
        for case let url as URL in enumerator {
            let path = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count))
            tree[path] = try url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true ? .some(nil) : try Data(contentsOf: url)
        }
        return tree
    }

    @Test func writesOnlyWhatChangedAndEndsLikeAFullBuild() throws {
        let site = try TestSite(fixture: "basic")
        defer { site.cleanUp() }
        let cacheFolder = site.root.appendingPathComponent(".Public.cache")
        let builder = Builder(options: site.options())
        let first = try builder.buildIncrementally(cacheFolder: cacheFolder)
        #expect(first.written == first.files, "no cache yet: a full build")
        #expect(try builder.buildIncrementally(cacheFolder: cacheFolder).written == 0, "nothing changed")

        try site.write("Content/faq/what-cost.md", try String(contentsOf: site.content.appendingPathComponent("faq/what-cost.md"), encoding: .utf8) + "\nOne more line.\n")
        let edited = try builder.buildIncrementally(cacheFolder: cacheFolder)
        #expect(edited.written > 0 && edited.written < 10, "\(edited.written) files written for one answer")
        let beta = try String(contentsOf: site.content.appendingPathComponent("certifications/beta-archivist.md"), encoding: .utf8)
        try site.write("Content/certifications/delta-archivist.md", beta.replacingOccurrences(of: "title: ", with: "title: Delta "))
        _ = try builder.buildIncrementally(cacheFolder: cacheFolder)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("certifications/delta-archivist/index.html").path))
        try site.remove("Content/certifications/delta-archivist.md")
        _ = try builder.buildIncrementally(cacheFolder: cacheFolder)

        let incremental = try Self.tree(site.output)
        _ = try builder.build()
        let full = try Self.tree(site.output)
        #expect(incremental.keys.sorted() == full.keys.sorted(), "same files and folders")
        for (path, data) in full where incremental[path] != data { Issue.record("\(path) differs from a full build") }
    }

    @Test func otherOptionsOrAMissingOutputMeanAFullBuild() throws {
        let site = try TestSite(fixture: "basic")
        defer { site.cleanUp() }
        let cacheFolder = site.root.appendingPathComponent(".Public.cache")
        let first = try Builder(options: site.options()).buildIncrementally(cacheFolder: cacheFolder)
        let drafts = try Builder(options: site.options(drafts: true)).buildIncrementally(cacheFolder: cacheFolder)
        #expect(drafts.written == drafts.files && drafts.pages > first.pages)
        try FileManager.default.removeItem(at: site.output)
        let again = try Builder(options: site.options(drafts: true)).buildIncrementally(cacheFolder: cacheFolder)
        #expect(again.written == again.files)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("index.html"))
        let repaired = try Builder(options: site.options(drafts: true)).buildIncrementally(cacheFolder: cacheFolder)
        #expect(repaired.written == 1 && FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    /// `--incremental --strict` checks every page, those it kept as much as those it made: a
    /// kept page's bytes are read from the output folder when the check asks for them.
    @Test func aStrictRebuildChecksThePagesItKept() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.addMissingAssets()
        try site.write("Content/certifications/beta-archivist.md", CheckTests.certification(verified: "2026-11-01"))
        // A menu link to nowhere: on every page, which only the check of the pages' HTML finds.
        let settings = try String(contentsOf: site.content.appendingPathComponent("site.yml"), encoding: .utf8)
        try site.write("Content/site.yml", settings + "  - { title: Help, url: /help/ }\n")
        let cacheFolder = site.root.appendingPathComponent(".Public.cache")
        let builder = Builder(options: site.options())
        _ = try builder.buildIncrementally(cacheFolder: cacheFolder)
        let answer = try String(contentsOf: site.content.appendingPathComponent("faq/what-cost.md"), encoding: .utf8)
        try site.write("Content/faq/what-cost.md", answer + "\nOne more line.\n")

        func problems(_ build: () throws -> BuildReport) -> [String] {
            do {
                _ = try build()
                return []
            } catch let error as DiagnosticsError { return error.diagnostics.map(\.description) } catch { return ["\(error)"] }
        }
        let today = try #require(Day(CheckTests.today))
        let full = problems { try builder.build(strictCheckAsOf: today) }
        #expect(full.contains { $0.contains("link `/help/`") && $0.contains("leads nowhere") }, "\(full)")
        #expect(problems { try builder.buildIncrementally(cacheFolder: cacheFolder, strictCheckAsOf: today) } == full)
    }

    /// A cache cut short (a disk that filled up) or overwritten is no cache: the next build is
    /// a full one, never a crash or a page made from half a shard.
    @Test func aDamagedCacheMeansAFullBuild() throws {
        let site = try TestSite(fixture: "basic")
        defer { site.cleanUp() }
        let cacheFolder = site.root.appendingPathComponent(".Public.cache")
        let builder = Builder(options: site.options())
        _ = try builder.buildIncrementally(cacheFolder: cacheFolder)
        let shards = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).filter { $0.hasPrefix("shard-") }
        #expect(shards.count > 10)
        for (number, name) in shards.enumerated() {
            let url = cacheFolder.appendingPathComponent(name)
            let data = try Data(contentsOf: url)
            // Every other shard cut in half, the others with their bytes flipped.
            let damaged = number % 2 == 0 ? data.prefix(data.count / 2) : Data(data.map { ~$0 })
            try damaged.write(to: url)
        }
        let rebuilt = try builder.buildIncrementally(cacheFolder: cacheFolder)
        #expect(rebuilt.written == rebuilt.files, "\(rebuilt.written) of \(rebuilt.files) files written")
        #expect(try builder.buildIncrementally(cacheFolder: cacheFolder).written == 0, "the cache written after it is whole")
    }
}
