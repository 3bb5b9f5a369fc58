import GuideContent
import GuideSite
import GuideSupport

/// The part of every page's context that only the guide's facts decide: the site record with
/// its footer sources, the level groups and filters, the certification cards. Made once a build,
/// and kept between builds while `PageInputs.sharedContextInputs` holds (a body edit keeps it).
public struct SharedContext: @unchecked Sendable {
    // @unchecked: immutable records of strings, numbers, booleans and arrays.
    let record: Record
    /// One card a certification, in guide order, made as pages show them.
    let cards: CardTable

    static let footerSources = 12

    /// From `cache` while the facts it shows are those it was made from.
    static func reused(site: Site, links: SiteLinks, cache: (any StageCache)?) -> SharedContext {
        cache.value("shared-context", key: PageInputs.sharedContextInputs(site, links: links)) {
            // A build without a cache renders every page: all cards, made on every core at once.
            SharedContext(site: site, links: links, allCards: cache == nil)
        }.value
    }

    /// After an edit of some certifications' facts that left the site its shape
    /// (`Builder.patchEntries`): the context of `site` from that of `old`, with only the cards
    /// of `certifications` made again, kept in `cache` for the pages rendered next. Making all
    /// 10,000 cards again was most of the time to show an edited fact.
    public static func update(from old: Site, to site: Site, certifications: [Int], links: SiteLinks, cache: any StageCache) {
        let key = PageInputs.sharedContextInputs(site, links: links)
        guard cache.lookup("shared-context", key: key, as: SharedContext.self) == nil,
              let before = cache.lookup("shared-context", key: PageInputs.sharedContextInputs(old, links: links), as: SharedContext.self),
              before.cards.count == site.certifications.count else { return }
        let cards = CardTable(site: site, keeping: before.cards, except: certifications)
        cache.store("shared-context", key: key, SharedContext(site: site, links: links, cards: cards))
    }

    init(site: Site, links: SiteLinks, cards: CardTable? = nil, allCards: Bool = false) {
        let sources = site.sources
        let cards = cards ?? CardTable(site: site)
        if allCards { _ = cards.all }
        self.cards = cards
        record = Record([
            "site": Record([
                "title": site.config.title, "description": site.config.description,
                "language": site.config.language ?? "en", "base_url": site.baseURL,
                "last_verified": site.lastVerified.map { Record(["date": $0.description, "text": $0.longDescription]) } ?? false,
                // A few in the footer, all on the sources page: a guide of thousands of entries
                // may name thousands of sources, and every page carries the footer.
                "sources": sources.isEmpty ? false : Record([
                    "items": sources.prefix(Self.footerSources).map { Record(["title": $0.title, "url": $0.url ?? false]) },
                    "count": sources.count, "more": sources.count > Self.footerSources ? sources.count - Self.footerSources : false,
                    "url": SiteURL.sources,
                ]),
            ]),
            "levels": Level.allCases.compactMap { level -> Record? in
                let members = site.certifications.indices.filter { site.certifications[$0].entry.frontMatter.level == level }
                guard !members.isEmpty else { return nil }
                // Lazy: of the pages a rebuild renders, most show no list of cards.
                return Record(["name": level.title, "slug": level.rawValue, "count": members.count,
                               "certifications": LazyValue { () -> [Record] in
                                   let all = cards.all
                                   return members.map { all[$0] }
                               }])
            },
            "filters": Record([
                "levels": Level.allCases.filter { level in site.certifications.contains { $0.entry.frontMatter.level == level } }
                    .map { Record(["name": $0.title, "slug": $0.rawValue]) },
                "settings": Setting.allCases.filter { setting in site.certifications.contains { $0.entry.frontMatter.settings?.contains(setting) == true } }
                    .map { Record(["name": $0.title, "slug": $0.rawValue]) },
            ]),
            "certification_count": site.certifications.count,
            "faq_count": site.faqs.count,
            "search_manifest": links.searchManifest,
            "assets": Record(links.assets),
        ])
    }
}
