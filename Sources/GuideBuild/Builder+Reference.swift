import GuideContent
import GuideRender
import GuideSite
import GuideSupport

extension Builder {
    /// Every HTML page of the guide twice, from the same site and contexts: through the
    /// compiled templates, as builds render them, and through swift-mustache, the reference
    /// they must match byte for byte (tests).
    public func renderedBothWays() throws(DiagnosticsError) -> (compiled: [OutputFile], reference: [OutputFile]) {
        let loader = ContentLoader(contentDirectory: options.contentDirectory, displayRoot: options.contentDirectory.relativePath,
                                   includeDrafts: options.includeDrafts, fileSystem: options.fileSystem, cache: nil)
        let content = try loader.load()
        let templates = try TemplateLibrary(directory: options.templatesDirectory, displayRoot: options.templatesDirectory.relativePath,
                                            fileSystem: options.templateFiles)
        let site = try SiteBuilder(baseURLOverride: options.baseURL, cache: nil).build(content)
        let links = SiteLinks(searchManifest: try searchIndex(site, cache: nil).0.manifestURL, assets: try assets(),
                              versioned: options.versionedAssets)
        let renderer = SiteRenderer(templates: templates)
        return (try renderer.render(PageKind.all(in: site), of: site, links: links, store: false),
                try renderer.renderWithSwiftMustache(site, links: links))
    }
}
