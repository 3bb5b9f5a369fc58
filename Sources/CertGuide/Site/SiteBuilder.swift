import Foundation

/// Turns loaded content into a `Site`: renders every body, orders entries, gathers topics and
/// relations, and reports links to entries that do not exist and aliases that clash with pages.
public struct SiteBuilder: Sendable {
    public var baseURLOverride: String?

    public init(baseURLOverride: String? = nil) {
        self.baseURLOverride = baseURLOverride
    }

    public func build(_ content: SiteContent) throws(DiagnosticsError) -> Site {
        var diagnostics: [Diagnostic] = []
        let renderer = MarkdownRenderer(allowRawHTML: content.config.rawHTML ?? false)
        let knownPaths = content.allPaths

        func render<Front>(_ entry: Entry<Front>) -> MarkdownDocument {
            let resolver = ContentLinkResolver(sourcePath: entry.path, knownPaths: knownPaths)
            let document = renderer.render(entry.body, firstLine: entry.bodyFirstLine, resolveLink: resolver.resolve)
            for (location, message) in document.problems {
                diagnostics.append(.error(entry.displayPath, location, message))
            }
            return document
        }

        let certifications = content.certifications
            .sorted { ($0.frontMatter.level, $0.frontMatter.title.lowercased(), $0.slug) < ($1.frontMatter.level, $1.frontMatter.title.lowercased(), $1.slug) }
        let faqs = content.faqs
            .sorted { ($0.frontMatter.order ?? Int.max, $0.frontMatter.question.lowercased(), $0.slug) < ($1.frontMatter.order ?? Int.max, $1.frontMatter.question.lowercased(), $1.slug) }
        let pages = content.pages
            .sorted { ($0.frontMatter.order ?? Int.max, $0.frontMatter.title.lowercased(), $0.slug) < ($1.frontMatter.order ?? Int.max, $1.frontMatter.title.lowercased(), $1.slug) }

        let certificationIndex = Dictionary(uniqueKeysWithValues: certifications.enumerated().map { ($1.slug, $0) })
        var certificationPages = certifications.map {
            Site.CertificationPage(entry: $0, url: SiteURL.certification($0.slug), document: render($0),
                                   relatedFAQs: [], similar: [], topicSlugs: Self.topicSlugs($0.frontMatter.topics))
        }
        let faqPages = faqs.map {
            Site.FAQPage(entry: $0, url: SiteURL.faq($0.slug), document: render($0),
                         related: ($0.frontMatter.related ?? []).compactMap { certificationIndex[$0] },
                         topicSlugs: Self.topicSlugs($0.frontMatter.topics))
        }
        let freePages = pages.map { Site.FreePage(entry: $0, url: SiteURL.page($0.slug), document: render($0)) }

        for (faqIndex, faq) in faqPages.enumerated() {
            for certification in faq.related where !certificationPages[certification].relatedFAQs.contains(faqIndex) {
                certificationPages[certification].relatedFAQs.append(faqIndex)
            }
        }
        for index in certificationPages.indices {
            certificationPages[index].similar = Self.similar(to: index, in: certificationPages)
        }

        let site = Site(
            config: content.config,
            baseURL: baseURLOverride ?? content.config.baseURL,
            certifications: certificationPages,
            faqs: faqPages,
            pages: freePages,
            topics: Self.topics(certifications: certificationPages, faqs: faqPages)
        )
        diagnostics += Self.aliasClashes(in: site)
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
        return site
    }

    static func topicSlugs(_ topics: [String]?) -> [String] {
        var seen = Set<String>()
        return (topics ?? []).map(Slug.make).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Up to four others, ranked by shared topics, then same level, then title.
    static func similar(to index: Int, in pages: [Site.CertificationPage], limit: Int = 4) -> [Int] {
        let this = pages[index]
        let topics = Set(this.topicSlugs)
        return pages.indices
            .filter { $0 != index }
            .map { other -> (Int, Int) in
                let shared = topics.intersection(pages[other].topicSlugs).count
                let sameLevel = pages[other].entry.frontMatter.level == this.entry.frontMatter.level ? 1 : 0
                return (other, shared * 2 + sameLevel)
            }
            .filter { $0.1 > 0 }
            .sorted { ($1.1, $0.0) < ($0.1, $1.0) }
            .prefix(limit)
            .map(\.0)
    }

    static func topics(certifications: [Site.CertificationPage], faqs: [Site.FAQPage]) -> [Site.Topic] {
        var names: [String: String] = [:]
        var byTopic: [String: (certifications: [Int], faqs: [Int])] = [:]
        for (index, page) in certifications.enumerated() {
            for name in page.entry.frontMatter.topics ?? [] where !Slug.make(name).isEmpty {
                let slug = Slug.make(name)
                names[slug] = min(names[slug] ?? name, name)
                if byTopic[slug]?.certifications.contains(index) != true { byTopic[slug, default: ([], [])].certifications.append(index) }
            }
        }
        for (index, page) in faqs.enumerated() {
            for name in page.entry.frontMatter.topics ?? [] where !Slug.make(name).isEmpty {
                let slug = Slug.make(name)
                names[slug] = min(names[slug] ?? name, name)
                if byTopic[slug]?.faqs.contains(index) != true { byTopic[slug, default: ([], [])].faqs.append(index) }
            }
        }
        return byTopic.keys.sorted().map { slug in
            let name = names[slug]!
            return Site.Topic(slug: slug, name: name.prefix(1).uppercased() + name.dropFirst(), url: SiteURL.topic(slug),
                              certifications: byTopic[slug]!.certifications, faqs: byTopic[slug]!.faqs)
        }
    }

    /// An alias must not take the URL of a page that exists, or the redirect would replace it.
    static func aliasClashes(in site: Site) -> [Diagnostic] {
        var urls = Set([SiteURL.home, SiteURL.certifications, SiteURL.faqIndex, SiteURL.compare, SiteURL.topics, SiteURL.search])
        urls.formUnion(site.certifications.map(\.url))
        urls.formUnion(site.faqs.map(\.url))
        urls.formUnion(site.pages.map(\.url))
        urls.formUnion(site.topics.map(\.url))
        var found: [Diagnostic] = []
        func check(_ aliases: [String]?, _ entry: (path: String, locations: [String: SourceLocation])) {
            for (index, alias) in (aliases ?? []).enumerated() where urls.contains(SiteURL.normalizedFolder(alias)) {
                found.append(.error(entry.path, entry.locations["aliases[\(index)]"] ?? .start,
                    "alias `\(alias)` is the URL of an existing page; a redirect there would hide it"))
            }
        }
        for page in site.certifications { check(page.entry.frontMatter.aliases, (page.entry.displayPath, page.entry.locations)) }
        for page in site.faqs { check(page.entry.frontMatter.aliases, (page.entry.displayPath, page.entry.locations)) }
        for page in site.pages { check(page.entry.frontMatter.aliases, (page.entry.displayPath, page.entry.locations)) }
        return found
    }
}
