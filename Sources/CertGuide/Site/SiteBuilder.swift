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

        // Bodies are independent of each other: render them on every core, report in order.
        func renderAll<Front>(_ entries: [Entry<Front>]) -> [MarkdownDocument] {
            let documents = entries.parallelMap { entry in
                renderer.render(entry.body, firstLine: entry.bodyFirstLine,
                                resolveLink: ContentLinkResolver(sourcePath: entry.path, knownPaths: knownPaths).resolve)
            }
            for (entry, document) in zip(entries, documents) {
                diagnostics += document.problems.map { .error(entry.displayPath, $0.0, $0.1) }
            }
            return documents
        }

        let certifications = content.certifications
            .sorted { ($0.frontMatter.level, $0.frontMatter.title.lowercased(), $0.slug) < ($1.frontMatter.level, $1.frontMatter.title.lowercased(), $1.slug) }
        let faqs = content.faqs
            .sorted { ($0.frontMatter.order ?? Int.max, $0.frontMatter.question.lowercased(), $0.slug) < ($1.frontMatter.order ?? Int.max, $1.frontMatter.question.lowercased(), $1.slug) }
        let pages = content.pages
            .sorted { ($0.frontMatter.order ?? Int.max, $0.frontMatter.title.lowercased(), $0.slug) < ($1.frontMatter.order ?? Int.max, $1.frontMatter.title.lowercased(), $1.slug) }

        let certificationIndex = Dictionary(uniqueKeysWithValues: certifications.enumerated().map { ($1.slug, $0) })
        var certificationPages = zip(certifications, renderAll(certifications)).map {
            Site.CertificationPage(entry: $0, url: SiteURL.certification($0.slug), document: $1,
                                   relatedFAQs: [], similar: [], topicSlugs: Self.topicSlugs($0.frontMatter.topics))
        }
        let faqPages = zip(faqs, renderAll(faqs)).map {
            Site.FAQPage(entry: $0, url: SiteURL.faq($0.slug), document: $1,
                         related: ($0.frontMatter.related ?? []).compactMap { certificationIndex[$0] },
                         topicSlugs: Self.topicSlugs($0.frontMatter.topics))
        }
        let freePages = zip(pages, renderAll(pages)).map { Site.FreePage(entry: $0, url: SiteURL.page($0.slug), document: $1) }

        for (faqIndex, faq) in faqPages.enumerated() {
            for certification in faq.related where !certificationPages[certification].relatedFAQs.contains(faqIndex) {
                certificationPages[certification].relatedFAQs.append(faqIndex)
            }
        }
        for (index, similar) in Self.similarLists(certificationPages).enumerated() {
            certificationPages[index].similar = similar
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

    /// For each certification, up to four others ranked by shared topics, then same level, then
    /// order. Counted through a topic index: comparing every pair was quadratic, minutes on a
    /// guide of 10,000 certifications.
    static func similarLists(_ pages: [Site.CertificationPage], limit: Int = 4) -> [[Int]] {
        var byTopic: [String: [Int]] = [:]
        var byLevel: [Level: [Int]] = [:]
        for (index, page) in pages.enumerated() {
            for topic in page.topicSlugs { byTopic[topic, default: []].append(index) }
            byLevel[page.entry.frontMatter.level, default: []].append(index)
        }
        return Array(pages.indices).parallelMap { index in
            var shared: [Int: Int] = [:]
            for topic in pages[index].topicSlugs {
                for other in byTopic[topic] ?? [] where other != index { shared[other, default: 0] += 1 }
            }
            let level = pages[index].entry.frontMatter.level
            var ranked = shared.map { other, count in
                (other, count * 2 + (pages[other].entry.frontMatter.level == level ? 1 : 0))
            }
            ranked.sort { ($1.1, $0.0) < ($0.1, $1.0) }
            var result = ranked.prefix(limit).map(\.0)
            // Too few sharing a topic: fill with the same level, in guide order.
            for other in byLevel[level] ?? [] where result.count < limit && other != index && shared[other] == nil {
                result.append(other)
            }
            return result
        }
    }

    static func topics(certifications: [Site.CertificationPage], faqs: [Site.FAQPage]) -> [Site.Topic] {
        var names: [String: String] = [:]
        var byTopic: [String: (certifications: [Int], faqs: [Int])] = [:]
        for (index, page) in certifications.enumerated() {
            for name in page.entry.frontMatter.topics ?? [] where !Slug.make(name).isEmpty {
                let slug = Slug.make(name)
                names[slug] = min(names[slug] ?? name, name)
                if byTopic[slug]?.certifications.last != index { byTopic[slug, default: ([], [])].certifications.append(index) }
            }
        }
        for (index, page) in faqs.enumerated() {
            for name in page.entry.frontMatter.topics ?? [] where !Slug.make(name).isEmpty {
                let slug = Slug.make(name)
                names[slug] = min(names[slug] ?? name, name)
                if byTopic[slug]?.faqs.last != index { byTopic[slug, default: ([], [])].faqs.append(index) }
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
        return site.aliases.filter { urls.contains(SiteURL.normalizedFolder($0.path)) }.map { alias in
            .error(alias.source, alias.location, "alias `\(alias.path)` is the URL of an existing page; a redirect there would hide it")
        }
    }
}
