import Foundation
import Testing

/// The typos of a certification's figures that used to kill `certguide build` and `check`
/// ("Illegal instruction"): each now exits 1 with an error at its file and line, and the
/// previous output folder stays as it was.
@Suite struct ContentTypoCommandLineTests {
    static let path = "Content/certifications/alpha-technician.md"

    /// Replacement of the fixture's `cost` and `duration_months` lines (9 to 14), and the line
    /// the error must name.
    static let typos: [(String, String, Int)] = [
        ("cost: {min: 900, max: 180}", "`cost.max` (180) is less than `cost.min` (900)", 9),
        ("cost: {min: 1e19}", "`cost.min` must be from 0 to 1,000,000, not `1e19`", 9),
        ("cost: {min: -1e19}", "`cost.min` must be from 0 to 1,000,000, not `-1e19`", 9),
        ("cost: {min: 1, max: 9223372036854775807}", "`cost.max` must be from 0 to 1,000,000", 9),
        ("cost: {min: -40}", "`cost.min` must be from 0 to 1,000,000, not `-40`", 9),
        ("duration_months:\n  min: 1\n  max: 1e300", "`duration_months.max` must be more than 0 and at most 600, not `1e300`", 11),
    ]

    private func site(with replacement: String) throws -> TestSite {
        let site = try TestSite()
        let original = try String(contentsOf: site.root.appendingPathComponent(Self.path), encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        lines.replaceSubrange(8...13, with: [replacement])
        try site.write(Self.path, lines.joined(separator: "\n"))
        return site
    }

    @Test(arguments: typos.indices)
    func buildAndCheckExitOneAtTheLine(_ index: Int) throws {
        let (replacement, message, line) = Self.typos[index]
        let site = try site(with: replacement)
        defer { site.cleanUp() }
        try site.write("Public/index.html", "previous build")
        for arguments in [["build"], ["check", "--today", "2026-11-23"], ["build", "--incremental"]] {
            let run = try CommandRunner.run(arguments, in: site.root)
            #expect(run.status == 1, "\(arguments): \(run.errors)")
            #expect(run.errors.contains("\(Self.path):\(line):"), "\(arguments): \(run.errors)")
            #expect(run.errors.contains("error: \(message)"), "\(arguments): \(run.errors)")
        }
        #expect(try String(contentsOf: site.root.appendingPathComponent("Public/index.html"), encoding: .utf8) == "previous build")
    }

    @Test func aRenewalOfAHugeNumberOfYearsIsAnError() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let original = try String(contentsOf: site.root.appendingPathComponent(Self.path), encoding: .utf8)
        try site.write(Self.path, original.replacingOccurrences(of: "every_years: 5", with: "every_years: 1e19"))
        let run = try CommandRunner.run(["build"], in: site.root)
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("\(Self.path):23:16: error: `renewal.every_years` must be more than 0 and at most 100, not `1e19`"), "\(run.errors)")
    }

    @Test(arguments: ["NULL", "Null"])
    func aMaximumOfNullBuildsAsIfAbsent(_ spelling: String) throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let original = try String(contentsOf: site.root.appendingPathComponent(Self.path), encoding: .utf8)
        try site.write(Self.path, original.replacingOccurrences(of: "max: 225", with: "max: \(spelling)"))
        let run = try CommandRunner.run(["build"], in: site.root)
        #expect(run.status == 0, "\(run.errors)")
        let page = try String(contentsOf: site.root.appendingPathComponent("Public/certifications/alpha-technician/index.html"), encoding: .utf8)
        #expect(page.contains("$175") && !page.contains("$175–"))
    }
}
