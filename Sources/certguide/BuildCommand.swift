import ArgumentParser
import Foundation
import GuideBuild
import GuideContent
import GuideSearch
import GuideSupport

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

        With --incremental, the build keeps what it made in a cache folder beside the output \
        folder (.<output>.cache) and the next --incremental build redoes only what a \
        change touched: it decodes the changed files, renders the pages that show them and \
        writes the files that changed, in place. The result is the same as a full build. \
        Without a usable cache (the first run, other options, a new certguide) it builds in \
        full.

        Examples:
          certguide build
          certguide build --strict
          certguide build --drafts --output Preview
          certguide build --base-url https://staging.example.org/
          certguide build --incremental
        """
    )

    @OptionGroup var location: SiteLocationOptions

    @Flag(name: .long, help: "Run the checks of `certguide check` first; any error or warning stops the build.")
    var strict = false

    @Option(name: .customLong("search-shard-bytes"),
            help: ArgumentHelp("Split the search index into shards by word prefix once it passes this many bytes.", valueName: "bytes"))
    var searchShardBytes = SearchIndexOptions().shardThreshold

    @Flag(name: .long, help: "Also print how long each stage took (reading the cache, loading, site model, search index, rendering, writing).")
    var timings = false

    @Flag(name: .long, help: "Redo only what changed since the last --incremental build (its cache sits beside the output folder).")
    var incremental = false

    /// `.Public.cache/` beside `Public/`: outside the published folder, and named like the
    /// build's own staging folders, which `.gitignore` patterns for `.Public.*` already cover.
    private func cacheFolder(_ output: URL) -> URL {
        output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".\(output.standardizedFileURL.lastPathComponent).cache")
    }

    func validate() throws {
        guard searchShardBytes > 0 else { throw ValidationError("--search-shard-bytes must be a positive number of bytes") }
    }

    func run() throws {
        // glibc grows and trims its heaps 128 KB at a time; a build frees and takes back
        // hundreds of MB, and the kernel zeroed each page again (a tenth of a one-edit rebuild
        // of 10,000 certifications, in `clear_page`). 256 MB of headroom is reserved, not
        // touched: the peak memory of a build stayed the same. Not for the long-lived preview.
        Builder.reserveHeapHeadroom()
        let status = StatusLine.standardError
        do {
            var options = location.buildOptions()
            options.search = SearchIndexOptions(shardThreshold: searchShardBytes,
                                                shardTarget: min(SearchIndexOptions().shardTarget, max(1, searchShardBytes / 4)))
            if let status { options.progress = { stage in status.show(stage) } }
            let report: BuildReport
            do {
                defer { status?.clear() }
                let builder = Builder(options: options)
                let today: Day? = strict ? .today() : nil
                report = incremental ? try builder.buildIncrementally(cacheFolder: cacheFolder(options.outputDirectory), strictCheckAsOf: today)
                    : try builder.build(strictCheckAsOf: today)
            }
            DiagnosticPrinter.standardError.print(report.warnings)
            let written = incremental ? ", \(report.written) file\(report.written == 1 ? "" : "s") written" : ""
            func count(_ number: Int, _ word: String) -> String { "\(number) \(word)\(number == 1 ? "" : "s")" }
            print("Built \(count(report.pages, "page")) (\(count(report.certifications, "certification")), \(count(report.faqs, "FAQ")), "
                  + "\(count(report.freePages, "page"))) in \(report.milliseconds) ms\(written) → \(location.output)/")
            if timings {
                print("Search index: \(report.searchIndexMilliseconds) ms")
                print("Stages: \(report.timings.summary)")
            }
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
