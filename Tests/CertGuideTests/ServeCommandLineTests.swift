import Foundation
import Testing

/// `certguide serve` as users run it: Ctrl-C or a kill stops the server before the process
/// ends, so the private folder of its socket goes too.
@Suite(.serialized) struct ServeCommandLineTests {
    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalStopsTheServerCleanly(_ signalNumber: Int32) throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        // A temporary folder of its own, where the server makes its socket's folder.
        let temporary = URL(fileURLWithPath: "/tmp").appendingPathComponent("cg-serve-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = site.root
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Whatever happens, the server is gone within a minute, so no read or wait below blocks
        // a test thread for longer.
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) { [process] in
            if process.isRunning { kill(pid, SIGKILL) }
        }
        var printed = ""
        let deadline = Date().addingTimeInterval(60)
        while !printed.contains("Serving"), Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        #expect(printed.contains("Serving"), "\(printed)")
        let folders = { try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("certguide-preview-") } }
        #expect(try folders().count == 1)
        kill(pid, signalNumber)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(try folders().isEmpty)
    }
}
