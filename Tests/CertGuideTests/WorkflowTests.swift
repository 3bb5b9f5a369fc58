import Foundation
import GuideContent
import GuideSupport
import Testing
import Yams

/// `.github/workflows/publish.yml` and the action it uses (action.yml) read as GitHub reads
/// them, and the action's own steps run here, so that neither can drift from the tool.
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

    /// The project's release, which the workflow's action downloads.
    static var version: String {
        (try? String(contentsOf: TestSite.projectRoot.appendingPathComponent("VERSION"), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    @Test func triggersAndPublishing() throws {
        let workflow = try workflow()
        // `on` read as a plain key, not as YAML 1.1's boolean.
        let triggers = try #require(workflow.mapping?.first { $0.key.scalar?.string == "on" }?.value)
        #expect(triggers["push"]?["branches"]?.sequence?.compactMap(\.string) == ["main"])
        for trigger in ["push", "pull_request"] {
            let paths = triggers[trigger]?["paths"]?.sequence?.compactMap(\.string) ?? []
            for path in ["Content/**", "Templates/**", "action.yml"] {
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
        // No Swift: the action of this repository, at the release of VERSION.
        #expect(build["container"] == nil && !steps(build).contains { $0.run?.contains("swift ") == true })
        let action = try #require(build["steps"]?.sequence?.first { $0["uses"]?.string == "./" })
        #expect(action["with"]?["version"]?.string == Self.version)
    }

    /// The action's check and build steps, run here as the runner runs them (inputs at their
    /// defaults), with the executable these tests were built with as the downloaded certguide.
    @Test func actionStepsCheckAndBuildHere() throws {
        let site = try cleanGuide()
        defer { site.cleanUp() }
        let steps = try actionSteps()
        #expect(steps.map(\.name) == ["Download certguide and verify its checksum", "Check the guide (warnings fail too)", "Build the site"])
        for step in steps.dropFirst() {
            let result = try shell(step.run, in: site.root, environment: step.environment)
            #expect(result.status == 0, "step “\(step.name)” failed: \(result.errors)")
        }
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    /// With the `templates` input, the build step lays that folder over the built-in templates.
    @Test func buildStepTakesATemplatesFolder() throws {
        let build = try #require(try actionSteps().first { $0.name == "Build the site" })
        let site = try cleanGuide()
        defer { site.cleanUp() }
        let footer = try String(contentsOf: site.templates.appendingPathComponent("partials/footer.mustache"), encoding: .utf8)
        try site.write("Our templates/partials/footer.mustache", footer.replacingOccurrences(of: "</footer>", with: "<p>Ours</p></footer>"))
        var environment = build.environment
        environment["TEMPLATES"] = "Our templates"
        let result = try shell(build.run, in: site.root, environment: environment)
        #expect(result.status == 0, "\(result.errors)")
        #expect(try site.page("index.html").contains("<p>Ours</p></footer>"))
    }

    /// On a pull request with a problem, the check step fails and annotates the line.
    @Test func checkStepAnnotatesProblems() throws {
        let check = try #require(try actionSteps().first { $0.run.contains("check --strict") })
        let site = try cleanGuide()
        defer { site.cleanUp() }
        try site.write("Content/faq/what-cost.md", "---\nquestion: What does it cost?\nverified: \(Day.today())\n---\nSee [the fees](/fees/).\n")
        let result = try shell(check.run, in: site.root, environment: check.environment)
        #expect(result.status == 1)
        #expect(result.errors.contains("::error file=Content/faq/what-cost.md,line=5,col=16::link `/fees/` leads nowhere"))
    }

    /// The download step's script installs a release whose SHA-256 matches, and refuses one
    /// that does not, or whose checksum file names another archive (served from files here).
    @Test func installVerifiesTheChecksum() throws {
        let site = try TestSite(fixture: nil)
        defer { site.cleanUp() }
        let arch = try shell("uname -m", in: site.root).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = "certguide-9.8.7-linux-\(arch).tar.gz"
        try site.write("release/certguide", "#!/bin/sh\necho 'certguide 9.8.7 (commit abc)'\n")
        let pack = "chmod +x release/certguide && tar -czf served/\(name) -C release certguide"
        #expect(try shell("mkdir served && \(pack) && (cd served && sha256sum \(name) > \(name).sha256)", in: site.root).status == 0)
        let install = TestSite.projectRoot.appendingPathComponent("scripts/install-release").path
        let base = "file://\(site.root.path)/served"
        let good = try shell("'\(install)' 9.8.7 '\(base)' bin", in: site.root)
        #expect(good.status == 0, "\(good.errors)")
        #expect(good.output.contains("certguide 9.8.7 (commit abc)"))

        // Another archive under the same name: the checksum no longer matches.
        try site.write("release/certguide", "#!/bin/sh\necho tampered\n")
        #expect(try shell(pack, in: site.root).status == 0)
        let tampered = try shell("'\(install)' 9.8.7 '\(base)' other", in: site.root)
        #expect(tampered.status == 1)
        #expect(tampered.errors.contains("does not match its published SHA-256"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("other/certguide").path))

        let unnamed = try shell("'\(install)' latest '\(base)' other", in: site.root)
        #expect(unnamed.status == 1 && unnamed.errors.contains("is not a certguide version"))
    }

    struct ActionStep {
        var name: String
        var run: String
        var environment: [String: String]
    }

    /// The composite steps of action.yml, each `${{ inputs.x }}` of its environment replaced by
    /// the input's default.
    func actionSteps() throws -> [ActionStep] {
        let text = try String(contentsOf: TestSite.projectRoot.appendingPathComponent("action.yml"), encoding: .utf8)
        let action = try #require(try Yams.compose(yaml: text))
        #expect(action["runs"]?["using"]?.string == "composite")
        let inputs = action["inputs"]
        return (action["runs"]?["steps"]?.sequence ?? []).map { step in
            var environment: [String: String] = [:]
            for (key, value) in step["env"]?.mapping ?? [:] {
                guard let key = key.string, let value = value.string else { continue }
                if let input = value.firstMatch(of: /^\$\{\{ inputs\.([a-z-]+) \}\}$/) {
                    environment[key] = inputs?[String(input.1)]?["default"]?.string ?? ""
                } else {
                    environment[key] = value
                }
            }
            return ActionStep(name: step["name"]?.string ?? "", run: step["run"]?.string ?? "", environment: environment)
        }
    }

    /// Runs as the action's `shell: bash` does, with the built certguide first on PATH.
    private func shell(_ script: String, in folder: URL, environment: [String: String] = [:]) throws -> CommandRunner.Run {
        let path = CommandRunner.executable.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        var variables: [String: String?] = ["PATH": path, "GITHUB_ACTIONS": "true"]
        for (key, value) in environment { variables[key] = value }
        return try CommandRunner.run(executable: URL(fileURLWithPath: "/bin/bash"), ["--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                                     in: folder, environment: variables)
    }

    /// The basic fixture with every fact verified today and sources everywhere, so that
    /// `check --strict` passes on any day.
    private func cleanGuide() throws -> TestSite {
        let site = try TestSite(files: ["Content/pages/how-to-get-certified.md": "---\ntitle: How to get certified\n---\nSteps.\n"])
        try site.addMissingAssets()
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
