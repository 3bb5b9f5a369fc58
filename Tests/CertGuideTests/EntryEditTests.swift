import Foundation
import GuideBuild
import GuideSupport
import Testing

/// The preview's fast path: a save that changes only Markdown bodies renders the pages showing
/// them and nothing else, and ends where a clean build ends; one that changes other facts
/// renders the entry's own page as a clean build does, before the whole build that follows.
@Suite struct EntryEditTests {
    /// The shipped guide in a temporary folder, built once with a cache.
    private static func guide() throws -> (TestSite, BuildCache, GeneratedSite) {
        let site = try TestSite(fixture: nil)
        try FileManager.default.removeItem(at: site.content)
        try FileManager.default.copyItem(at: TestSite.projectRoot.appendingPathComponent("Content"), to: site.content)
        let cache = BuildCache()
        let generated = try Builder(options: site.options()).generate(cache: cache)
        return (site, cache, generated)
    }

    private static func append(_ site: TestSite, _ path: String, _ text: String) throws -> String {
        let url = site.root.appendingPathComponent(path)
        try site.write(path, try String(contentsOf: url, encoding: .utf8) + text)
        return url.standardizedFileURL.path
    }

    /// The patched site's files, with its search index brought up to date, against a clean build.
    private static func expectSameAsClean(_ site: TestSite, _ cache: BuildCache, _ patched: GeneratedSite, _ edit: String,
                                          sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let builder = Builder(options: site.options())
        let search = try builder.updatedSearchIndex(for: patched.site, cache: cache)
        let searchPaths = Set(search.map(\.path))
        var files = Dictionary(uniqueKeysWithValues: patched.files.filter { !$0.path.hasPrefix("search/") || !$0.path.hasSuffix(".json") }
            .map { ($0.path, $0.contents) })
        for file in search { files[file.path] = file.contents }
        let clean = try builder.generate(cache: nil)
        #expect(files.keys.sorted() == clean.files.map(\.path), "\(edit): other files", sourceLocation: sourceLocation)
        for file in clean.files where files[file.path] != nil && files[file.path] != file.contents {
            Issue.record("\(edit): \(file.path) differs from a clean build", sourceLocation: sourceLocation)
        }
        #expect(searchPaths.contains("search/manifest.json"), sourceLocation: sourceLocation)
    }

