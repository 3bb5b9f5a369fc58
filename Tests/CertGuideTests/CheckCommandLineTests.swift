import Foundation
import Testing
import GuideContent

/// `certguide check`, `build --strict` and `new` as editors and CI run them.
@Suite struct CheckCommandLineTests {
    static let missingSources = "Content/certifications/beta-archivist.md:2:1: warning: certification has no `sources:`; "
        + "list where its facts come from, e.g. `sources: [{ title: Issuer's handbook, url: https://… }]`"

    /// The basic fixture, whose only problem is a certification without sources (a warning).
    func siteWithOneWarning() throws -> TestSite {
        let site = try TestSite(files: ["Content/pages/how-to-get-certified.md": "---\ntitle: How to get certified\n---\nSteps.\n"])
        try site.addMissingAssets()
        return site
    }

    func lastLine(_ text: String) -> String {
        text.split(separator: "\n").last.map(String.init) ?? ""
    }

    @Test func warningsPassUnlessStrict() throws {
        let site = try siteWithOneWarning()
        defer { site.cleanUp() }
        let relaxed = try CommandRunner.run(["check", "--today", "2026-11-23"], in: site.root)
        #expect(relaxed.status == 0)
        #expect(relaxed.errors == Self.missingSources + "\n")
        #expect(lastLine(relaxed.output) == "0 errors, 1 warning (1 certification without sources) in 20 pages "
            + "(2 certifications, 2 FAQs, 2 pages); 2 external links not checked (--external checks them)")
        #expect(relaxed.output.contains("  Content/certifications/alpha-technician.md:28:10: https://alpha.example.org/handbook\n"))

