import Foundation
import GuideContent
import GuideSupport
import Testing
import Yams

/// `.github/workflows/publish.yml` read as GitHub reads it, and its own build-and-check steps
/// run here, so that the workflow cannot drift from the tool.
@Suite struct WorkflowTests {
    static let workflowPath = TestSite.projectRoot.appendingPathComponent(".github/workflows/publish.yml")

    struct Step {
        var name: String
        var run: String?
        var uses: String?
        var condition: String?
    }

    func workflow() throws -> Node {
        try #require(try Yams.compose(yaml: String(contentsOf: Self.workflowPath, encoding: .utf8)))
    }

    func steps(_ job: Node) -> [Step] {
        (job["steps"]?.sequence ?? []).map {
            Step(name: $0["name"]?.string ?? "", run: $0["run"]?.string, uses: $0["uses"]?.string, condition: $0["if"]?.string)
        }
    }

    @Test func triggersAndPublishing() throws {
        let workflow = try workflow()
        // `on` read as a plain key, not as YAML 1.1's boolean.
        let triggers = try #require(workflow.mapping?.first { $0.key.scalar?.string == "on" }?.value)
        #expect(triggers["push"]?["branches"]?.sequence?.compactMap(\.string) == ["main"])
        for trigger in ["push", "pull_request"] {
            let paths = triggers[trigger]?["paths"]?.sequence?.compactMap(\.string) ?? []
            for path in ["Content/**", "Templates/**", "Sources/**", "Package.swift"] {
                #expect(paths.contains(path), "\(trigger) does not watch \(path)")
            }
        }
        let build = try #require(workflow["jobs"]?["build"])
        let uses = steps(build).compactMap { step in step.uses.map { ($0, step.condition ?? "") } }
        #expect(uses.contains { $0.0.hasPrefix("actions/upload-pages-artifact@") && !$0.1.contains("== 'pull_request'") })
        #expect(uses.contains { $0.0.hasPrefix("actions/upload-artifact@") && $0.1.contains("== 'pull_request'") })
        let deploy = try #require(workflow["jobs"]?["deploy"])
        #expect(deploy["needs"]?.string == "build")
        #expect(deploy["permissions"]?["pages"]?.string == "write" && deploy["permissions"]?["id-token"]?.string == "write")
        #expect(steps(deploy).contains { $0.uses?.hasPrefix("actions/deploy-pages@") == true })
        #expect(steps(build).contains { $0.run?.contains("check --strict") == true })
    }

    /// Runs every `run:` step of the build job in a copy of a clean guide, as the runner would,
    /// with the executable these tests were built with standing in for the release build.
    @Test func buildAndCheckStepsRunHere() throws {
        let workflow = try workflow()
        let build = try #require(workflow["jobs"]?["build"])
        let runSteps = steps(build).filter { $0.run != nil }
        // The toolchain step: the test bundle and `certguide` next to it are what it builds.
        let toolchain = runSteps.filter { $0.run!.hasPrefix("swift ") }
        #expect(toolchain.map(\.run) == ["swift build -c release --product certguide"])
        #expect(build["env"]?["CERTGUIDE"]?.string == ".build/release/certguide")

        let site = try cleanGuide()
        defer { site.cleanUp() }
        for step in runSteps where !step.run!.hasPrefix("swift ") {
            let result = try shell(step.run!, in: site.root)
            #expect(result.status == 0, "step “\(step.name)” failed: \(result.errors)")
        }
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    /// On a pull request with a problem, the check step fails and annotates the line.
    @Test func checkStepAnnotatesProblems() throws {
        let build = try #require(try workflow()["jobs"]?["build"])
        let check = try #require(steps(build).first { $0.run?.contains(" check ") == true }?.run)
        let site = try cleanGuide()
        defer { site.cleanUp() }
        try site.write("Content/faq/what-cost.md", "---\nquestion: What does it cost?\nverified: \(Day.today())\n---\nSee [the fees](/fees/).\n")
        let result = try shell(check, in: site.root)
        #expect(result.status == 1)
        #expect(result.errors.contains("::error file=Content/faq/what-cost.md,line=5,col=16::link `/fees/` leads nowhere"))
    }

    private func shell(_ script: String, in folder: URL) throws -> CommandRunner.Run {
        try CommandRunner.run(executable: URL(fileURLWithPath: "/bin/bash"), ["-eo", "pipefail", "-c", script], in: folder,
                              environment: ["CERTGUIDE": CommandRunner.executable.path, "GITHUB_ACTIONS": "true"])
    }

    /// The basic fixture with every fact verified today and sources everywhere, plus the
    /// project's `scripts/`, so that `check --strict` passes on any day.
    private func cleanGuide() throws -> TestSite {
        let site = try TestSite(files: ["Content/pages/how-to-get-certified.md": "---\ntitle: How to get certified\n---\nSteps.\n"])
        try site.addMissingAssets()
        try FileManager.default.copyItem(at: TestSite.projectRoot.appendingPathComponent("scripts"), to: site.root.appendingPathComponent("scripts"))
        for path in try FileSystem.local.listFiles(site.content) where path.hasSuffix(".md") {
            let url = site.content.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
                .replacingOccurrences(of: #"verified: \d{4}-\d{2}-\d{2}"#, with: "verified: \(Day.today())", options: .regularExpression)
            try site.write("Content/\(path)", text)
        }
        try site.write("Content/certifications/beta-archivist.md", CheckTests.certification(verified: Day.today().description))
        return site
    }
}
