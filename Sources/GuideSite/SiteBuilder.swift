import Foundation
import GuideContent
import GuideMarkdown
import GuideSupport

/// Turns loaded content into a `Site`: renders every body, orders entries, gathers topics and
/// relations, and reports links to entries that do not exist and aliases that clash with pages.
public struct SiteBuilder: Sendable {
    public var baseURLOverride: String?
    /// Documents of bodies unchanged since the last build come from here.
    public var cache: (any StageCache)?

    public init(baseURLOverride: String? = nil, cache: (any StageCache)? = nil) {
        self.baseURLOverride = baseURLOverride
        self.cache = cache
    }

    public func build(_ content: SiteContent) throws(DiagnosticsError) -> Site {
        var diagnostics: [Diagnostic] = []
        let renderer = MarkdownRenderer(allowRawHTML: content.config.rawHTML ?? false)
        let knownPaths = content.allPaths
        // A body's HTML depends on which files its links can reach, so a file added or removed
        // renders every body again.
        var inputs = Fingerprint()
        inputs.add(content.config.rawHTML ?? false)
        if cache != nil { for path in knownPaths.sorted() { inputs.add(path) } }
        let cache = self.cache, renderInputs = inputs

        // Bodies are independent of each other: render them on every core, report in order.
        func renderAll<Front>(_ entries: [Entry<Front>]) -> [MarkdownDocument] {
            let documents = entries.parallelMap { entry in
                cache.value("markdown:\(entry.path)", key: renderInputs.adding(entry.bodyFingerprint)) {
                    Self.document(of: entry, renderer: renderer, knownPaths: knownPaths)
                }.value
            }
            for (entry, document) in zip(entries, documents) {
                diagnostics += document.problems.map { .error(entry.displayPath, $0.0, $0.1) }
            }
            return documents
        }

        let certifications = content.certifications
            .sorted(by: { ($0.frontMatter.level, $0.frontMatter.title.lowercased(), $0.slug) })
        let faqs = content.faqs
            .sorted(by: { ($0.frontMatter.order ?? Int.max, $0.frontMatter.question.lowercased(), $0.slug) })
        let pages = content.pages
            .sorted(by: { ($0.frontMatter.order ?? Int.max, $0.frontMatter.title.lowercased(), $0.slug) })

        let certificationIndex = Dictionary(uniqueKeysWithValues: certifications.enumerated().map { ($1.slug, $0) })
        let faqPages = zip(faqs, renderAll(faqs)).map {
            Site.FAQPage(entry: $0, url: SiteURL.faq($0.slug), document: $1,
                         related: ($0.frontMatter.related ?? []).compactMap { certificationIndex[$0] },
                         topicSlugs: Self.topicSlugs($0.frontMatter.topics))
        }
        let freePages = zip(pages, renderAll(pages)).map { Site.FreePage(entry: $0, url: SiteURL.page($0.slug), document: $1) }

        var relatedFAQs = [[Int]](repeating: [], count: certifications.count)
        for (faqIndex, faq) in faqPages.enumerated() {
            for certification in faq.related where !relatedFAQs[certification].contains(faqIndex) {
                relatedFAQs[certification].append(faqIndex)
            }
        }
        let ranked = certifications.map { SimilarityKey(topics: Self.topicSlugs($0.frontMatter.topics), level: $0.frontMatter.level) }
        let similarLists = cache.value("similar", key: Self.similarInputs(ranked)) { Self.similarLists(ranked) }.value
        let certificationPages = zip(certifications.indices, renderAll(certifications)).map { index, document in
            let entry = certifications[index]
            return Site.CertificationPage(entry: entry, url: SiteURL.certification(entry.slug), document: document,
                                          relatedFAQs: relatedFAQs[index], similar: similarLists[index], topicSlugs: ranked[index].topics)
        }

        var site = Site(
            config: content.config,
            baseURL: baseURLOverride ?? content.config.baseURL,
            certifications: certificationPages,
            faqs: faqPages,
            pages: freePages,
            topics: Self.topics(certifications: certificationPages, faqs: faqPages)
        )
        site.citations = Self.citations(in: site)
        site.entryPaths = knownPaths
        site.fingerprint = renderInputs.adding(content.configFingerprint)
        site.fingerprint.add(site.baseURL)
        diagnostics += Self.aliasClashes(in: site)
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
        return site
    }

