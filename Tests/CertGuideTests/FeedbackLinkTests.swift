import Foundation
import Testing

/// "Edit this page" and "Report an outdated fact" on the published site, from `site.yml`.
@Suite struct FeedbackLinkTests {
    private static let settings = """
    title: Fixture Guide
    base_url: https://fixture.example.org/
    description: A small guide that exercises every page kind.

    """

    @Test func everyEntryPageLinksToItsFileAndToAReportWithItsTitleAndAddress() throws {
        let site = try TestSite(files: ["Content/site.yml": Self.settings + """
            edit_url: https://github.com/org/guide/edit/main/Content/{path}
            issue_url: https://github.com/org/guide/issues/new
            """])
        defer { site.cleanUp() }
        try site.build()
        let certification = try site.page("certifications/alpha-technician/index.html")
        #expect(certification.contains("<a href=\"https://github.com/org/guide/edit/main/Content/certifications/alpha-technician.md\">Edit this page</a>"))
        #expect(certification.contains("<a href=\"https://github.com/org/guide/issues/new?title=Outdated%20fact%3A%20Alpha%20Technician&amp;body=Page%3A%20https%3A%2F%2Ffixture.example.org%2Fcertifications%2Falpha-technician%2F%0AFile%3A%20Content%2Fcertifications%2Falpha-technician.md"))
        #expect(try site.page("faq/how-long/index.html").contains("Content/faq/how-long.md\">Edit this page</a>"))
        #expect(try site.page("about/index.html").contains("Content/pages/about.md\">Edit this page</a>"))
        #expect(try !site.page("compare/index.html").contains("Edit this page"))
    }

    @Test func placeholdersInTheIssueAddressAreFilledIn() throws {
        let site = try TestSite(files: ["Content/site.yml": Self.settings + "issue_url: https://forge.example.org/report?subject={title}&page={url}\n"])
        defer { site.cleanUp() }
        try site.build()
        let page = try site.page("faq/how-long/index.html")
        #expect(page.contains("href=\"https://forge.example.org/report?subject=Outdated%20fact%3A%20"))
        #expect(page.contains("&amp;page=https%3A%2F%2Ffixture.example.org%2Ffaq%2Fhow-long%2F\">Report an outdated fact</a>"))
        #expect(!page.contains("Edit this page"))
    }

    @Test func withoutThemNoLinks() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let page = try site.page("certifications/alpha-technician/index.html")
        #expect(!page.contains("Edit this page") && !page.contains("Report an outdated fact"))
    }

    @Test func anAddressThatIsNoWebAddressIsAnErrorAtItsLine() throws {
        let site = try TestSite(files: ["Content/site.yml": Self.settings + "edit_url: javascript:alert(1)\n"])
        defer { site.cleanUp() }
        #expect(site.problems().contains { $0.contains("site.yml:4:11: error: `edit_url` must be a web address") })
    }
}
