import Foundation

/// Renders a `Site` through the templates into the files of the output folder, in memory.
public struct SiteRenderer: Sendable {
    public var templates: TemplateLibrary

    public init(templates: TemplateLibrary) {
        self.templates = templates
    }

    /// - Parameter search: the site's search index; every page's search box names its manifest.
    public func render(_ site: Site, search: SearchIndexFiles) throws(DiagnosticsError) -> [OutputFile] {
        let specs = PageContexts(site: site, searchManifest: search.manifestURL).all()
        var diagnostics: [Diagnostic] = []
        var files = search.files
        let templates = self.templates
        for (spec, (html, problems)) in zip(specs, specs.parallelMap { templates.render(page: $0.template, context: $0.context) }) {
            diagnostics += problems
            files.append(OutputFile(path: spec.url == "/404.html" ? "404.html" : SiteURL.outputPath(for: spec.url), text: html))
        }
        // Several pages share partials: report each missing variable once per template line.
        if !diagnostics.isEmpty { throw DiagnosticsError(Array(Set(diagnostics))) }

        let feeds = Feeds(site: site)
        files += site.aliases.map { alias in
            OutputFile(path: SiteURL.outputPath(for: SiteURL.normalizedFolder(alias.path)), text: feeds.redirect(to: alias.target, title: alias.title))
        }
        let indexable = specs.map(\.url).filter { $0 != "/404.html" }
        files += [
            OutputFile(path: "sitemap.xml", text: feeds.sitemap(urls: indexable)),
            OutputFile(path: "feed.xml", text: feeds.atom()),
            OutputFile(path: "robots.txt", text: feeds.robots()),
            OutputFile(path: "api/certifications.json", text: feeds.openData()),
        ]
        return files.sorted { $0.path < $1.path }
    }
}
