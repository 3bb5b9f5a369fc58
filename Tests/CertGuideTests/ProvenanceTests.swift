import Foundation
import GuideBuild
@testable import GuideContent
@testable import GuideSearch
@testable import GuideSite
import GuideSupport
import Testing

/// Every fact traceable: sources with a kind, facts that cite them, cautions where readers see
/// the fact, and the checks that keep a guide honest about where its figures come from.
@Suite struct ProvenanceTests {
    private let cert = "Content/certifications/x.md"
    /// Lines 2 to 6 of the file; what a test adds starts on line 7.
    private let valid = "title: X\nissuer: I\nsummary: S\nlevel: technician\nverified: 2026-11-01"
    private let twoSources = """
        sources:
          - title: Issuer's fee page
            url: https://issuer.example.org/fees
            kind: issuer
            key: fees
          - title: A career article
            url: https://article.example.org/top-10
            kind: article
        """

    private func problems(_ lines: String) throws -> [String] {
        let site = try TestSite(files: [cert: "---\n\(valid)\n\(lines)\n---\nBody.\n"])
        defer { site.cleanUp() }
        return site.problems()
    }

    @Test func aCitationOfNoSourceIsAnErrorAtTheCitation() throws {
        #expect(try problems("cost: { min: 1, source: 3 }\n\(twoSources)") == [
            "\(cert):7:25: error: `source: 3` is past the end of `sources:`, which lists 2 sources; use 1 to 2",
        ])
        #expect(try problems("renewal:\n  every_years: 3\n  source: [1, feez]\n\(twoSources)") == [
            "\(cert):9:15: error: `source: feez` names no source of this entry (keys are `fees`); did you mean `fees`?",
        ])
        #expect(try problems("cost: { min: 1, source: 1 }") == [
            "\(cert):7:25: error: `source: 1` cites a source, but the entry lists no `sources:`; add the source to `sources:` first",
        ])
        #expect(try problems("eligibility:\n  - plain line\n  - { text: cited line, source: 5 }\n\(twoSources)") == [
            "\(cert):9:33: error: `source: 5` is past the end of `sources:`, which lists 2 sources; use 1 to 2",
        ])
    }

    @Test func malformedReferencesKindsAndCautionsAreErrorsAtTheirLine() throws {
        #expect(try problems("cost: { min: 1, source: 0 }\n\(twoSources)") == [
            "\(cert):7:25: error: `cost.source` must be a source's number in the list, counting from 1, not `0`",
        ])
        #expect(try problems("sources:\n  - { title: T, kind: blog }") == [
            "\(cert):8:23: error: unknown source kind `blog`; expected one of issuer, reference, article",
        ])
        #expect(try problems("sources:\n  - { title: T, key: Fees }\n  - { title: U, key: \"2\" }") == [
            "\(cert):8:22: error: `sources[0].key` must be a short name of lowercase letters, digits and hyphens that is not a number, like `fees`, not `Fees`",
            "\(cert):9:22: error: `sources[1].key` must be a short name of lowercase letters, digits and hyphens that is not a number, like `fees`, not `2`",
        ])
        #expect(try problems("sources:\n  - { title: T, key: a }\n  - { title: U, key: a }") == [
            "\(cert):9:22: error: source key `a` is already the key of source 1; each key names one source",
        ])
        #expect(try problems("cautions:\n  - { fact: price, text: T }\n  - { fact: cost }") == [
            "\(cert):8:13: error: unknown fact `price`; expected one of issuer, cost, duration_months, exam, eligibility, renewal",
            "\(cert):9:5: error: missing required field `text` in `cautions[1]`",
        ])
    }

    /// A certification with every part of the model, as readers see it.
    private static let cited = """
        ---
        title: Cited Technician
        issuer: Cited Board
        summary: For technicians.
        level: technician
        verified: 2026-11-01
        cost: { min: 125, max: 200, currency: USD, source: fees }
        renewal: { every_years: 5, by: continuing education, source: [1, 2] }
        eligibility:
          - No requirements
          - { text: A year of library work, source: 2 }
        cautions:
          - We could not confirm the exam's length with the board.
          - { fact: renewal, text: The career article gives every 3 years; the board's own page gives every 5. }
          - { fact: exam, text: No exam is published. }
        sources:
          - { title: Board fee page, url: "https://board.example.org/fees", kind: issuer, key: fees }
          - { title: Career article, url: "https://article.example.org/", kind: article }
          - { title: Accreditor listing, url: "https://accreditor.example.org/" }
        ---
        Body.
        """

    @Test func aCitedCertificationShowsItsSourcesBesideItsFactsAndItsCautions() throws {
        let site = try TestSite(files: ["Content/certifications/cited-technician.md": Self.cited])
        defer { site.cleanUp() }
        try site.build()
        let page = try site.page("certifications/cited-technician/index.html")
        // Each cited fact links to its source in the list, with a name that says which.
        #expect(page.contains(##"<dt>Cost</dt><dd>$125–$200 <a class="cite" href="#source-1" aria-label="Source 1: Board fee page">[1]</a></dd>"##))
        #expect(page.contains(##"<dt>Issuer</dt><dd>Cited Board <a class="cite" href="#source-1" aria-label="Source 1: Board fee page">[1]</a></dd>"##))
        #expect(page.contains(##"Every 5 years by continuing education <a class="cite" href="#source-1" aria-label="Source 1: Board fee page">[1]</a> <a class="cite" href="#source-2" aria-label="Source 2: Career article">[2]</a><span class="caution" role="note"><span class="caution-label">Caution:</span> The career article gives every 3 years; the board&#39;s own page gives every 5.</span></dd>"##),
                "renewal row: \(Self.row("Renewal", in: page))")
        // A caution about the whole entry, and one about a fact the page has no row for, come
        // before the facts; the caution on the exam is not lost.
        let general = try #require(page.range(of: "Before you rely on these facts"))
        let facts = try #require(page.range(of: "<h2 id=\"facts-title\">Key facts</h2>"))
        #expect(general.lowerBound < facts.lowerBound)
        #expect(page.contains("<li>We could not confirm the exam&#39;s length with the board.</li><li>No exam is published.</li>"))
        // The list says whose words each source is and which facts it supports.
        #expect(page.contains(##"<li id="source-1"><a href="https://board.example.org/fees">Board fee page</a> <span class="source-kind kind-issuer">Issuer&#39;s page</span><br><span class="supports">Supports: Issuer, Cost, Renewal</span></li>"##))
        #expect(page.contains(##"<li id="source-2"><a href="https://article.example.org/">Career article</a> <span class="source-kind kind-article">Article</span><br><span class="supports">Supports: Eligibility, Renewal</span></li>"##))
        #expect(page.contains(##"<li id="source-3"><a href="https://accreditor.example.org/">Accreditor listing</a></li>"##))
        // The compare table carries the caution beside the renewal.
        let compare = try site.page("compare/index.html")
        #expect(compare.contains("gives every 5.</span></td>"))
    }

    private static func row(_ name: String, in page: String) -> Substring {
        guard let start = page.range(of: "<dt>\(name)</dt>") else { return "" }
        return page[start.lowerBound...].prefix(600)
    }

    @Test func openDataAndStructuredDataSayWhichFactsEachSourceSupports() throws {
        let site = try TestSite(files: ["Content/certifications/cited-technician.md": Self.cited])
        defer { site.cleanUp() }
        try site.build()
        let data = try JSONSerialization.jsonObject(with: Data(try site.page("api/certifications.json").utf8)) as? [String: Any]
        let items = try #require(data?["certifications"] as? [[String: Any]])
        let item = try #require(items.first { $0["slug"] as? String == "cited-technician" })
        let sources = try #require(item["sources"] as? [[String: Any]])
        #expect(sources.map { $0["kind"] as? String } == ["issuer", "article", nil])
        #expect(sources.map { $0["supports"] as? [String] ?? [] } == [["issuer", "cost", "renewal"], ["eligibility", "renewal"], []])
        let cautions = try #require(item["cautions"] as? [[String: Any]])
        #expect(cautions.map { $0["fact"] as? String } == [nil, "renewal", "exam"])
        let page = try site.page("certifications/cited-technician/index.html")
        #expect(page.contains(##""citation":[{"@type":"CreativeWork","about":["issuer","cost","renewal"],"genre":"issuer","name":"Board fee page","url":"https://board.example.org/fees"}"##),
                "JSON-LD: \(page.components(separatedBy: "application/ld+json").dropFirst().first?.prefix(900) ?? "none")")
    }

    @Test func cautionsAreSearchable() throws {
        let site = try TestSite(files: ["Content/certifications/cited-technician.md": Self.cited])
        defer { site.cleanUp() }
        let (built, _) = try Builder(options: site.options()).generate()
        let document = try #require(SearchDocuments.collect(from: built).first { $0.url == "/certifications/cited-technician/" })
        #expect(document.fields[SearchDocument.Field.body]?.contains("the board's own page gives every 5") == true)
    }

    @Test func checkWarnsWhereAReaderCouldNotTraceAFactAndACautionAnswersIt() throws {
        let site = try TestSite(files: [cert: """
            ---
            \(valid)
            cost: { min: 100, source: 2 }
            eligibility:
              - { text: A degree, source: [2] }
            sources:
              - { title: Accreditor listing, url: "https://accreditor.example.org/", kind: reference }
              - { title: Career article, kind: article }
            ---
            Body.
            """])
        defer { site.cleanUp() }
        try site.addMissingAssets()
        func findings() -> [String] {
            site.check(today: CheckTests.today).findings
                .filter { [.missingIssuerSource, .articleOnlyFact, .sourceWithoutAddress].contains($0.kind) }
                .map(\.diagnostic.description)
        }
        #expect(findings() == [
            "\(cert):7:27: warning: `cost` cites only an article (source 2); cite the issuer's page for it too, or tell readers in a caution: `cautions: [{ fact: cost, text: … }]`",
            "\(cert):9:31: warning: `eligibility` cites only an article (source 2); cite the issuer's page for it too, or tell readers in a caution: `cautions: [{ fact: eligibility, text: … }]`",
            "\(cert):11:3: warning: no source is the issuer's own (`kind: issuer`); cite the credential's own page on its issuer's site, or, if no issuer's page confirms it, tell readers in a caution: `cautions: [{ fact: issuer, text: … }]`",
            "\(cert):12:5: warning: source 2, \"Career article\", has no `url`; add the address of the page so readers can check it",
        ])
        #expect(site.check(today: CheckTests.today).failed(strict: true))
        #expect(site.check(today: CheckTests.today).summary.contains(
            "1 certification without an issuer source, 2 facts sourced only to an article, 1 source without a url"))
        // Readers told on the page: the warnings go, but a source without an address stays one.
        try site.write(cert, """
            ---
            \(valid)
            cost: { min: 100, source: 2 }
            eligibility:
              - { text: A degree, source: [2] }
            cautions:
              - { fact: issuer, text: No page of the issuer confirms this credential. }
              - { fact: cost, text: Only the career article gives this fee. }
              - { fact: eligibility, text: Only the career article gives this rule. }
            sources:
              - { title: Accreditor listing, url: "https://accreditor.example.org/", kind: reference }
              - { title: Career article, url: "https://article.example.org/", kind: article }
            ---
            Body.
            """)
        #expect(findings() == [])
    }
}
