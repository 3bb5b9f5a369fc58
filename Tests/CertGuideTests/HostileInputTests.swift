import Foundation
import FoundationXML
import GuideBuild
import GuideSupport
import Testing

#if canImport(FoundationXML)
#endif

/// Input no editor meant to write, and input written to do harm: each gives a located error or
/// builds, quickly, and never crashes or hangs the generator.
@Suite struct HostileInputTests {
    private let entry = "---\ntitle: X\nissuer: I\nsummary: S\nlevel: technician\nverified: 2026-11-01\n"

    private func problems(_ files: [String: String], setUp: (TestSite) throws -> Void = { _ in }) throws -> (problems: [String], seconds: Double) {
        let site = try TestSite(files: files)
        defer { site.cleanUp() }
        try setUp(site)
        let start = Date()
        let found = site.problems()
        return (found, Date().timeIntervalSince(start))
    }

    @Test func deeplyNestedYAMLIsALocatedError() throws {
        let deep = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        let result = try problems(["Content/certifications/x.md": "---\ntitle: \(deep)\n---\n"])
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.hasPrefix("Content/certifications/x.md:2:") == true, "\(result.problems)")
    }

    @Test func aliasBombIsNotExpanded() throws {
        // Nine levels of nine aliases: 387 million strings if anything expanded them.
        var yaml = entry + "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        var previous = "a"
        for letter in "bcdefghi" {
            yaml += "\(letter): &\(letter) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = String(letter)
        }
        yaml += "eligibility: *i\n---\nBody.\n"
        let result = try problems(["Content/certifications/x.md": yaml])
        #expect(result.problems.contains("Content/certifications/x.md:7:1: error: unknown key `a`"), "\(result.problems)")
        // The alias is checked once per item it holds, at the anchor it points to; nothing deeper.
        #expect(result.problems.contains { $0.hasSuffix("error: `eligibility[0]` must be a single value or a mapping with keys `text`, `source`, not a list") },
                "\(result.problems)")
        #expect(result.problems.count == 8 + 9 + 1, "\(result.problems.count) problems")
    }

    @Test func hugeBodyAndFrontMatterBuild() throws {
        let body = String(repeating: "A long paragraph of words about library work. ", count: 220_000) // about 10 MB
        let manyLines = (0..<100_000).map { "# comment line \($0)" }.joined(separator: "\n")
        let result = try problems([
            "Content/faq/big.md": "---\nquestion: Big?\n---\n\(body)\n",
            "Content/faq/long.md": "---\n\(manyLines)\nquestion: Long?\n---\nShort.\n",
        ])
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test func nulBytesAndLoneSurrogateEscapes() throws {
        let result = try problems([
            "Content/faq/nul.md": "---\nquestion: \"Nul\\0 in a question\"\n---\nA body with a \u{0} byte.\n",
            "Content/faq/surrogate.md": "---\nquestion: \"Half \\uD800 a pair\"\n---\nBody.\n",
        ])
        // Either builds or is a located error; what matters is that it is one or the other.
        for problem in result.problems {
            #expect(problem.hasPrefix("Content/faq/"), "\(problem)")
            #expect(problem.range(of: #"^Content/faq/[a-z]+\.md:\d+:\d+: error: "#, options: .regularExpression) != nil, "\(problem)")
        }
    }

    @Test func directoriesAndSymlinkLoopsInContent() throws {
        let result = try problems([:]) { site in
            let manager = FileManager.default
            try manager.createDirectory(at: site.content.appendingPathComponent("faq/folder.md"), withIntermediateDirectories: true)
            try manager.createSymbolicLink(atPath: site.content.appendingPathComponent("faq/loop").path, withDestinationPath: "../faq")
            try manager.createSymbolicLink(atPath: site.content.appendingPathComponent("pages/self.md").path, withDestinationPath: "self.md")
        }
        #expect(result.problems.count == 1, "\(result.problems)")
        #expect(result.problems.first?.hasPrefix("Content/pages/self.md:1:1: error: cannot read file") == true, "\(result.problems)")
    }
}

/// The hostile guide (every field tries to run a script) builds, and every machine-readable file
/// stays well-formed with those strings inside: they are data, never markup.
@Suite struct HostileOutputTests {
    @Test func feedSitemapJSONLDAndOpenDataStayWellFormed() throws {
        let site = try TestSite(fixture: "hostile")
        defer { site.cleanUp() }
        try site.build()
        for path in ["feed.xml", "sitemap.xml"] {
            let parser = XMLParser(data: try Data(contentsOf: site.output.appendingPathComponent(path)))
            #expect(parser.parse(), "\(path) is not well-formed XML")
        }
        #expect(!(try site.page("feed.xml")).contains("<script>"))
        let api = try Data(contentsOf: site.output.appendingPathComponent("api/certifications.json"))
        let items = (try JSONSerialization.jsonObject(with: api) as? [String: Any])?["certifications"] as? [[String: Any]]
        #expect(items?.first?["title"] as? String == "<script>window.__pwned='title'</script> Certified Script")
        let html = try site.page("certifications/script-title/index.html")
        let start = try #require(html.range(of: #"<script type="application/ld+json">"#))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let jsonLD = String(html[start.upperBound..<end.lowerBound])
        #expect(!jsonLD.contains("<") && !jsonLD.contains(">"), "JSON-LD could close its script element")
        #expect(try JSONSerialization.jsonObject(with: Data(jsonLD.utf8)) is [String: Any])
        // Only the generator's own scripts are on the page.
        let scripts = html.components(separatedBy: "<script").count - 1
        #expect(scripts == html.components(separatedBy: "<script src=\"/assets/").count - 1 + 1, "a script tag came from the content")
    }

    @Test func unreadableFileIsALocatedError() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        var options = site.options()
        let local = FileSystem.local
        options.fileSystem = FileSystem(
            read: { url in
                if url.lastPathComponent == "beta-archivist.md" { throw CocoaError(.fileReadNoPermission) }
                return try local.read(url)
            },
            listFiles: local.listFiles, exists: local.exists)
        #expect(throws: DiagnosticsError.self) { _ = try Builder(options: options).generate() }
        do {
            _ = try Builder(options: options).generate()
        } catch {
            #expect(error.diagnostics.map(\.description).contains("Content/certifications/beta-archivist.md:1:1: error: cannot read file: permission denied"),
                    "\(error.diagnostics)")
        }
    }
}