    @Test func bodyEditsOfEveryKindRenderThePagesShowingThem() throws {
        let (site, cache, first) = try Self.guide()
        var last = first
        let edits: [(file: String, pages: Set<String>)] = [
            ("Content/certifications/certified-library-technician.md", ["certifications/certified-library-technician/index.html"]),
            ("Content/faq/how-much-does-certification-cost.md", ["faq/how-much-does-certification-cost/index.html", "faq/index.html"]),
            ("Content/pages/about.md", ["about/index.html", "index.html"]),
        ]
        for (file, pages) in edits {
            let path = try Self.append(site, file, "\nOne more paragraph, with [a link to the cost question](../faq/how-much-does-certification-cost.md).\n")
            let patch = try #require(Builder(options: site.options()).patchEntries(of: &last, changed: [path], cache: cache),
                                     "\(file): a body edit is patched")
            #expect(!patch.factsChanged)
            let rendered = patch.files
            #expect(Set(rendered.map(\.path)) == pages, "\(file)")
            #expect(rendered.allSatisfy { String(decoding: $0.contents, as: UTF8.self).contains("One more paragraph") || $0.path == "index.html" })
            try Self.expectSameAsClean(site, cache, last, file)
        }
        // The cache learnt what the patches made: a full build after them renders nothing.
        let full = try Builder(options: site.options()).generate(cache: cache)
        #expect(full.fresh.filter { $0.hasSuffix(".html") }.isEmpty, "\(full.fresh.sorted())")
    }

    @Test func everyOtherChangeIsLeftToAFullBuild() throws {
        let (site, cache, generated) = try Self.guide()
        var last = generated
        let builder = Builder(options: site.options())
        let certification = "Content/certifications/certified-library-technician.md"
        let original = try String(contentsOf: site.root.appendingPathComponent(certification), encoding: .utf8)
        let path = site.root.appendingPathComponent(certification).standardizedFileURL.path

        // Facts that order, group or relate entries: the whole site may change shape.
        for (from, to) in [("title: Certified Library Technician", "title: Certified Library Tech"), ("level: technician", "level: professional"),
                           ("topics: [cataloging, ", "topics: ["), ("\nsources:\n", "\naliases: [/clt/]\nsources:\n"), ("\nsources:\n", "\ndraft: true\nsources:\n")] {
            try site.write(certification, original.replacingOccurrences(of: from, with: to))
            #expect(builder.patchEntries(of: &last, changed: [path], cache: cache) == nil, "\(to)")
        }

        try site.write(certification, original + "\nA [broken link](../faq/no-such-question.md).\n")
        #expect(builder.patchEntries(of: &last, changed: [path], cache: cache) == nil, "a body with a problem")
        #expect(throws: DiagnosticsError.self) { try builder.generate(cache: cache) }

        try site.write(certification, original)
        try site.write("Content/faq/a-new-question.md", try String(contentsOf: site.content.appendingPathComponent("faq/how-much-does-certification-cost.md"), encoding: .utf8))
        let added = site.content.appendingPathComponent("faq/a-new-question.md").standardizedFileURL.path
        #expect(builder.patchEntries(of: &last, changed: [added], cache: cache) == nil, "a new file")
        let settings = site.content.appendingPathComponent("site.yml").standardizedFileURL.path
        #expect(builder.patchEntries(of: &last, changed: [settings], cache: cache) == nil, "site.yml")
        let template = site.templates.appendingPathComponent("pages/certification.mustache").standardizedFileURL.path
        #expect(builder.patchEntries(of: &last, changed: [template], cache: cache) == nil, "a template")
        #expect(last.files.map(\.contents) == generated.files.map(\.contents), "a refused patch leaves the site as it was")
    }

    @Test func aBodyPutBackAfterAPatchIsRenderedAgain() throws {
        let (site, cache, generated) = try Self.guide()
        var last = generated
        let file = "Content/certifications/certified-library-technician.md"
        let original = try String(contentsOf: site.root.appendingPathComponent(file), encoding: .utf8)
        let path = try Self.append(site, file, "\nA paragraph that will be taken out again.\n")
        #expect(Builder(options: site.options()).patchEntries(of: &last, changed: [path], cache: cache) != nil)
        // Back as before, with another entry's facts edited in the same burst: a full build,
        // which must not take the page from before the patch as unchanged since then.
        try site.write(file, original)
        let other = "Content/certifications/academy-of-certified-archivists.md"
        let text = try String(contentsOf: site.root.appendingPathComponent(other), encoding: .utf8)
        try site.write(other, text.replacingOccurrences(of: "\nsummary: ", with: "\nsummary: Edited. "))
        let full = try Builder(options: site.options()).generate(cache: cache)
        #expect(full.fresh.contains("certifications/certified-library-technician/index.html"))
        let page = try #require(full.files.first { $0.path == "certifications/certified-library-technician/index.html" })
        #expect(!String(decoding: page.contents, as: UTF8.self).contains("taken out again"))
    }

    @Test func factEditsRenderTheEntrysOwnPageAsACleanBuildDoes() throws {
        let (site, cache, first) = try Self.guide()
        var last = first
        let builder = Builder(options: site.options())
        let edits: [(file: String, from: String, to: String, page: String)] = [
            ("Content/certifications/certified-library-technician.md", "\nsummary: ", "\nsummary: Edited for the test. ",
             "certifications/certified-library-technician/index.html"),
            ("Content/certifications/certified-library-technician.md", "  min: 150\n", "  min: 175\n",
             "certifications/certified-library-technician/index.html"),
            // The newest date of the guide: the footer of every page says it.
            ("Content/certifications/academy-of-certified-archivists.md", "\nverified: 2026-12-04", "\nverified: 2026-12-05",
             "certifications/academy-of-certified-archivists/index.html"),
            ("Content/faq/how-much-does-certification-cost.md", "\nverified: 2026-11-23", "\nverified: 2026-11-29",
             "faq/how-much-does-certification-cost/index.html"),
            ("Content/pages/about.md", "\nsummary: ", "\nsummary: Edited. ", "about/index.html"),
        ]
        for (file, from, to, page) in edits {
            let text = try String(contentsOf: site.root.appendingPathComponent(file), encoding: .utf8)
            #expect(text.contains(from), "\(file): \(from)")
            try site.write(file, text.replacingOccurrences(of: from, with: to) + "\nAnd a new paragraph.\n")
            let path = site.root.appendingPathComponent(file).standardizedFileURL.path
            let patch = try #require(builder.patchEntries(of: &last, changed: [path], cache: cache), "\(file): \(to)")
            #expect(patch.factsChanged)
            #expect(patch.files.map(\.path) == [page], "only the entry's own page comes first")
            let clean = try builder.generate(cache: nil)
            let expected = try #require(clean.files.first { $0.path == page })
            #expect(patch.files.first?.contents == expected.contents, "\(to): the page as a clean build makes it")
            // The whole build that follows makes the rest (and the page again: it was not stored).
            last = try builder.generate(cache: cache)
            #expect(last.fresh.contains(page))
            #expect(last.files.map(\.path) == clean.files.map(\.path))
            for (made, wanted) in zip(last.files, clean.files) where made.contents != wanted.contents {
                Issue.record("\(to): \(made.path) differs from a clean build")
            }
        }
    }
}
