import DefaultTemplates
import Foundation
import GuideBuild
import GuideContent
import GuideSupport
import Testing
import Yams

/// `certguide init` as a new user runs it: the guide it writes checks strictly and builds, and
/// it never writes over a guide.
@Suite struct InitCommandTests {
    @Test func newGuideChecksStrictlyAndBuilds() throws {
        let site = try TestSite(fixture: nil)
        defer { site.cleanUp() }
        try FileManager.default.removeItem(at: site.content)
        try FileManager.default.removeItem(at: site.templates)
        let made = try CommandRunner.run(["init", "guide", "--title", "Guide: \"Ours\"", "--base-url", "https://certs.example.net"], in: site.root)
        #expect(made.status == 0, "\(made.errors)")
        #expect(made.output.contains("Wrote a new guide: 6 files in guide."))
        let guide = site.root.appendingPathComponent("guide")
        #expect(try FileSystem.local.listFiles(guide) == [
            "Content/certifications/example-library-technician.md", "Content/faq/how-long-does-certification-take.md",
            "Content/pages/about.md", "Content/site.yml",
        ])
        #expect(FileManager.default.fileExists(atPath: guide.appendingPathComponent(".github/workflows/publish.yml").path))
        #expect(try String(contentsOf: guide.appendingPathComponent(".gitignore"), encoding: .utf8).contains("\nPublic/\n.Public.*\n"))
        let check = try CommandRunner.run(["check", "--strict"], in: guide)
        #expect(check.status == 0, "\(check.output)\(check.errors)")
        #expect(check.output.contains("No problems in 15 pages (1 certification, 1 FAQ, 1 page)"))
        let build = try CommandRunner.run(["build"], in: guide)
        #expect(build.status == 0, "\(build.errors)")
        #expect(build.output.hasPrefix("Built 15 pages (1 certification, 1 FAQ, 1 page) in "))
        let home = try String(contentsOf: guide.appendingPathComponent("Public/index.html"), encoding: .utf8)
        #expect(home.contains("Guide: &quot;Ours&quot;") && home.contains("Example Library Technician Certificate"))
        let sitemap = try String(contentsOf: guide.appendingPathComponent("Public/sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://certs.example.net/about/</loc>"))
    }

    @Test func anAddressThatIsNoWebAddressIsRefused() throws {
        let site = try TestSite(fixture: nil)
        defer { site.cleanUp() }
        let run = try CommandRunner.run(["init", "guide", "--base-url", "guide.example.org"], in: site.root)
        #expect(run.status == 1)
        #expect(run.errors.contains("--base-url:1:1: error: `guide.example.org` is not an address the guide can be published at"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("guide").path))
    }

    @Test func refusesToWriteOverAGuide() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let before = try String(contentsOf: site.content.appendingPathComponent("site.yml"), encoding: .utf8)
        let again = try CommandRunner.run(["init"], in: site.root)
        #expect(again.status == 1)
        #expect(again.errors.contains("Content:1:1: error: this folder already holds a guide (`Content` exists); init writes only new guides and changed nothing"))
        #expect(try String(contentsOf: site.content.appendingPathComponent("site.yml"), encoding: .utf8) == before)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".github").path))

        // A workflow of its own is not replaced either; nothing is written.
        try FileManager.default.removeItem(at: site.content)
        try site.write(".github/workflows/publish.yml", "name: ours\n")
        let workflow = try CommandRunner.run(["init"], in: site.root)
        #expect(workflow.status == 1)
        #expect(workflow.errors.contains(".github/workflows/publish.yml:1:1: error: already exists; init writes no file over another and changed nothing"))
        #expect(!FileManager.default.fileExists(atPath: site.content.path))
    }

    /// `--templates` writes the built-in templates to edit; an existing .gitignore keeps its lines.
    @Test func templatesAndGitignore() throws {
        let site = try TestSite(fixture: nil)
        defer { site.cleanUp() }
        try FileManager.default.removeItem(at: site.content)
        try FileManager.default.removeItem(at: site.templates)
        try site.write(".gitignore", "*.log")
        let made = try CommandRunner.run(["init", ".", "--templates"], in: site.root)
        #expect(made.status == 0, "\(made.errors)")
        for (path, data) in DefaultTemplates.files {
            #expect(FileManager.default.contents(atPath: site.templates.appendingPathComponent(path).path) == data, "\(path)")
        }
        #expect(try String(contentsOf: site.root.appendingPathComponent(".gitignore"), encoding: .utf8) == "*.log\nPublic/\n.Public.*\n")
        #expect(try CommandRunner.run(["check", "--strict"], in: site.root).status == 0)
    }

    /// The new guide's workflow is the project's own, but with the released action.
    @Test func workflowIsThePublishWorkflowWithTheReleasedAction() throws {
        let scaffold = GuideScaffold(today: .today(), version: WorkflowTests.version)
        let written = try #require(try Yams.compose(yaml: String(decoding: scaffold.files[".github/workflows/publish.yml"]!, as: UTF8.self)))
        let project = try #require(try Yams.compose(yaml: String(contentsOf: WorkflowTests.workflowPath, encoding: .utf8)))
        #expect(written["jobs"]?["deploy"] == project["jobs"]?["deploy"])
        let steps = try #require(written["jobs"]?["build"]?["steps"]?.sequence)
        let projectSteps = try #require(project["jobs"]?["build"]?["steps"]?.sequence)
        #expect(steps.count == projectSteps.count)
        for (step, projectStep) in zip(steps, projectSteps) where projectStep["uses"]?.string != "./" {
            #expect(step == projectStep)
        }
        #expect(steps.contains { $0["uses"]?.string == "\(GuideScaffold.actionRepository)@v\(WorkflowTests.version)" })
    }

    @Test func versionNamesTheReleaseAndCommit() throws {
        let run = try CommandRunner.run(["--version"], in: TestSite.projectRoot)
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("certguide \(WorkflowTests.version) (commit "))
        #expect(run.output.firstMatch(of: /\(commit ([0-9a-f]{12}(-dirty)?|unknown)\)\n$/) != nil, "\(run.output)")
    }

    @Test func aTemplatesFolderThatDoesNotExistIsAnError() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let run = try CommandRunner.run(["build", "--templates", "Templets"], in: site.root)
        #expect(run.status != 0)
        #expect(run.errors.contains("templates folder `Templets` does not exist"))
    }
}
