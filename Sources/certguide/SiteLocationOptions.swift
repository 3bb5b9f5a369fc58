import ArgumentParser
import CertGuide
import Foundation

/// Folder options shared by every command that reads the guide.
struct SiteLocationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder with site.yml, certifications/, faq/ and pages/.", valueName: "dir"))
    var content = "Content"

    @Option(name: .long, help: ArgumentHelp("Folder with the Mustache templates and assets/.", valueName: "dir"))
    var templates = "Templates"

    @Option(name: .long, help: ArgumentHelp("Folder the site is written to; replaced whole, and only when the build succeeds.", valueName: "dir"))
    var output = "Public"

    @Flag(name: .long, help: "Include entries marked `draft: true`.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Absolute URL the site is served from; overrides base_url of site.yml.", valueName: "url"))
    var baseURL: String?

    /// Paths stay relative as typed (`Content/faq/x.md`) so messages name files editors can open.
    func buildOptions() -> BuildOptions {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        func url(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: path, relativeTo: cwd)
        }
        return BuildOptions(contentDirectory: url(content), templatesDirectory: url(templates), outputDirectory: url(output),
                            includeDrafts: drafts, baseURL: baseURL)
    }
}
