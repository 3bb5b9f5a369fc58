import Foundation
import GuideSite
import GuideSupport

/// Renders a `Site` through the templates into the files of the output folder, in memory.
public struct SiteRenderer: Sendable {
    public var templates: TemplateLibrary
    /// Pages whose inputs are unchanged since the last build come from here.
    public var cache: (any StageCache)?

    public init(templates: TemplateLibrary, cache: (any StageCache)? = nil) {
        self.templates = templates
        self.cache = cache
    }

    /// Every file of the site but the search index and assets, and the paths of those made
    /// anew (all of them without a cache).
    /// - Parameters:
    ///   - links: the search index manifest, which every page's search box names, and the
    ///     assets, with their content hashes.
    ///   - first: with a cache, only these files (and files the cache has no version of) are
    ///     made now; the others that changed keep their last version and are listed in
    ///     `deferred`, for a second call without `first` to make. The preview renders the
    ///     pages open in browsers first this way: on a guide of 10,000 certifications, a cost
    ///     edit renders three pages of 10,000 cards, seconds the reader need not wait for.
    public func render(_ site: Site, links: SiteLinks, first: Set<String>? = nil) throws(DiagnosticsError)
        -> (files: [OutputFile], fresh: Set<String>, deferred: Set<String>) {
        let kinds = PageKind.all(in: site)
        // With a cache: fingerprint every page, render only those whose fingerprint moved.
        let inputs = cache.map { PageInputs(site: site, links: links, dependencies: templates.pageDependencies(cache: $0)) }
        let keys = inputs.map { inputs in Array(kinds.indices).parallelMap { inputs.fingerprint(kinds[$0]) } }
        var pages = kinds.map { _ -> OutputFile? in nil }
        if let cache, let keys {
            for index in kinds.indices {
                pages[index] = cache.lookup("page:\(kinds[index].url(in: site))", key: keys[index], as: OutputFile.self)
            }
        }
        var deferred = Set<String>()
        if let cache, let first {
            for index in kinds.indices where pages[index] == nil {
                let path = kinds[index].outputPath(in: site)
                guard !first.contains(path), let stale = cache.latest("page:\(kinds[index].url(in: site))", as: OutputFile.self) else { continue }
                pages[index] = stale
                deferred.insert(path)
            }
        }
        let missing = kinds.indices.filter { pages[$0] == nil }
        var fresh = Set<String>()
        // Asked for even when no page is missing, so the cache keeps it for the next edit.
        let shared = cache != nil || !missing.isEmpty ? SharedContext.reused(site: site, links: links, cache: cache) : nil
        if let shared, !missing.isEmpty {
            let rendered = try renderPages(missing.map { kinds[$0] }, of: site, shared: shared)
            for (index, file) in zip(missing, rendered) {
                pages[index] = file
                fresh.insert(file.path)
                if let cache, let keys { cache.store("page:\(kinds[index].url(in: site))", key: keys[index], file) }
            }
        }

        var files = pages.map { $0! }
        let feeds = Feeds(site: site)
        var others: [(String, Fingerprint, () -> String)] = site.aliases.map { alias in
            (SiteURL.outputPath(for: URLPath.normalizedFolder(alias.path)), Fingerprint(alias.target, alias.title),
             { feeds.redirect(to: alias.target, title: alias.title) })
        }
        let indexable = kinds.map { $0.url(in: site) }.filter { $0 != "/404.html" }
        // The sitemap lists the URLs, each entry's with its `verified` date as `lastmod`.
        var sitemap = Fingerprint()
        for url in indexable { sitemap.add(url) }
        for day in site.certifications.map({ $0.entry.frontMatter.verified }) + site.faqs.map({ $0.entry.frontMatter.verified })
            + site.pages.map({ $0.entry.frontMatter.verified }) { sitemap.add(day?.description ?? "-") }
        var facts = site.fingerprint
        for page in site.certifications { facts.add(page.entry.frontMatterFingerprint) }
        others += [
            ("sitemap.xml", site.fingerprint.adding(sitemap), { feeds.sitemap(urls: indexable) }),
            ("feed.xml", facts, feeds.atom),
            ("robots.txt", site.fingerprint, feeds.robots),
            ("api/certifications.json", facts, feeds.openData),
        ]
        for (path, key, make) in others {
            if let cache, first != nil, cache.lookup("file:\(path)", key: key, as: OutputFile.self) == nil,
               let stale = cache.latest("file:\(path)", as: OutputFile.self) {
                files.append(stale)
                deferred.insert(path)
                continue
            }
            let (file, made) = cache.value("file:\(path)", key: key) { OutputFile(path: path, text: make()) }
            files.append(file)
            if made { fresh.insert(path) }
        }
        return (files, fresh, deferred)
    }

    /// The HTML pages `kinds`, in that order, rendered whatever the cache holds. Several pages
    /// share partials: a missing variable is reported once per template line.
    private func renderPages(_ kinds: [PageKind], of site: Site, shared: SharedContext, withSwiftMustache: Bool = false)
        throws(DiagnosticsError) -> [OutputFile] {
        let templates = self.templates
        let contexts = PageContexts(site: site, shared: shared)
        let rendered = kinds.parallelMap { kind in
            let spec = contexts.spec(kind)
            let (html, problems) = withSwiftMustache
                ? templates.renderWithSwiftMustache(page: spec.template, shared: shared.record, context: spec.context)
                : templates.render(page: spec.template, shared: shared.record, context: spec.context)
            return (OutputFile(path: kind.outputPath(in: site), contents: html), problems)
        }
        let diagnostics = rendered.flatMap(\.1)
        if !diagnostics.isEmpty { throw DiagnosticsError(Array(Set(diagnostics))) }
        return rendered.map(\.0)
    }

    /// Every HTML page of `site`, rendered by swift-mustache from the same contexts: the
    /// reference the compiled templates must match byte for byte (tests).
    public func renderWithSwiftMustache(_ site: Site, links: SiteLinks) throws(DiagnosticsError) -> [OutputFile] {
        try renderPages(PageKind.all(in: site), of: site, shared: SharedContext(site: site, links: links), withSwiftMustache: true)
    }

    /// Renders the pages `kinds` of `site` whatever the cache holds and, with `store`, stores
    /// them there for the next build (after a body edit, or to finish pages a build deferred).
    public func render(_ kinds: [PageKind], of site: Site, links: SiteLinks, store: Bool = true) throws(DiagnosticsError) -> [OutputFile] {
        let files = try renderPages(kinds, of: site, shared: .reused(site: site, links: links, cache: cache))
        if let cache, store {
            let inputs = PageInputs(site: site, links: links, dependencies: templates.pageDependencies(cache: cache))
            for (kind, file) in zip(kinds, files) { cache.store("page:\(kind.url(in: site))", key: inputs.fingerprint(kind), file) }
        }
        return files
    }
}
