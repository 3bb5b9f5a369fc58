import CertGuide
import Foundation
import Testing

/// Replays the fuzzing corpus (seeds and every crash the fuzzer found, once fixed) through the
/// same function the libFuzzer target calls: each input must come back, not crash or hang.
@Suite struct FuzzCorpusTests {
    static let corpus = TestSite.fixtures.appendingPathComponent("fuzz-corpus")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    private func run(_ name: String) throws -> FuzzHarness.Outcome {
        try FuzzHarness.run(data: Data(contentsOf: Self.corpus.appendingPathComponent(name)))
    }

    @Test func corpusHasTheSeeds() {
        #expect(Self.inputs.count >= 12, "\(Self.inputs)")
    }

    @Test(.timeLimit(.minutes(1)), arguments: inputs)
    func inputReturns(_ name: String) throws {
        let outcome = try run(name)
        // The harness's own site.yml is valid, so every input reaches the builder.
        #expect(outcome.built, "\(outcome.diagnostics)")
    }

    @Test func validPageLoadsCleanly() throws {
        let outcome = try run("valid-page.md")
        #expect(!outcome.diagnostics.contains { $0.path == "Content/pages/x.md" }, "\(outcome.diagnostics)")
    }

    @Test(arguments: ["no-closing-fence.md", "bad-yaml.md", "invalid-utf8.md"])
    func badInputIsALocatedError(_ name: String) throws {
        let outcome = try run(name)
        let errors = outcome.diagnostics.filter { $0.path == "Content/certifications/x.md" && $0.severity == .error }
        #expect(!errors.isEmpty, "\(outcome.diagnostics)")
    }
}
