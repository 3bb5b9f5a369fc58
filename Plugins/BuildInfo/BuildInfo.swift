import Foundation
import PackagePlugin

/// `BuildInfo.version` and `.commit` for `certguide --version` (`scripts/build-info`). A
/// prebuild command, so it runs before every build and sees a new commit; the script leaves
/// the file alone while nothing changed.
@main
struct BuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        var environment: [String: String] = [:]
        if let commit = ProcessInfo.processInfo.environment["CERTGUIDE_COMMIT"] { environment["CERTGUIDE_COMMIT"] = commit }
        if let path = ProcessInfo.processInfo.environment["PATH"] { environment["PATH"] = path }
        return [.prebuildCommand(
            displayName: "Version and commit for --version",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: [package.appending(path: "scripts/build-info").path, package.path, output.appending(path: "BuildInfo.swift").path],
            environment: environment,
            outputFilesDirectory: output
        )]
    }
}
