import Foundation
import GuideBuild
import GuideContent
import GuideSupport
import Testing

/// `certguide check` through the library: small real sites on disk, exact diagnostics.
@Suite struct CheckTests {
    static let today = "2026-11-23"
    /// A home page that lists nothing, so that free pages are reachable only through links.
    static let bareHome = "{{<base}}\n{{$main}}\n<h1>{{site.title}}</h1>\n{{/main}}\n{{/base}}\n"

    @Test func fixtureWithOneOfEachProblemGivesExactDiagnostics() throws {
        let site = try TestSite(fixture: "problems", files: ["Templates/pages/home.mustache": Self.bareHome])
        defer { site.cleanUp() }
        try site.addMissingAssets()
        let report = site.check(today: Self.today)
        let alpha = "Content/certifications/alpha-technician.md"
        #expect(report.diagnostics.map(\.description) == [
            "\(alpha):2:8: warning: title `Alpha Technician` is also the title of `Content/pages/alpha-technician.md`; give each page its own",
            "\(alpha):13:55: error: link `../faq/costs.md#exam-fee`: `/faq/costs/` has no anchor `#exam-fee`",
            "\(alpha):14:20: error: link `/faq/timeline/` leads nowhere: the site has no page at `/faq/timeline/`",
            "\(alpha):19:26: error: link `#what-is-it`: this page has no anchor `#what-is-it`; did you mean `#what-it-is`?",
            "\(alpha):21:5: error: image `/assets/diagram.png` does not exist: the site has no file at `/assets/diagram.png`; "
                + "files in `Templates/assets/` are published under `/assets/`",
            "\(alpha):21:5: warning: image `/assets/diagram.png` has no alt text; say what it shows for readers who cannot see it: "
                + "`![what it shows](/assets/diagram.png)`",
            "\(alpha):23:18: error: image `images/hall.jpg` does not exist: the site has no file at "
                + "`/certifications/alpha-technician/images/hall.jpg`; files in `Templates/assets/` are published under `/assets/`, "
                + "so write `/assets/…` (a relative address is read from the page's URL `/certifications/alpha-technician/`)",
            "Content/certifications/beta-archivist.md:2:1: warning: certification has no `sources:`; list where its facts come from, "
                + "e.g. `sources: [{ title: Issuer's handbook, url: https://… }]`",
            "Content/certifications/beta-archivist.md:4:10: warning: `summary` is 168 characters; search results cut descriptions at "
                + "about 160, so keep it to 160 or fewer",
            "Content/certifications/beta-archivist.md:6:11: warning: last verified 2024-03-15, 2 years 8 months ago; entries older than "
                + "12 months (`stale_after_months` in site.yml) must be checked against their sources again, then `verified` updated",
            "Content/certifications/gamma-specialist.md:6:11: warning: `verified` is 2062-11-01, after today (2026-11-23); "
                + "write the day the facts were checked",
            "Content/certifications/gamma-specialist.md:8:3: warning: no source is the issuer's own (`kind: issuer`); cite the credential's "
                + "own page on its issuer's site, or, if no issuer's page confirms it, tell readers in a caution: `cautions: [{ fact: issuer, text: … }]`",
            "Content/certifications/gamma-specialist.md:8:5: warning: source 1, \"Gamma Board rules\", has no `url`; add the address of the page "
                + "so readers can check it",
            "Content/pages/alpha-technician.md:2:8: warning: title `Alpha Technician` is also the title of `\(alpha)`; give each page its own",
            "Content/pages/hidden.md:2:8: warning: no page links to `/hidden/`; link it from a related entry or list it in `nav` of site.yml",
            "Content/site.yml:7:25: error: link `/help/` (on 16 pages) leads nowhere: the site has no page at `/help/`",
        ])
        #expect(report.summary == "6 errors, 10 warnings (4 broken links, 2 missing files, 1 image without alt text, 1 stale entry, "
            + "1 verified date in the future, 1 certification without sources, 1 certification without an issuer source, "
            + "1 source without a url, 1 page nothing links to, 2 duplicate titles, "
            + "1 summary too long) in 16 pages (3 certifications, 1 FAQ, 2 pages); 3 external links not checked (--external checks them)")
        #expect(report.failed(strict: false))
        #expect(report.externalLinks.map { "\($0.path):\($0.location.line):\($0.location.column) \($0.url)" } == [
            "\(alpha):9:10 https://alpha.example.org/handbook",
            "\(alpha):18:26 https://alpha.example.org/",
            "Content/site.yml:8:32 https://association.example.org/",
        ])
    }

    @Test func cleanSiteHasNoProblems() throws {
        let site = try TestSite(files: ["Content/certifications/beta-archivist.md": """
            ---
            title: Beta Archivist
            issuer: Beta Academy
            summary: For archivists.
            level: professional
            verified: 2026-11-01
            sources: [{ title: Beta Academy rules, url: "https://beta.example.org/rules", kind: issuer }]
            ---
            See [how long Alpha takes](../faq/how-long.md#short-answer), the [FAQ entry](/faq/#how-long) and [the top](#main).
            """,
            // The home template links this page.
            "Content/pages/how-to-get-certified.md": "---\ntitle: How to get certified\n---\nSteps.\n",
        ])
        defer { site.cleanUp() }
        try site.addMissingAssets()
        let report = site.check(today: Self.today)
        #expect(report.diagnostics.map(\.description) == [])
        #expect(!report.failed(strict: true))
        #expect(report.summary.hasPrefix("no problems in "))
    }

    @Test func aGeneratedPageNothingLinksToPointsAtItsTemplate() throws {
        // The footer is what links the sources page.
        let footer = try String(contentsOfFile: "Templates/partials/footer.mustache", encoding: .utf8)
        let site = try TestSite(files: ["Templates/partials/footer.mustache": footer.replacingOccurrences(of: "<li><a href=\"/sources/\">Sources</a></li>", with: "")])
        defer { site.cleanUp() }
        try site.addMissingAssets()
        let orphans = site.check(today: Self.today).findings.filter { $0.kind == .orphanPage }.map(\.diagnostic.description)
        #expect(orphans == ["Templates/pages/sources.mustache:1:1: warning: no page links to `/sources/`; link it from a template or `nav` of site.yml"])
    }

    @Test func staleAfterTheConfiguredMonthsToTheDay() throws {
        let site = try TestSite(files: [
            "Content/certifications/alpha-technician.md": Self.certification(verified: "2026-05-23"),
            "Content/certifications/beta-archivist.md": Self.certification(verified: "2026-05-22"),
        ])
        defer { site.cleanUp() }
        try site.addMissingAssets()
        // Default: 12 months; neither is stale.
        #expect(site.check(today: Self.today).findings.filter { $0.kind == .staleEntry }.isEmpty)
        try site.write("Content/site.yml", "title: T\nbase_url: https://t.example.org/\ndescription: D\nstale_after_months: 6\n")
        let stale = site.check(today: Self.today).findings.filter { $0.kind == .staleEntry }.map(\.diagnostic.description)
        // Exactly six months old is not yet older than six months; one day more is.
        #expect(stale == ["Content/certifications/beta-archivist.md:6:11: warning: last verified 2026-05-22, 6 months ago; entries older "
            + "than 6 months (`stale_after_months` in site.yml) must be checked against their sources again, then `verified` updated"])
        try site.write("Content/site.yml", "title: T\nbase_url: https://t.example.org/\ndescription: D\nstale_after_months: 0\n")
        #expect(site.check(today: Self.today).diagnostics.map(\.description).contains(
            "Content/site.yml:4:21: error: `stale_after_months` must be from 1 to 1,200, not `0`"))
    }

    @Test func dayArithmetic() {
        #expect(Day("2026-03-31")!.adding(months: -1) == Day("2026-02-28"))
        #expect(Day("2024-03-31")!.adding(months: -1) == Day("2024-02-29"))
        #expect(Day("2026-01-15")!.adding(months: -12) == Day("2025-01-15"))
        #expect(Day("2026-11-23")!.adding(months: 2) == Day("2027-01-23"))
        #expect(Day("2025-11-24")!.age(at: Day("2026-11-23")!) == "11 months")
        #expect(Day("2025-11-23")!.age(at: Day("2026-11-23")!) == "1 year")
        #expect(Day("2023-01-01")!.age(at: Day("2026-11-23")!) == "3 years 10 months")
    }

    @Test func linkLocationsPointAtEachLinkNotItsParagraph() throws {
        let site = try TestSite(files: ["Content/pages/links.md": """
            ---
            title: Links
            ---
            A paragraph with [one](/nowhere/) link,
            and on its second line [the same](/nowhere/) again,
            and [a third](/nowhere/ "with a title").

            - a list item with [a reference][gone]

            [gone]: /gone/
            """])
        defer { site.cleanUp() }
        try site.addMissingAssets()
        let broken = site.check(today: Self.today).findings.filter { $0.diagnostic.path == "Content/pages/links.md" }.map {
            "\($0.diagnostic.location.line):\($0.diagnostic.location.column)"
        }
        #expect(broken == ["4:24", "5:35", "6:15", "10:9"])
    }

    @Test func addressesAreReadAsTheBrowserReadsThem() throws {
        let site = try TestSite(files: ["Content/pages/addresses.md": """
            ---
            title: Addresses
            ---
            [own absolute](https://fixture.example.org/faq/how-long/#short-answer) ·
            [own absolute, gone](https://fixture.example.org/faq/gone/) ·
            [folder without slash](/faq/how-long) ·
            [up from the page](../faq/how-long/) ·
            [encoded](/faq/how%2Dlong/) ·
            [query](/compare/?level=technician) ·
            [mail](mailto:editors@example.org) ·
            [other site](https://example.org/x)
            """])
        defer { site.cleanUp() }
        try site.addMissingAssets()
        let report = site.check(today: Self.today)
        #expect(report.findings.filter { $0.diagnostic.path == "Content/pages/addresses.md" }.map(\.diagnostic.message) == [
            "link `https://fixture.example.org/faq/gone/` leads nowhere: the site has no page at `/faq/gone/`",
        ])
        #expect(report.externalLinks.filter { $0.path == "Content/pages/addresses.md" }.map(\.url) == ["https://example.org/x"])
    }

    @Test func templateAssetsAreCheckedAtTheTemplateLine() throws {
        let site = try TestSite(files: ["Templates/pages/home.mustache":
            "{{<base}}\n{{$main}}\n<h1>{{site.title}}</h1>\n<p><img src=\"/assets/logo.svg\" alt=\"Logo\"> <a href=\"/compare/#nope\">Compare</a></p>\n{{/main}}\n{{/base}}\n"])
        defer { site.cleanUp() }
        try site.addMissingAssets()
        try site.remove("Templates/assets/logo.svg")
        #expect(site.check(today: Self.today).diagnostics.map(\.description).filter { $0.hasPrefix("Templates/") } == [
            "Templates/pages/home.mustache:4:14: error: `/assets/logo.svg` (on `/`) does not exist: the site has no file at "
                + "`/assets/logo.svg`; add it as `Templates/assets/logo.svg`",
            "Templates/pages/home.mustache:4:53: error: link `/compare/#nope` (on `/`): `/compare/` has no anchor `#nope`",
        ])
        try site.write("Templates/assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        #expect(site.check(today: Self.today).diagnostics.map(\.description).filter { $0.hasPrefix("Templates/") }.count == 1)
    }

    @Test func aSiteThatDoesNotBuildReportsItsBuildErrors() throws {
        let site = try TestSite(files: ["Content/faq/broken.md": "---\nquestion: Q\n---\nSee [x](../certifications/nobody.md).\n"])
        defer { site.cleanUp() }
        let report = site.check(today: Self.today)
        #expect(report.diagnostics.map(\.description) == [
            "Content/faq/broken.md:4:5: error: link to `../certifications/nobody.md` points to no entry (looked for `certifications/nobody.md`)",
        ])
        #expect(report.summary == "the site does not build: 1 error, 0 warnings (1 build error)")
    }

    @Test func draftsAreCheckedOnlyWithDrafts() throws {
        let site = try TestSite(files: ["Content/pages/draft.md": "---\ntitle: Draft\ndraft: true\n---\n[x](/nowhere/)\n"])
        defer { site.cleanUp() }
        try site.addMissingAssets()
        let draft = "Content/pages/draft.md"
        #expect(site.check(today: Self.today).findings.filter { $0.diagnostic.path == draft }.isEmpty)
        #expect(site.check(today: Self.today, drafts: true).findings.filter { $0.diagnostic.path == draft }.map(\.kind) == [.brokenLink])
    }

    @Test func strictBuildStopsOnWarningsAndWritesNothing() throws {
        let site = try TestSite(files: ["Content/pages/how-to-get-certified.md": "---\ntitle: How to get certified\n---\nSteps.\n"])
        defer { site.cleanUp() }
        try site.addMissingAssets()
        let strict = Builder(options: site.options())
        do {
            _ = try strict.build(strictCheckAsOf: Day(Self.today)!)
            Issue.record("a strict build with a warning succeeded")
        } catch let error as DiagnosticsError {
            #expect(error.diagnostics.map(\.description) == ["Content/certifications/beta-archivist.md:2:1: warning: certification has no "
                + "`sources:`; list where its facts come from, e.g. `sources: [{ title: Issuer's handbook, url: https://… }]`"])
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        try site.write("Content/certifications/beta-archivist.md", Self.certification(verified: "2026-11-01"))
        _ = try strict.build(strictCheckAsOf: Day(Self.today)!)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    @Test func shippedContentHasNoProblems() throws {
        let root = TestSite.projectRoot
        let options = BuildOptions(contentDirectory: URL(fileURLWithPath: "Content", relativeTo: root),
                                   templatesDirectory: URL(fileURLWithPath: "Templates", relativeTo: root),
                                   outputDirectory: URL(fileURLWithPath: "Public", relativeTo: root))
        // As of the newest `verified` date in the guide, so that the test does not age.
        let (site, _) = try Builder(options: options).generate()
        let report = Builder(options: options).check(asOf: try #require(site.lastVerified))
        #expect(report.diagnostics.filter { $0.path.hasPrefix("Content/") }.map(\.description) == [])
    }

    static func certification(verified: String) -> String {
        "---\ntitle: C \(verified)\nissuer: I\nsummary: S\nlevel: technician\nverified: \(verified)\nsources: [{ title: S, url: \"https://s.example.org/\", kind: issuer }]\n---\nBody.\n"
    }
}
