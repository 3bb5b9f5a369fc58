import ArgumentParser
import Foundation
import GuideBuild
import GuideContent

/// Where the guide's sources are: the options of every command that reads the guide.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder with site.yml, certifications/, faq/ and pages/.", valueName: "dir"))
    var content = "Content"

    @Option(name: .long, help: ArgumentHelp(
        "Folder of your own Mustache templates and assets/; each file replaces the built-in one of the same path (default: Templates, if it exists).",
        valueName: "dir"))
    var templates: String?

    @Flag(name: .long, help: "Include entries marked `draft: true`.")
    var drafts = false

    /// Paths stay relative as typed (`Content/faq/x.md`) so messages name files editors can open.
    func buildOptions(output: String = "Public", baseURL: String? = nil) -> BuildOptions {
        BuildOptions(contentDirectory: Self.url(content), templatesDirectory: Self.url(templates ?? "Templates"), outputDirectory: Self.url(output),
                     includeDrafts: drafts, baseURL: baseURL)
    }

    /// A folder named with --templates must exist: a typo would otherwise build with the
    /// built-in templates without a word.
    func validate() throws {
        if let templates, !FileManager.default.fileExists(atPath: Self.url(templates).path) {
            throw ValidationError("templates folder `\(templates)` does not exist; leave out --templates to use the built-in ones")
        }
    }

    static func url(_ path: String) -> URL {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: path, relativeTo: cwd)
    }
}

/// `YYYY-MM-DD` on the command line (`--today`).
extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
