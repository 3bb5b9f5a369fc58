import ArgumentParser
import Foundation
import GuideBuild
import GuideCheck
import GuideContent

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the guide for broken links, stale facts and other problems, without writing anything.",
        discussion: """
        Builds the site in memory and reports, as path:line:col: error|warning: message, \
        pointing at the Markdown line where it can: links and images that lead nowhere (pages, \
        files, #anchors), images without alt text, entries verified longer ago than \
        stale_after_months of site.yml (12 when unset), certifications without sources, pages \
        nothing links to, duplicate titles and summaries too long for a meta description. \
        External links are listed, and requested only with --external. The last line counts \
        each kind of problem.

        Exit status: 0 when there is no error (warnings allowed), 1 otherwise; with --strict, \
        warnings fail too. A network failure under --external is a note and never fails.

        Examples:
          certguide check
          certguide check --strict --drafts
          certguide check --external --timeout 5 --concurrency 4
          certguide check --today 2027-06-01      # what will be stale by then
        """
    )

    @OptionGroup var source: SourceOptions

    @Flag(name: .long, help: "Fail on warnings too, not only on errors (what CI runs).")
    var strict = false

    @Flag(name: .long, help: "Request every external link (needs the network).")
    var external = false

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for each external link (with --external).", valueName: "seconds"))
    var timeout: Double = 10

    @Option(name: .long, help: ArgumentHelp("External links requested at once (with --external).", valueName: "n"))
    var concurrency = 8

    @Option(name: .long, help: ArgumentHelp("Check as if today were this day (YYYY-MM-DD); defaults to the machine's date.", valueName: "date"))
    var today: Day?

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be 1 or more") }
    }

    func run() async throws {
        var report = Builder(options: source.buildOptions()).check(asOf: today ?? .today())
        if external, report.size != nil {
            report.findings += await ExternalLinkChecker(timeout: timeout, concurrency: concurrency).check(report.externalLinks)
            report.externalLinksChecked = true
        }
        DiagnosticPrinter.standardError.print(report.diagnostics)
        if !external { printExternalLinks(report.externalLinks) }
        guard report.failed(strict: strict) else {
            print(report.summary.prefix(1).uppercased() + report.summary.dropFirst())
            return
        }
        let strictOnly = strict && !report.failed(strict: false)
        DiagnosticPrinter.standardError.summary("check failed: \(report.summary)\(strictOnly ? "; --strict treats warnings as errors" : "")")
        throw ExitCode(1)
    }

    /// One line per address, at its first use: what `--external` would request.
    private func printExternalLinks(_ links: [ExternalLink]) {
        guard !links.isEmpty else { return }
        var uses: [String: [ExternalLink]] = [:]
        for link in links { uses[link.url, default: []].append(link) }
        print("External links, not requested (--external checks them):")
        for url in uses.keys.sorted() {
            let first = uses[url]![0]
            let more = uses[url]!.count > 1 ? " (and \(uses[url]!.count - 1) more)" : ""
            print("  \(first.path):\(first.location.line):\(first.location.column): \(url)\(more)")
        }
    }
}