    /// An entry's body rendered, its links to other entries resolved among `knownPaths`.
    public static func document<Front>(of entry: Entry<Front>, renderer: MarkdownRenderer, knownPaths: Set<String>) -> MarkdownDocument {
        renderer.render(entry.body, firstLine: entry.bodyFirstLine,
                        resolveLink: ContentLinkResolver(sourcePath: entry.path, knownPaths: knownPaths).resolve)
    }

    static func topicSlugs(_ topics: [String]?) -> [String] {
        var seen = Set<String>()
        return (topics ?? []).map(Slug.make).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// What ranks certifications as similar: their topics (as slugs) and level.
    struct SimilarityKey: Hashable {
        var topics: [String]
        var level: Level
    }

    /// What `similarLists` depends on: each certification's topics and level, in order (a body
    /// edit keeps the lists).
    static func similarInputs(_ pages: [SimilarityKey]) -> Fingerprint {
        var inputs = Fingerprint()
        for page in pages {
            inputs.add(page.level.rawValue)
            for topic in page.topics { inputs.add(topic) }
            inputs.add("|")
        }
        return inputs
    }

    /// For each certification, up to four others ranked by shared topics (two points each),
    /// then same level (one point), then guide order; too few sharing a topic are filled with
    /// the same level in guide order.
    ///
    /// Certifications with the same topics and level have the same candidates, so the ranking is
    /// worked out once per such group: comparing every pair of certifications took minutes on a
    /// guide of 10,000 (a topic shared by thousands makes the pairs that share one quadratic).
    static func similarLists(_ pages: [SimilarityKey], limit: Int = 4) -> [[Int]] {
        typealias GroupKey = SimilarityKey
        var groupIndex: [GroupKey: Int] = [:]
        var groups: [(key: GroupKey, members: [Int])] = []
        var groupOf: [Int] = []
        for (index, page) in pages.enumerated() {
            let key = GroupKey(topics: page.topics.sorted(), level: page.level)
            let group = groupIndex[key] ?? {
                groups.append((key, []))
                groupIndex[key] = groups.count - 1
                return groups.count - 1
            }()
            groups[group].members.append(index)
            groupOf.append(group)
        }
        var groupsByTopic: [String: [Int]] = [:]
        for (group, value) in groups.enumerated() {
            for topic in value.key.topics { groupsByTopic[topic, default: []].append(group) }
        }
        var byLevel: [Level: [Int]] = [:]
        for (index, page) in pages.enumerated() { byLevel[page.level, default: []].append(index) }

        // Per group, the first `limit + 1` candidates of each kind: one may be the page itself.
        // In chunks, one counting array per chunk: a dictionary per group was most of a preview
        // rebuild on a guide of 10,000 certifications with 9,000 different sets of topics.
        let chunkSize = max(1, (groups.count + 15) / 16)
        let ranked: [(scored: [Int], fill: [Int])] = Array(stride(from: 0, to: groups.count, by: chunkSize)).parallelMap { start in
            var overlap = [Int](repeating: 0, count: groups.count)
            var touched: [Int] = []
            return (start..<min(start + chunkSize, groups.count)).map { group in
                let key = groups[group].key
                for topic in key.topics {
                    for other in groupsByTopic[topic] ?? [] {
                        if overlap[other] == 0 { touched.append(other) }
                        overlap[other] += 1
                    }
                }
                var byScore = [[Int]](repeating: [], count: key.topics.count * 2 + 2)
                for other in touched { byScore[overlap[other] * 2 + (groups[other].key.level == key.level ? 1 : 0)].append(other) }
                var scored: [Int] = []
                for tier in byScore.reversed() where scored.count <= limit && !tier.isEmpty {
                    // Groups are numbered in guide order of their first member: stop at the
                    // first group that starts after the best found so far.
                    var best: [Int] = []
                    for other in tier.sorted() {
                        if best.count > limit - scored.count, let last = best.last, groups[other].members[0] > last { break }
                        best = Array((best + groups[other].members.prefix(limit + 1)).sorted().prefix(limit + 1 - scored.count))
                    }
                    scored += best
                }
                var fill: [Int] = []
                for other in byLevel[key.level] ?? [] where overlap[groupOf[other]] == 0 {
                    fill.append(other)
                    if fill.count > limit { break }
                }
                for other in touched { overlap[other] = 0 }
                touched.removeAll(keepingCapacity: true)
                return (scored, fill)
            }
        }.flatMap { $0 }
        return pages.indices.map { index in
            let (scored, fill) = ranked[groupOf[index]]
            var result = Array(scored.lazy.filter { $0 != index }.prefix(limit))
            for other in fill where result.count < limit && other != index { result.append(other) }
            return result
        }
    }

    static func topics(certifications: [Site.CertificationPage], faqs: [Site.FAQPage]) -> [Site.Topic] {
        var names: [String: String] = [:]
        var byTopic: [String: (certifications: [Int], faqs: [Int])] = [:]
        // A guide names a few dozen topics thousands of times: each name made a slug once.
        var slugs: [String: String] = [:]
        func slug(_ name: String) -> String {
            if let slug = slugs[name] { return slug }
            let slug = Slug.make(name)
            slugs[name] = slug
            return slug
        }
        for (index, page) in certifications.enumerated() {
            for name in page.entry.frontMatter.topics ?? [] where !slug(name).isEmpty {
                let slug = slug(name)
                names[slug] = min(names[slug] ?? name, name)
                if byTopic[slug]?.certifications.last != index { byTopic[slug, default: ([], [])].certifications.append(index) }
            }
        }
        for (index, page) in faqs.enumerated() {
            for name in page.entry.frontMatter.topics ?? [] where !slug(name).isEmpty {
                let slug = slug(name)
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

    static func citations(in site: Site) -> [Site.Citation] {
        // One publication is one source, by title and address, whatever `kind` or `key` each
        // entry gives it; the first entry's wording of it is the one listed.
        struct Publication: Hashable { var title: String, url: String }
        var citing: [Publication: (source: SourceLink, citedBy: [(title: String, url: String)])] = [:]
        func cite(_ sources: [SourceLink]?, _ title: String, _ url: String) {
            var seen = Set<Publication>()
            for source in sources ?? [] {
                let publication = Publication(title: source.title, url: source.url ?? "")
                guard seen.insert(publication).inserted else { continue }
                citing[publication, default: (source, [])].citedBy.append((title, url))
            }
        }
        for page in site.certifications { cite(page.entry.frontMatter.sources, page.entry.frontMatter.title, page.url) }
        for page in site.faqs { cite(page.entry.frontMatter.sources, page.entry.frontMatter.question, page.url) }
        for page in site.pages { cite(page.entry.frontMatter.sources, page.entry.frontMatter.title, page.url) }
        return citing.keys.sorted { ($0.title, $0.url) < ($1.title, $1.url) }.map { Site.Citation(source: citing[$0]!.source, citedBy: citing[$0]!.citedBy) }
    }

    /// An alias must not take the URL of a page that exists, or the redirect would replace it.
    static func aliasClashes(in site: Site) -> [Diagnostic] {
        var urls = Set(SiteURL.generatedPages)
        urls.formUnion(site.certifications.map(\.url))
        urls.formUnion(site.faqs.map(\.url))
        urls.formUnion(site.pages.map(\.url))
        urls.formUnion(site.topics.map(\.url))
        return site.aliases.filter { urls.contains(URLPath.normalizedFolder($0.path)) }.map { alias in
            .error(alias.source, alias.location, "alias `\(alias.path)` is the URL of an existing page; a redirect there would hide it")
        }
    }
}

extension Array {
    /// Sorted by a key worked out once per element, not once per comparison (titles are
    /// lowercased for the order, and a guide of 10,000 entries compares 140,000 times).
    func sorted<A: Comparable, B: Comparable, C: Comparable>(by key: (Element) -> (A, B, C)) -> [Element] {
        let keys = map(key)
        return indices.sorted { keys[$0] < keys[$1] }.map { self[$0] }
    }
}
