import Foundation

/// Runs the `certguide` executable as users and CI do: exit status, stdout and stderr.
enum CommandRunner {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The executable SwiftPM built next to the test bundle (`swift build --build-tests` builds both).
    static var executable: URL {
        let folders = ([Bundle.main.bundleURL] + Bundle.allBundles.map(\.bundleURL)).flatMap { [$0, $0.deletingLastPathComponent()] }
        return folders.map { $0.appendingPathComponent("certguide") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? Bundle.main.bundleURL.appendingPathComponent("certguide")
    }

    /// - Parameter environment: variables to set (a nil value removes one). `GITHUB_ACTIONS` is
    ///   removed unless given, so output is the same on a laptop and in CI.
    static func run(_ arguments: [String], in folder: URL, environment: [String: String?] = [:]) throws -> Run {
        try run(executable: executable, arguments, in: folder, environment: environment)
    }

    static func run(executable: URL, _ arguments: [String], in folder: URL, environment: [String: String?] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var variables = ProcessInfo.processInfo.environment
        variables["GITHUB_ACTIONS"] = nil
        for (name, value) in environment { variables[name] = value }
        process.environment = variables
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes at once: a child that fills one while we wait on the other would hang.
        nonisolated(unsafe) var errors = Data()
        let errorsRead = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errors = err.fileHandleForReading.readDataToEndOfFile()
            errorsRead.signal()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        errorsRead.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                   errors: String(decoding: errors, as: UTF8.self))
    }
}
