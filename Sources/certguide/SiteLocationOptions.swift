import ArgumentParser
import Foundation
import GuideBuild

/// The sources plus where `build` writes the site.
struct SiteLocationOptions: ParsableArguments {
    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: ArgumentHelp("Folder the site is written to; replaced whole, and only when the build succeeds.", valueName: "dir"))
    var output = "Public"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Absolute URL the site is served from; overrides base_url of site.yml.", valueName: "url"))
    var baseURL: String?

    func buildOptions() -> BuildOptions {
        source.buildOptions(output: output, baseURL: baseURL)
    }
}
