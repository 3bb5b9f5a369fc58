import Foundation
import FoundationXML
import GuideBuild
import GuideSupport
import Testing

#if canImport(FoundationXML)
#endif

/// Full builds of the fixture site, asserting on what a reader would open.
@Suite struct BuildTests {
    @Test func everyPageKindIsWritten() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let report = try site.build()
        #expect(report.certifications == 2 && report.faqs == 2 && report.freePages == 1)
        for path in ["index.html", "certifications/index.html", "certifications/alpha-technician/index.html", "compare/index.html",
                     "faq/index.html", "faq/how-long/index.html", "about/index.html", "topics/index.html",
                     "topics/reference-services/index.html", "404.html", "sitemap.xml", "feed.xml", "robots.txt",
                     "api/certifications.json", "certs/alt/index.html"] {
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(path).path), "missing \(path)")
        }
        #expect(report.pages == (try site.snapshot().keys.filter { $0.hasSuffix(".html") }.count))
    }

    /// After a deploy, a browser must not run a cached old script with the new pages and index.
    @Test func pagesNameAssetsWithAHashOfTheirContent() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        func names() throws -> [String] {
            let files = try Builder(options: site.options()).generate(cache: nil).files
            let home = String(decoding: try #require(files.first { $0.path == "index.html" }).contents, as: UTF8.self)
            let script = try #require(files.first { $0.path == "assets/search.js" })
            #expect(home.contains("<script src=\"/assets/search.js?v=\(Fingerprint(raw: script.contents).description.prefix(8))\" defer>"))
            return home.matches(of: /\/assets\/[a-z.]+\?v=[0-9a-f]{8}/).map { String($0.output) }
        }
        let before = try names()
        // site.css, search.css, search.js, pick.js (naming highlight.js) and filter.js.
        #expect(before.count == 6, "\(before)")
        let script = try String(contentsOf: site.templates.appendingPathComponent("assets/search.js"), encoding: .utf8)
        try site.write("Templates/assets/search.js", script + "\nconst changed = 1;\n")
        let after = try names()
        #expect(zip(before, after).filter { $0 != $1 }.map(\.1.description).allSatisfy { $0.hasPrefix("/assets/search.js?v=") })
        #expect(before.filter { !$0.hasPrefix("/assets/search.js") } == after.filter { !$0.hasPrefix("/assets/search.js") })
        #expect(before != after)
        // The preview keeps bare paths, so that a stylesheet edit needs no page made again.
        let preview = try Builder(options: site.options(versionedAssets: false)).generate(cache: nil).files
        #expect(String(decoding: try #require(preview.first { $0.path == "index.html" }).contents, as: UTF8.self)
            .contains("<script src=\"/assets/search.js\" defer>"))
    }

    @Test func certificationPageShowsItsFacts() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let html = try site.page("certifications/alpha-technician/index.html")
        let facts = try #require(html.range(of: #"<section class="facts""#).map { String(html[$0.lowerBound...]) })
        for fact in ["Alpha Society", "Technician", "Public, Academic", "$175–$225", "member and non-member prices", "4–6 months",
                     "100 questions · 70% to pass · 3 h · written, multiple-choice", "Two years of library work",
                     "Every 5 years by continuing education", #"<time datetime="2026-10-01">1 October 2026</time>"#] {
            #expect(facts.contains(fact), "facts box lacks \(fact)")
        }
        #expect(html.contains(#"<a href="https://alpha.example.org/handbook">Alpha Society handbook</a>"#))
        #expect(html.contains(#"<title>Alpha Technician · Fixture Guide</title>"#))
        #expect(html.contains(#"<link rel="canonical" href="https://fixture.example.org/certifications/alpha-technician/">"#))
        #expect(html.contains(#"<meta property="og:title" content="Alpha Technician">"#))
        // Body: table of contents (three sections), rewritten links, related question, similar certification.
        #expect(html.contains(##"<a href="#overview">Overview</a>"##))
        #expect(html.contains(##"href="/faq/how-long/#short-answer""##))
        #expect(html.contains(#"href="/certifications/beta-archivist/""#))
        #expect(html.contains(#"<a href="/faq/how-long/">How long does certification take?</a>"#))
        // Drafts stay out.
        #expect(!html.contains("Gamma Draft"))
    }

    @Test func certificationJSONLDParses() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let object = try jsonLD(in: try site.page("certifications/alpha-technician/index.html"))
        #expect(object["@type"] as? String == "EducationalOccupationalCredential")
        #expect(object["name"] as? String == "Alpha Technician")
        #expect(object["alternateName"] as? String == "ALT")
        #expect((object["recognizedBy"] as? [String: Any])?["name"] as? String == "Alpha Society")
        #expect(object["validFor"] as? String == "P5Y")
        let offer = try #require(object["offers"] as? [String: Any])
        #expect((offer["priceSpecification"] as? [String: Any])?["minPrice"] as? Int == 175)
    }

    @Test func compareTableHasARowPerCertification() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let html = try site.page("compare/index.html")
        #expect(html.components(separatedBy: "<tr id=").count - 1 == 2)
        let alpha = try #require(html.range(of: #"<tr id="alpha-technician">"#).map { String(html[$0.lowerBound...].prefix(1200)) })
        #expect(alpha.contains("$175–$225") && alpha.contains("4–6 months") && alpha.contains("Two years of library work"))
        let beta = try #require(html.range(of: #"<tr id="beta-archivist">"#).map { String(html[$0.lowerBound...].prefix(1200)) })
        #expect(beta.contains("$350") && beta.contains("Varies"))
    }

    @Test func faqPageHasAnchorsAndFAQPageJSONLD() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let html = try site.page("faq/index.html")
        #expect(html.contains(#"<article class="faq-item" id="how-long">"#))
        #expect(html.contains(#"<article class="faq-item" id="what-cost">"#))
        let object = try jsonLD(in: html)
        #expect(object["@type"] as? String == "FAQPage")
        let questions = try #require(object["mainEntity"] as? [[String: Any]])
        #expect(questions.map { $0["name"] as? String } == ["How long does certification take?", "What does it cost?"])
        #expect(((questions[0]["acceptedAnswer"] as? [String: Any])?["text"] as? String)?.contains("Four to six months") == true)
    }

    @Test func sitemapListsEveryPage() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let sitemap = try site.page("sitemap.xml")
        let pages = try site.snapshot().keys.filter { $0.hasSuffix("index.html") && !$0.hasPrefix("certs/") }
        for page in pages {
            let url = "https://fixture.example.org/" + page.dropLast("index.html".count)
            #expect(sitemap.contains("<loc>\(url)</loc>"), "sitemap lacks \(url)")
        }
        #expect(!sitemap.contains("certs/alt"), "redirects are not pages")
        #expect(sitemap.contains("<lastmod>2026-10-01</lastmod>"))
    }

    @Test func feedAndOpenDataAreWellFormed() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let feed = XMLParser(data: Data(try site.page("feed.xml").utf8))
        #expect(feed.parse(), "feed.xml is not well-formed XML: \(String(describing: feed.parserError))")
        #expect(try site.page("feed.xml").components(separatedBy: "<entry>").count - 1 == 2)
        let data = try JSONSerialization.jsonObject(with: Data(try site.page("api/certifications.json").utf8)) as? [String: Any]
        let items = try #require(data?["certifications"] as? [[String: Any]])
        #expect(items.map { $0["slug"] as? String } == ["alpha-technician", "beta-archivist"])
        #expect((items[0]["exam"] as? [String: Any])?["questions"] as? Int == 100)
        #expect(try site.page("robots.txt").contains("Sitemap: https://fixture.example.org/sitemap.xml"))
    }

    @Test func aliasRedirectsToCurrentURL() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let html = try site.page("certs/alt/index.html")
        #expect(html.contains(#"<meta http-equiv="refresh" content="0; url=/certifications/alpha-technician/">"#))
        #expect(html.contains(#"<link rel="canonical" href="https://fixture.example.org/certifications/alpha-technician/">"#))
    }

    @Test func aliasOnAnExistingPageIsAnError() throws {
        let site = try TestSite(files: ["Content/pages/about.md": "---\ntitle: About\naliases: [/old-about/, /compare]\n---\nText.\n"])
        defer { site.cleanUp() }
        #expect(site.problems() == ["Content/pages/about.md:3:24: error: alias `/compare` is the URL of an existing page; a redirect there would hide it"])
    }

    @Test func draftsOnlyWithTheFlag() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(try site.build(drafts: true).certifications == 3)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("certifications/gamma-draft/index.html").path))
        #expect(try site.build().certifications == 2)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("certifications/gamma-draft/index.html").path))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let first = try site.snapshot()
        try site.build()
        #expect(try site.snapshot() == first)
    }

    @Test func failedBuildLeavesPreviousOutputUntouched() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let before = try site.snapshot()
        try site.write("Content/certifications/alpha-technician.md", "---\ntitle: Broken\n")
        #expect(throws: DiagnosticsError.self) { try site.build() }
        #expect(try site.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".Public") }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }

    @Test func htmlInFrontMatterIsEscaped() throws {
        let site = try TestSite(files: ["Content/faq/xss.md": "---\nquestion: \"Is <script>alert(1)</script> safe?\"\n---\nNo.\n"])
        defer { site.cleanUp() }
        try site.build()
        for path in ["faq/xss/index.html", "faq/index.html"] {
            let html = try site.page(path)
            #expect(!html.contains("<script>alert(1)"), "\(path) lets a script through")
            #expect(html.contains("Is &lt;script&gt;alert(1)&lt;/script&gt; safe?"))
        }
        #expect(try site.page("faq/index.html").contains(#"Is \u003cscript\u003ealert(1)\u003c/script\u003e safe?"#))
    }

    @Test func outputFolderHoldingTheSourcesIsRefused() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        var options = site.options()
        options.outputDirectory = site.root
        #expect(throws: DiagnosticsError.self) { try Builder(options: options).build() }
        #expect(FileManager.default.fileExists(atPath: site.content.appendingPathComponent("site.yml").path))
    }

    @Test func shippedGuideBuildsCleanly() throws {
        let root = TestSite.projectRoot
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("certguide-shipped-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try Builder(options: BuildOptions(
            contentDirectory: root.appendingPathComponent("Content"), templatesDirectory: root.appendingPathComponent("Templates"),
            outputDirectory: output)).build()
        #expect(report.certifications >= 3 && report.faqs >= 3 && report.freePages >= 1)
    }

    private func jsonLD(in html: String) throws -> [String: Any] {
        let start = try #require(html.range(of: #"<script type="application/ld+json">"#))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = String(html[start.upperBound..<end.lowerBound])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }
}
