import Foundation

/// Renders a `Site` through the templates into the files of the output folder, in memory.
public struct SiteRenderer: Sendable {
    public var templates: TemplateLibrary
    /// Pages whose inputs are unchanged since the last build come from here.
    public var cache: BuildCache?

    public init(templates: TemplateLibrary, cache: BuildCache? = nil) {
        self.templates = templates
        self.cache = cache
    }

    /// Every file of the site but the search index and assets, and the paths of those made
    /// anew (all of them without a cache).
    /// - Parameter searchManifest: site path of the search index manifest, which every page's
    ///   search box names.
    public func render(_ site: Site, searchManifest: String) throws(DiagnosticsError) -> (files: [OutputFile], fresh: Set<String>) {
        let kinds = PageKind.all(in: site)
        let templates = self.templates
        // With a cache: fingerprint every page, render only those whose fingerprint moved.
        let inputs = cache.map { _ in PageInputs(site: site, searchManifest: searchManifest, templates: templates) }
        let keys = inputs.map { inputs in Array(kinds.indices).parallelMap { inputs.fingerprint(kinds[$0]) } }
        var pages = kinds.map { _ -> OutputFile? in nil }
        if let cache, let keys {
            for index in kinds.indices {
                pages[index] = cache.lookup("page:\(kinds[index].url(in: site))", key: keys[index], as: OutputFile.self)
            }
        }
        let missing = kinds.indices.filter { pages[$0] == nil }
        var diagnostics: [Diagnostic] = []
        var fresh = Set<String>()
        if !missing.isEmpty {
            let contexts = PageContexts(site: site, searchManifest: searchManifest)
            let rendered = missing.parallelMap { index in
                let spec = contexts.spec(kinds[index])
                let (html, problems) = templates.render(page: spec.template, context: spec.context)
                return (OutputFile(path: spec.url == "/404.html" ? "404.html" : SiteURL.outputPath(for: spec.url), text: html), problems)
            }
            for (index, (file, problems)) in zip(missing, rendered) {
                diagnostics += problems
                pages[index] = file
                fresh.insert(file.path)
                if let cache, let keys, problems.isEmpty { cache.store("page:\(kinds[index].url(in: site))", key: keys[index], file) }
            }
        }
        // Several pages share partials: report each missing variable once per template line.
        if !diagnostics.isEmpty { throw DiagnosticsError(Array(Set(diagnostics))) }

        var files = pages.map { $0! }
        let feeds = Feeds(site: site)
        var others: [(String, Fingerprint, () -> String)] = site.aliases.map { alias in
            (SiteURL.outputPath(for: SiteURL.normalizedFolder(alias.path)), Fingerprint(alias.target, alias.title),
             { feeds.redirect(to: alias.target, title: alias.title) })
        }
        let indexable = kinds.map { $0.url(in: site) }.filter { $0 != "/404.html" }
        var urls = Fingerprint()
        for url in indexable { urls.add(url) }
        var facts = site.fingerprint
        for page in site.certifications { facts.add(page.entry.frontMatterFingerprint) }
        others += [
            ("sitemap.xml", site.fingerprint.adding(urls), { feeds.sitemap(urls: indexable) }),
            ("feed.xml", facts, feeds.atom),
            ("robots.txt", site.fingerprint, feeds.robots),
            ("api/certifications.json", facts, feeds.openData),
        ]
        for (path, key, make) in others {
            let (file, made) = cache.value("file:\(path)", key: key) { OutputFile(path: path, text: make()) }
            files.append(file)
            if made { fresh.insert(path) }
        }
        return (files, fresh)
    }
}
