import ArgumentParser

@main
struct CertGuideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certguide",
        abstract: "Build the library certification guide: Markdown in Content/ to a static site in Public/.",
        discussion: """
        Entries are Markdown files with YAML front matter under Content/certifications/, \
        Content/faq/ and Content/pages/, with site settings in Content/site.yml. Templates/ holds \
        the Mustache templates and assets. Problems are reported as path:line:col: error: message.

        Start with:  certguide serve --open    (preview with live reload)
                     certguide build           (write the site to Public/)
        Before a pull request:  certguide check --strict
        A new entry:  certguide new certification "Certified Library Technician"
        """,
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
