import Foundation
import GuideBuild
import GuideContent
import Testing

/// The guide the project ships (`Content/` with `Templates/`), as its editors and readers meet it.
@Suite struct ShippedGuideTests {
    static let root = TestSite.projectRoot

    static func options(output: URL) -> BuildOptions {
        BuildOptions(contentDirectory: URL(fileURLWithPath: "Content", relativeTo: root),
                     templatesDirectory: URL(fileURLWithPath: "Templates", relativeTo: root), outputDirectory: output)
    }

    @Test func everyQuestionAndPageNamesItsSourcesAndWhenItWasVerified() throws {
        let (site, _) = try Builder(options: Self.options(output: Self.root.appendingPathComponent("Public"))).generate()
        let entries = site.faqs.map { ($0.entry.displayPath, $0.entry.frontMatter.sources, $0.entry.frontMatter.verified) }
            + site.pages.map { ($0.entry.displayPath, $0.entry.frontMatter.sources, $0.entry.frontMatter.verified) }
        #expect(entries.count == 11)
        for (path, sources, verified) in entries {
            #expect(!(sources ?? []).isEmpty, "\(path) names no source")
            #expect(verified != nil, "\(path) has no verified date")
            #expect((sources ?? []).allSatisfy { $0.url != nil && $0.kind != nil }, "\(path) has a source a reader cannot follow or weigh")
        }
    }

    /// Issue 21: a reader can trace each figure. Every certification cites the issuer's own
    /// page, or says on the page, above the facts, that no issuer confirms it.
    @Test func everyCertificationCitesItsIssuerOrSaysItCannot() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("certguide-shipped-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let (site, files) = try Builder(options: Self.options(output: output)).generate()
        #expect(site.certifications.count == 12)
        for page in site.certifications {
            let front = page.entry.frontMatter
            let html = String(decoding: try #require(files.first { "/" + $0.path == page.url + "index.html" }).contents, as: UTF8.self)
            if (front.sources ?? []).contains(where: { $0.kind == .issuer }) {
                #expect(html.contains(##"<span class="source-kind kind-issuer">"##), "\(page.url) lists no issuer's page")
            } else {
                let general = try #require(html.range(of: "Before you rely on these facts"), "\(page.url) hides that its issuer is unconfirmed")
                #expect(general.lowerBound < html.range(of: "Key facts")!.lowerBound)
            }
            #expect(html.contains(##"<a class="cite" href="#source-"##), "\(page.url) cites no source beside a fact")
        }
    }

    @Test func buildAndCheckReportNothingButTheirSummary() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("certguide-shipped-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let build = try CommandRunner.run(["build", "--output", output.path], in: Self.root)
        #expect(build.status == 0 && build.errors.isEmpty, "\(build.errors)")
        #expect(build.output.split(separator: "\n").count == 1, "\(build.output)")
        #expect(build.output.hasPrefix("Built ") && build.output.contains("(12 certifications, 8 FAQs, 3 pages)"), "\(build.output)")

        // As of the newest verified date, so that the test does not age with the content.
        let (site, _) = try Builder(options: Self.options(output: output)).generate()
        let today = try #require(site.lastVerified).description
        let check = try CommandRunner.run(["check", "--today", today], in: Self.root)
        #expect(check.status == 0 && check.errors.isEmpty, "\(check.errors)")
        // The issuers' pages are listed for `--external` to follow; nothing else is reported.
        let lines = check.output.split(separator: "\n")
        #expect(lines.first == "External links, not requested (--external checks them):", "\(check.output)")
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.hasPrefix("  Content/") && $0.contains(": http") }, "\(check.output)")
        #expect(lines.last?.hasPrefix("No problems in 53 pages (12 certifications, 8 FAQs, 3 pages); ") == true, "\(check.output)")

        // Every page credits the guide's sources in its footer; the chart draws the seven
        // certifications that give both a cost and a time to complete.
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        let footer = try #require(home.range(of: #"<footer class="site-footer">"#).map { String(home[$0.lowerBound...]) })
        for source in site.sources.prefix(12) { #expect(footer.contains(">\(source.title.replacingOccurrences(of: "'", with: "&#39;"))</a></li>"), "footer lacks \(source.title)") }
        let compare = try String(contentsOf: output.appendingPathComponent("compare/index.html"), encoding: .utf8)
        #expect(compare.components(separatedBy: "<circle ").count - 1 == 7)
    }
}
