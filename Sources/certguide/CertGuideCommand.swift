import ArgumentParser

@main
struct CertGuideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certguide",
        abstract: "Build the library certification guide: Markdown in Content/ to a static site in Public/.",
        discussion: """
        Entries are Markdown files with YAML front matter under Content/certifications/, \
        Content/faq/ and Content/pages/, with site settings in Content/site.yml. The templates are \
        built in; a Templates/ folder (or --templates) replaces them file by file. Problems are \
        reported as path:line:col: error: message.

        Start with:  certguide serve --open    (preview with live reload)
                     certguide build           (write the site to Public/)
        Before a pull request:  certguide check --strict
        A new entry:  certguide new certification "Certified Library Technician"
        A new guide:  certguide init my-guide
        """,
        version: "certguide \(BuildInfo.version) (commit \(BuildInfo.commit))",
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, InitCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
