import ArgumentParser
import CertGuide
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
        Reads every entry, reports all problems at once (path:line:col: error: …) and exits 1 \
        if there are any, leaving the previous output folder untouched. On success it swaps the \
        new site in and prints one line: pages, entries by kind, time and folder.

        With --strict, the checks of `certguide check` run first, and any error or warning \
        stops the build before anything is written.

        Examples:
          certguide build
          certguide build --strict
          certguide build --drafts --output Preview
          certguide build --base-url https://staging.example.org/
        """
    )

    @OptionGroup var location: SiteLocationOptions

    @Flag(name: .long, help: "Run the checks of `certguide check` first; any error or warning stops the build.")
    var strict = false

    @Option(name: .customLong("search-shard-bytes"),
            help: ArgumentHelp("Split the search index into shards by word prefix once it passes this many bytes.", valueName: "bytes"))
    var searchShardBytes = SearchIndexOptions().shardThreshold

    @Flag(name: .long, help: "Also print how long the search index took to build.")
    var timings = false

    func validate() throws {
        guard searchShardBytes > 0 else { throw ValidationError("--search-shard-bytes must be a positive number of bytes") }
    }

    func run() throws {
        let status = StatusLine.standardError
        do {
            var options = location.buildOptions()
            options.search = SearchIndexOptions(shardThreshold: searchShardBytes,
                                                shardTarget: min(SearchIndexOptions().shardTarget, max(1, searchShardBytes / 4)))
            if let status { options.progress = { stage in status.show(stage) } }
            let report: BuildReport
            do {
                defer { status?.clear() }
                report = try Builder(options: options).build(strictCheckAsOf: strict ? .today() : nil)
            }
            print("Built \(report.pages) pages (\(report.certifications) certifications, \(report.faqs) FAQs, "
                  + "\(report.freePages) pages) in \(report.milliseconds) ms → \(location.output)/")
            if timings { print("Search index: \(report.searchIndexMilliseconds) ms") }
        } catch let error as DiagnosticsError {
            DiagnosticPrinter.standardError.print(error.diagnostics)
            let errors = error.diagnostics.count(of: .error), warnings = error.diagnostics.count(of: .warning)
            let counted = "\(errors) error\(errors == 1 ? "" : "s")"
                + (warnings == 0 ? "" : " and \(warnings) warning\(warnings == 1 ? "" : "s") (--strict)")
            DiagnosticPrinter.standardError.summary("build failed with \(counted); \(location.output)/ was left unchanged")
            throw ExitCode(1)
        } catch {
            DiagnosticPrinter.standardError.summary("build failed: \(error.localizedDescription); \(location.output)/ was left unchanged")
            throw ExitCode(1)
        }
    }
}
