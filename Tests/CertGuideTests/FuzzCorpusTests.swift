import Foundation
import GuideBuild
import Testing

/// Replays the fuzzing corpus (seeds and every crash ever found, once fixed) through the same
/// function the libFuzzer target calls, which goes as far as rendered, indexed and checked
/// pages: each input must come back, not crash or hang.
@Suite struct FuzzCorpusTests {
    static let corpus = TestSite.fixtures.appendingPathComponent("fuzz-corpus")
    static let templates = FuzzHarness.templates(from: TestSite.projectRoot.appendingPathComponent("Templates"))

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    private func run(_ name: String) throws -> FuzzHarness.Outcome {
        try FuzzHarness.run(data: Data(contentsOf: Self.corpus.appendingPathComponent(name)), templates: Self.templates)
    }

    @Test func corpusHasTheSeedsAndTheCrashes() {
        #expect(Self.inputs.count >= 12 + 6, "\(Self.inputs)")
        #expect(Self.inputs.filter { $0.hasPrefix("crash-") }.count >= 6)
    }

    @Test(.timeLimit(.minutes(1)), arguments: inputs)
    func inputReturns(_ name: String) throws {
        let outcome = try run(name)
        #expect(outcome.rendered || outcome.diagnostics.contains { $0.severity == .error }, "a build that fails says why: \(outcome)")
    }

    /// The seed `scripts/fuzz` packs from the shipped guide renders every page and is checked.
    @Test func theGuidesOwnTreeReachesTheCheckedPages() throws {
        let outcome = try run("guide-tree.txt")
        #expect(outcome.rendered, "\(outcome.diagnostics)")
        #expect(outcome.pages >= 50, "\(outcome.pages) pages")
        #expect(!outcome.diagnostics.contains { $0.severity == .error }, "\(outcome.diagnostics)")
    }

    @Test func validPageLoadsCleanly() throws {
        let outcome = try run("valid-page.md")
        #expect(!outcome.diagnostics.contains { $0.path.hasSuffix("Content/pages/x.md") }, "\(outcome.diagnostics)")
    }

    /// The figures that once killed `build`, `check` and the preview: each is now an error at
    /// its line of the certification.
    @Test(arguments: inputs.filter { $0.hasPrefix("crash-") })
    func everyCrashOnceFoundIsALocatedError(_ name: String) throws {
        let outcome = try run(name)
        #expect(!outcome.rendered)
        #expect(outcome.diagnostics.contains { $0.path.hasSuffix("Content/certifications/x.md") && $0.severity == .error && $0.location.line > 1 },
                "\(outcome.diagnostics)")
    }

    @Test(arguments: ["no-closing-fence.md", "bad-yaml.md", "invalid-utf8.md"])
    func badInputIsALocatedError(_ name: String) throws {
        let outcome = try run(name)
        let errors = outcome.diagnostics.filter { $0.path.hasSuffix("Content/certifications/x.md") && $0.severity == .error }
        #expect(!errors.isEmpty, "\(outcome.diagnostics)")
    }
}
