import Foundation
import PackagePlugin

/// Embeds every file of `Templates/` into the target at build time (`scripts/embed-templates`),
/// so the binary builds a guide without a templates folder. The files are the command's inputs:
/// an edit makes the next build embed them again, and an added or removed file changes the
/// command itself, which reruns it too.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let root = package.appending(path: "Templates")
        let script = package.appending(path: "scripts/embed-templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplateFiles.swift")
        let files = Self.files(under: root)
        return [.buildCommand(
            displayName: "Embedding the \(files.count) files of Templates",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: [script.path, output.path, root.path] + files,
            inputFiles: [script] + files.map { root.appending(path: $0) },
            outputFiles: [output]
        )]
    }

    /// Regular files below `root`, relative to it, sorted so the generated file is stable.
    static func files(under root: URL) -> [String] {
        guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        let prefix = root.standardizedFileURL.path + "/"
        var paths: [String] = []
        for case let url as URL in walk where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = url.standardizedFileURL.path
            if path.hasPrefix(prefix) { paths.append(String(path.dropFirst(prefix.count))) }
        }
        return paths.sorted()
    }
}
