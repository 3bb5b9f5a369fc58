import Foundation
import Testing

/// The `certguide` executable as users and CI run it: exit status, stdout and stderr.
@Suite struct CommandLineTests {
    func run(_ arguments: [String], in folder: URL) throws -> CommandRunner.Run {
        try CommandRunner.run(arguments, in: folder)
    }

    @Test func buildPrintsOneSummaryLine() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let result = try run(["build"], in: site.root)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.range(of: #"^Built \d+ pages \(2 certifications, 2 FAQs, 1 page\) in \d+ ms → Public/$"#,
                                   options: .regularExpression) != nil, "\(result.output)")
    }

    /// `--timings` names each stage the build ran, in order: an incremental build also reads
    /// and saves its cache.
    @Test func timingsNameEachStage() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let stages = ["loading content", "site model", "search index", "rendering", "writing"]
        for (arguments, expected) in [(["build", "--timings"], stages),
                                      (["build", "--timings", "--incremental"], ["reading the cache"] + stages + ["saving the cache"])] {
            let result = try run(arguments, in: site.root)
            #expect(result.status == 0, "\(result.errors)")
            let line = result.output.split(separator: "\n").first { $0.hasPrefix("Stages: ") }.map(String.init) ?? ""
            let named = line.dropFirst("Stages: ".count).split(separator: ", ").map { $0.replacingOccurrences(of: #" \d+ ms$"#, with: "", options: .regularExpression) }
            #expect(named == expected, "\(result.output)")
        }
    }

    @Test func errorsAreLocatedAndExitStatusIsOne() throws {
        let site = try TestSite(files: [
            "Content/certifications/bad.md": "---\ntitle: X\nissuer: I\nsummary: S\nlevel: guru\nverified: 2026-11-01\n---\n",
            "Content/faq/worse.md": "---\nquestion: Q\nrelated: [nobody]\n---\n",
        ])
        defer { site.cleanUp() }
        let result = try run(["build"], in: site.root)
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Content/certifications/bad.md:5:8: error: unknown level `guru`") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Content/faq/worse.md:3:11: error: `related` names `nobody`") }, "\(lines)")
        #expect(lines.last == "error: build failed with 2 errors; Public/ was left unchanged")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func helpTeachesTheOptions() throws {
        let result = try run(["build", "--help"], in: TestSite.projectRoot)
        #expect(result.status == 0)
        for option in ["--content", "--templates", "--output", "--drafts", "--base-url", "Examples:"] {
            #expect(result.output.contains(option), "help lacks \(option)")
        }
    }
}
