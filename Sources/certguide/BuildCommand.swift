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

        Examples:
          certguide build
          certguide build --drafts --output /tmp/preview
          certguide build --base-url https://staging.example.org/
        """
    )

    @OptionGroup var location: SiteLocationOptions

    @Option(name: .customLong("search-shard-bytes"),
            help: ArgumentHelp("Split the search index into shards by word prefix once it passes this many bytes.", valueName: "bytes"))
    var searchShardBytes = SearchIndexOptions().shardThreshold

    @Flag(name: .long, help: "Also print how long the search index took to build.")
    var timings = false

    func validate() throws {
        guard searchShardBytes > 0 else { throw ValidationError("--search-shard-bytes must be a positive number of bytes") }
    }

    func run() throws {
        do {
            var options = location.buildOptions()
            options.search = SearchIndexOptions(shardThreshold: searchShardBytes,
                                                shardTarget: min(SearchIndexOptions().shardTarget, max(1, searchShardBytes / 4)))
            let report = try Builder(options: options).build()
            print("Built \(report.pages) pages (\(report.certifications) certifications, \(report.faqs) FAQs, "
                  + "\(report.freePages) pages) in \(report.milliseconds) ms → \(location.output)/")
            if timings { print("Search index: \(report.searchIndexMilliseconds) ms") }
        } catch let error as DiagnosticsError {
            DiagnosticPrinter.standardError.print(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            DiagnosticPrinter.standardError.summary(
                "build failed with \(errors) error\(errors == 1 ? "" : "s"); \(location.output)/ was left unchanged")
            throw ExitCode(1)
        } catch {
            DiagnosticPrinter.standardError.summary("build failed: \(error.localizedDescription); \(location.output)/ was left unchanged")
            throw ExitCode(1)
        }
    }
}