        let strict = try CommandRunner.run(["check", "--strict", "--today", "2026-11-23"], in: site.root)
        #expect(strict.status == 1)
        #expect(strict.errors.split(separator: "\n").map(String.init) == [
            Self.missingSources,
            "error: check failed: 0 errors, 1 warning (1 certification without sources) in 20 pages (2 certifications, 2 FAQs, 2 pages); "
                + "2 external links not checked (--external checks them); --strict treats warnings as errors",
        ])
    }

    @Test func errorsFailWithOrWithoutStrict() throws {
        let site = try siteWithOneWarning()
        defer { site.cleanUp() }
        try site.write("Content/pages/about.md", "---\ntitle: About\n---\nSee [the fees](/fees/).\n")
        for arguments in [["check"], ["check", "--strict"]] {
            let result = try CommandRunner.run(arguments + ["--today", "2026-11-23"], in: site.root)
            #expect(result.status == 1)
            #expect(result.errors.contains("Content/pages/about.md:4:16: error: link `/fees/` leads nowhere: the site has no page at `/fees/`\n"))
        }
        // A clean site passes --strict.
        try site.write("Content/pages/about.md", "---\ntitle: About\n---\nSee [the fees](/faq/what-cost/).\n")
        try site.write("Content/certifications/beta-archivist.md", CheckTests.certification(verified: "2026-11-01"))
        let clean = try CommandRunner.run(["check", "--strict", "--today", "2026-11-23"], in: site.root)
        #expect(clean.status == 0, "\(clean.errors)")
        #expect(clean.errors.isEmpty)
        #expect(lastLine(clean.output).hasPrefix("No problems in 19 pages"), "\(clean.output)")
    }

    @Test func annotationsUnderGitHubActions() throws {
        let site = try siteWithOneWarning()
        defer { site.cleanUp() }
        let result = try CommandRunner.run(["check", "--today", "2026-11-23"], in: site.root, environment: ["GITHUB_ACTIONS": "true"])
        #expect(result.errors.split(separator: "\n").map(String.init) == [
            Self.missingSources,
            "::warning file=Content/certifications/beta-archivist.md,line=2,col=1::certification has no `sources:`; "
                + "list where its facts come from, e.g. `sources: [{ title: Issuer's handbook, url: https://… }]`",
        ])
    }

    @Test func externalLinksNeverFailOnNetworkErrors() throws {
        let server = try LocalHTTPServer(routes: ["/handbook": .init(status: 200), "/policy": .init(status: 200)])
        defer { server.stop() }
        let site = try siteWithOneWarning()
        defer { site.cleanUp() }
        // Only addresses on this machine: the run must not depend on the network.
        for (file, address, local) in [("certifications/alpha-technician.md", "https://alpha.example.org/handbook", "/handbook"),
                                       ("pages/about.md", "https://association.example.org/editorial-policy", "/policy")] {
            let text = try String(contentsOf: site.content.appendingPathComponent(file), encoding: .utf8)
            try site.write("Content/\(file)", text.replacingOccurrences(of: address, with: server.url(local)))
        }
        try site.write("Content/certifications/beta-archivist.md", """
            ---
            title: Beta Archivist
            issuer: Beta Academy
            summary: For archivists.
            level: professional
            verified: 2026-11-01
            sources:
              - { title: Handbook, url: "\(server.url("/handbook"))#renewal", kind: issuer }
              - { title: Old rules, url: "http://127.0.0.1:\(try LocalHTTPServer.closedPort())/rules" }
            ---
            Beta body.
            """)
        let offline = try CommandRunner.run(["check", "--strict", "--external", "--timeout", "2", "--today", "2026-11-23"], in: site.root)
        #expect(offline.status == 0, "a refused connection failed the run: \(offline.errors)")
        #expect(offline.errors.contains("Content/certifications/beta-archivist.md:9:30: note: external link `http://127.0.0.1:"))
        #expect(lastLine(offline.output) == "0 errors, 0 warnings, 1 note (1 external link not confirmed) in 19 pages "
            + "(2 certifications, 2 FAQs, 2 pages); 3 external links requested")
        #expect(server.requests.sorted() == ["HEAD /handbook", "HEAD /policy"])

        try site.write("Content/faq/what-cost.md", "---\nquestion: What does it cost?\n---\nSee [the fees](\(server.url("/fees"))).\n")
        let gone = try CommandRunner.run(["check", "--external", "--today", "2026-11-23"], in: site.root)
        #expect(gone.status == 0)
        #expect(gone.errors.contains("Content/faq/what-cost.md:4:16: warning: external link `\(server.url("/fees"))` answers HTTP 404 Not Found"))
        let strict = try CommandRunner.run(["check", "--strict", "--external", "--today", "2026-11-23"], in: site.root)
        #expect(strict.status == 1)
    }

    @Test func strictBuildRefusesWarnings() throws {
        let site = try siteWithOneWarning()
        defer { site.cleanUp() }
        let strict = try CommandRunner.run(["build", "--strict"], in: site.root)
        #expect(strict.status == 1)
        #expect(strict.errors.contains(Self.missingSources + "\n"))
        #expect(strict.errors.hasSuffix(" warning (--strict); Public/ was left unchanged\n"), "\(strict.errors)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        #expect(try CommandRunner.run(["build"], in: site.root).status == 0)
    }

    @Test func newWritesADraftOnceThenRefuses() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let first = try CommandRunner.run(["new", "faq", "Can I certify online?"], in: site.root)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output == "Created Content/faq/can-i-certify-online.md as a draft. Fill it in, run `certguide check --drafts`, "
            + "then delete `draft: true` to publish it.\n")
        let written = try String(contentsOf: site.content.appendingPathComponent("faq/can-i-certify-online.md"), encoding: .utf8)
        #expect(written.contains("verified: \(Day.today())"))
        let second = try CommandRunner.run(["new", "faq", "Can I certify online?"], in: site.root)
        #expect(second.status == 1)
        #expect(second.errors == "Content/faq/can-i-certify-online.md:1:1: error: `Content/faq/can-i-certify-online.md` already exists; "
            + "edit it, or choose another title\n")
        #expect(try String(contentsOf: site.content.appendingPathComponent("faq/can-i-certify-online.md"), encoding: .utf8) == written)
        let wrongKind = try CommandRunner.run(["new", "course", "X"], in: site.root)
        #expect(wrongKind.status != 0)
        #expect(wrongKind.errors.contains("certification"))
    }

    @Test func helpTeachesCheckAndNew() throws {
        let check = try CommandRunner.run(["check", "--help"], in: TestSite.projectRoot)
        for option in ["--content", "--templates", "--drafts", "--strict", "--external", "--timeout", "--concurrency", "--today", "Examples:"] {
            #expect(check.output.contains(option), "check help lacks \(option)")
        }
        #expect(!check.output.contains("--output"))
        let new = try CommandRunner.run(["new", "--help"], in: TestSite.projectRoot)
        #expect(new.output.contains("certification, faq or page") && new.output.contains("--content"))
    }
}
