import Foundation
import GuideBuild
import Testing

/// A build killed at any moment (SIGKILL: no cleanup runs) leaves the previous site complete and
/// unchanged, or the new one complete; never a mixture. The next build succeeds.
@Suite struct CrashSafetyTests {
    @Test func killedBuildsNeverLeaveAHalfWrittenSite() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let old = try site.snapshot()
        // Change the content so that a finished build is told apart from the old one.
        let path = "Content/certifications/alpha-technician.md"
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        try site.write(path, text.replacingOccurrences(of: "Study the handbook.", with: "Study the new handbook."))
        let new = try Builder(options: site.options()).generate().1
        let newSnapshot = Dictionary(uniqueKeysWithValues: new.map { ($0.path, $0.contents) })

        var outcomes: [String: Int] = [:]
        for round in 0..<12 {
            let process = Process()
            process.executableURL = CommandRunner.executable
            process.arguments = ["build"]
            process.currentDirectoryURL = site.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Spread the kills over the whole build, from start-up to the swap.
            Thread.sleep(forTimeInterval: Double(round) * 0.025)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try site.snapshot()
            let outcome = now == old ? "old" : now == newSnapshot ? "new" : "mixed"
            outcomes[outcome, default: 0] += 1
            #expect(outcome != "mixed", "round \(round): the output folder is neither the old site nor the new one")
            if outcome == "new" { break }
        }
        try site.build()
        #expect(try site.snapshot() == newSnapshot)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".Public") }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
        #expect((outcomes["old"] ?? 0) > 0, "no kill landed before the swap: \(outcomes)")
    }
}
