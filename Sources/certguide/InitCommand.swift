import ArgumentParser
import Foundation
import GuideBuild
import GuideContent

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new guide in a folder: settings, one example of each entry, the publish workflow.",
        discussion: """
        Writes Content/site.yml with every setting explained, an example certification, question \
        and page that build and pass `certguide check --strict`, a .gitignore for the built site, \
        and .github/workflows/publish.yml, which checks the guide on every pull request and \
        publishes it to GitHub Pages from main with the certguide GitHub Action (no Swift \
        needed). The templates are built into certguide; --templates also writes them into \
        Templates/ to edit, where each file replaces the built-in one: delete those you leave \
        unchanged, so that they follow certguide's updates. Writes nothing when the folder \
        already holds a guide or any of these files.

        Examples:
          certguide init my-guide
          certguide init . --title "Certifications for Library Staff" --base-url https://guide.example.org/
          certguide init my-guide --templates
        """
    )

    @Argument(help: ArgumentHelp("Folder of the new guide; made if missing.", valueName: "dir"))
    var folder = "."

    @Option(name: .long, help: ArgumentHelp("The guide's name, for site.yml.", valueName: "title"))
    var title = "Certification Guide"

    @Option(name: .customLong("base-url"),
            help: ArgumentHelp("The address the guide will be published at, for site.yml; change it there later.", valueName: "url"))
    var baseURL = "https://guide.example.org/"

    @Flag(name: .long, help: "Also write the built-in templates into Templates/ to edit them.")
    var templates = false

    func run() throws {
        let scaffold = GuideScaffold(title: title, baseURL: baseURL, today: .today(), version: BuildInfo.version, withTemplates: templates)
        do {
            let written = try scaffold.create(in: SourceOptions.url(folder))
            print("Wrote a new guide: \(written.count) files in \(folder == "." ? "this folder" : folder).")
            if folder != "." { print("Next, in that folder (cd \(folder)):") } else { print("Next:") }
            print("""
                  certguide serve --open               preview it with live reload while you edit Content/
                  certguide new certification "Name"   add an entry with every field explained
                  certguide check --strict             what CI checks before it publishes
                Publishing: push it to GitHub and set Settings → Pages → Source to GitHub Actions.
                """)
        } catch {
            DiagnosticPrinter.standardError.print(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
