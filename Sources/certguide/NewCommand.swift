import ArgumentParser
import Foundation
import GuideBuild

extension EntryKind: ExpressibleByArgument {}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new entry: a certification, a question or a page.",
        discussion: """
        Writes Content/<folder>/<slug>.md, the slug made from the title, with every required \
        field filled in and explained, the optional ones as comments, `verified:` set to today \
        and `draft: true`, so the entry is built only with --drafts until an editor has \
        finished it. Never overwrites a file.

        Examples:
          certguide new certification "Certified Library Technician"
          certguide new faq "How long does certification take?"
          certguide new page "About this guide" --content Content
        """
    )

    @Argument(help: ArgumentHelp("What to create: certification, faq or page.", valueName: "kind"))
    var kind: EntryKind

    @Argument(help: ArgumentHelp("The title; for a question, the question itself. Quote it.", valueName: "title"))
    var title: String

    @Option(name: .long, help: ArgumentHelp("Folder with site.yml, certifications/, faq/ and pages/.", valueName: "dir"))
    var content = "Content"

    func run() throws {
        do {
            let path = try EntryScaffold(kind: kind, title: title, today: .today()).create(in: SourceOptions.url(content))
            print("Created \(path) as a draft. Fill it in, run `certguide check --drafts`, then delete `draft: true` to publish it.")
        } catch {
            DiagnosticPrinter.standardError.print(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
