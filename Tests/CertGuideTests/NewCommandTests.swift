import Foundation
import GuideBuild
import GuideContent
import GuideRender
import GuideSite
import Testing

/// `certguide new` through the library: every kind gives an entry that builds at once.
@Suite struct NewCommandTests {
    static let today = Day("2026-11-23")!

    @Test(arguments: [
        (EntryKind.certification, "Certified Library Technician", "certifications/certified-library-technician.md", "/certifications/certified-library-technician/"),
        (EntryKind.faq, "Can I certify while working part-time?", "faq/can-i-certify-while-working-part-time.md", "/faq/can-i-certify-while-working-part-time/"),
        (EntryKind.page, "Funding your exam", "pages/funding-your-exam.md", "/funding-your-exam/"),
    ])
    func eachKindBuildsRightAfter(kind: EntryKind, title: String, path: String, url: String) throws {
        let site = try TestSite(files: ["Content/pages/how-to-get-certified.md": "---\ntitle: How to get certified\n---\nSteps.\n"])
        defer { site.cleanUp() }
        try site.addMissingAssets()
        let scaffold = EntryScaffold(kind: kind, title: title, today: Self.today)
        #expect(try scaffold.create(in: site.options().contentDirectory) == "Content/\(path)")
        let text = try String(contentsOf: site.content.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains("verified: 2026-11-23 "))
        #expect(text.contains("draft: true"))

        // A draft: built with --drafts, left out without.
        try site.build(drafts: true)
        let page = try site.page(SiteURL.outputPath(for: url))
        #expect(page.contains(HTML.escape(title)))
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(SiteURL.outputPath(for: url)).path))

        // The checks find nothing wrong but what the editor must still add: a certification's sources.
        let problems = site.check(today: "2026-11-23", drafts: true).diagnostics.filter { $0.path == "Content/\(path)" }.map(\.description)
        #expect(problems == (kind == .certification ? ["Content/\(path):4:1: warning: certification has no `sources:`; list where its facts "
            + "come from, e.g. `sources: [{ title: Issuer's handbook, url: https://… }]`"] : []))
    }

    /// Every optional line the scaffold offers is valid as written: uncommented, the entry builds
    /// and its facts cite the example source, with no check warning but what examples lack.
    @Test(arguments: [EntryKind.certification, .faq, .page])
    func everyOptionalLineWorksUncommented(kind: EntryKind) throws {
        // The question's `related:` example names a certification of the shipped guide.
        let site = try TestSite(files: ["Content/certifications/certified-library-technician.md": CheckTests.certification(verified: "2026-11-01")])
        defer { site.cleanUp() }
        let path = try EntryScaffold(kind: kind, title: "Example", today: Self.today).create(in: site.options().contentDirectory)
        let file = String(path.dropFirst("Content/".count))
        let text = try String(contentsOf: site.content.appendingPathComponent(file), encoding: .utf8)
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            // `# key: …` and `#   - …`; not the scaffold's own explanations.
            let isOption = line.wholeMatch(of: /# [a-z_]+:( .*)?/) != nil || line.hasPrefix("#   - ")
            return isOption ? String(line.dropFirst(2)) : String(line)
        }.joined(separator: "\n").replacingOccurrences(of: "draft: true", with: "draft: false")
        try site.write("Content/\(file)", uncommented)
        #expect(site.problems() == [], "\(uncommented)")
        if kind == .certification {
            try site.build()
            let page = try site.page("certifications/example/index.html")
            #expect(page.contains(##"<a class="cite" href="#source-1""##))
            #expect(page.contains("Only a career article gives this fee; the issuer publishes none."))
        }
    }

    @Test func everyRequiredFieldIsExplained() {
        let text = EntryScaffold(kind: .certification, title: "X", today: Self.today).text
        for field in ["title", "issuer", "summary", "level", "verified"] {
            let line = text.split(separator: "\n").first { $0.hasPrefix("\(field): ") }
            #expect(line?.contains("# required") == true, "`\(field)` is not explained as required")
        }
        #expect(EntryScaffold(kind: .faq, title: "Q?", today: Self.today).text.contains("question: Q?"))
    }

    @Test(arguments: ["Fees: what's \"extra\"? #1", "2026", "Yes", "- a list?", "[Draft] plan", "C:\\path & more"])
    func awkwardTitlesReadBackUnchanged(title: String) throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let scaffold = EntryScaffold(kind: .page, title: title, today: Self.today)
        _ = try scaffold.create(in: site.options().contentDirectory)
        let content = try ContentLoader(contentDirectory: site.content, includeDrafts: true).load()
        #expect(content.pages.first { $0.slug == scaffold.slug }?.frontMatter.title == title)
    }

    @Test func refusals() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let content = site.options().contentDirectory
        func problem(_ kind: EntryKind, _ title: String, in folder: URL? = nil) -> String? {
            do {
                _ = try EntryScaffold(kind: kind, title: title, today: Self.today).create(in: folder ?? content)
                return nil
            } catch {
                return error.diagnostics.map(\.description).joined(separator: "\n")
            }
        }
        let before = try String(contentsOf: site.content.appendingPathComponent("pages/about.md"), encoding: .utf8)
        #expect(problem(.page, "About") == "Content/pages/about.md:1:1: error: `Content/pages/about.md` already exists; edit it, or choose another title")
        #expect(try String(contentsOf: site.content.appendingPathComponent("pages/about.md"), encoding: .utf8) == before)
        #expect(problem(.page, "Compare") == "Content/pages/compare.md:1:1: error: page slug `compare` is a URL the generator uses itself; choose another title")
        #expect(problem(.faq, "???") == "Content/faq:1:1: error: the title `???` has no letters or digits to make a file name from")
        let empty = site.root.appendingPathComponent("Empty")
        #expect(problem(.faq, "Q", in: URL(fileURLWithPath: "Empty", relativeTo: site.root))?.hasPrefix("Empty:1:1: error: no guide here") == true)
        #expect(!FileManager.default.fileExists(atPath: empty.path))
    }
}
