import GuideContent
import GuideSite
import GuideSupport

/// A fingerprint of everything each page is made from, worked out from the entries'
/// fingerprints without building any page context: pages with the same fingerprint in two
/// builds have the same bytes, so only pages whose fingerprint moved are rendered again.
///
/// This mirrors `PageContexts`: a value added to a page's context needs its inputs here too.
/// `IncrementalBuildTests` edits every kind of input and compares with a clean build.
public struct PageInputs {
    let site: Site
    /// Per shared context name (`site`, `levels`…), what it is made from, by name.
    private let shared: [(name: String, inputs: Fingerprint)]
    /// The certifications' facts in guide order: every list, table and card.
    private let cards: Fingerprint
    private let topics: Fingerprint
    /// Per page template: the names it and its partials use, and their text's fingerprint.
    private let dependencies: [String: TemplateDependencies]

    init(site: Site, links: SiteLinks, dependencies: [String: TemplateDependencies]) {
        self.site = site
        self.dependencies = dependencies
        cards = Self.cards(site)
        var topics = Fingerprint()
        for topic in site.topics {
            topics.add(topic.slug)
            topics.add(topic.name)
            topics.add(topic.certifications.count)
            topics.add(topic.faqs.count)
        }
        self.topics = topics
        shared = Self.shared(site, links: links, cards: cards)
    }

    private static func cards(_ site: Site) -> Fingerprint {
        var cards = Fingerprint()
        for page in site.certifications { cards.add(page.entry.frontMatterFingerprint) }
        return cards
    }

    private static func shared(_ site: Site, links: SiteLinks, cards: Fingerprint) -> [(name: String, inputs: Fingerprint)] {
        var siteWide = Fingerprint()
        siteWide.add(site.lastVerified?.description ?? "")
        // The footer names the first sources and counts the others.
        let sources = site.sources
        siteWide.add(sources.count)
        for source in sources.prefix(SharedContext.footerSources) {
            siteWide.add(source.title)
            siteWide.add(source.url ?? "")
        }
        var manifest = Fingerprint(), assets = Fingerprint()
        manifest.add(links.searchManifest)
        for (name, url) in links.assets.sorted(by: { $0.key < $1.key }) {
            assets.add(name)
            assets.add(url)
        }
        return [
            ("assets", assets), ("certification_count", Fingerprint(String(site.certifications.count))),
            ("faq_count", Fingerprint(String(site.faqs.count))),
            ("filters", cards), ("levels", cards), ("search_manifest", manifest), ("site", siteWide),
        ]
    }

    /// Of everything `SharedContext` is made from: while it holds, the context is reused.
    static func sharedContextInputs(_ site: Site, links: SiteLinks) -> Fingerprint {
        var inputs = site.fingerprint
        for (name, value) in shared(site, links: links, cards: cards(site)) {
            inputs.add(name)
            inputs.add(value)
        }
        return inputs
    }

    /// The pages whose fingerprint takes in the body of `entry` (the page of a certification,
    /// question or page): what an edit of that body alone renders again.
    public static func pages(showingBodyOf entry: PageKind) -> [PageKind] {
        switch entry {
        case .faq: [entry, .faqIndex]
        case .page: [entry, .home]
        default: [entry]
        }
    }

    func fingerprint(_ kind: PageKind) -> Fingerprint {
        var inputs = site.fingerprint
        // Every page kind's template is a required page, so it is in `dependencies`.
        let template = dependencies[kind.template]!
        inputs.add(template.fingerprint)
        for (name, value) in shared where template.names.contains(name) {
            inputs.add(name)
            inputs.add(value)
        }
        let certifications = site.certifications, faqs = site.faqs, pages = site.pages
        switch kind {
        case .certifications, .search, .notFound:
            break
        case .home:
            for faq in faqs.prefix(6) { inputs.add(faq.entry.frontMatterFingerprint) }
            for page in pages { inputs.add(page.entry, body: true) }
        case .compare:
            inputs.add(cards)
        case .faqIndex:
            // Every question with its answer and the cards of the certifications it names.
            inputs.add(topics)
            for faq in faqs {
                inputs.add(faq.entry, body: true)
                for certification in faq.related { inputs.add(certifications[certification].entry.frontMatterFingerprint) }
            }
        case .topics:
            inputs.add(topics)
        case .alphabetical:
            // The A–Z list: what it shows of each entry, not all its facts, so that editing a
            // cost does not render a list of 10,000 titles again.
            for page in certifications {
                inputs.add(page.entry.frontMatter.title)
                inputs.add(page.entry.frontMatter.abbreviation ?? "")
                inputs.add(page.url)
            }
            for page in faqs {
                inputs.add(page.entry.frontMatter.question)
                inputs.add(page.url)
            }
            for page in pages {
                inputs.add(page.entry.frontMatter.title)
                inputs.add(page.url)
            }
        case .sources:
            for citation in site.citations {
                inputs.add(citation.source.title)
                inputs.add(citation.source.url ?? "")
                inputs.add(citation.source.kind?.rawValue ?? "")
                for entry in citation.citedBy {
                    inputs.add(entry.title)
                    inputs.add(entry.url)
                }
                inputs.add("|")
            }
        case .certification(let index):
            let page = certifications[index]
            inputs.add(page.entry, body: true)
            inputs.add(topics)
            for other in page.similar { inputs.add(certifications[other].entry.frontMatterFingerprint) }
            for faq in page.relatedFAQs { inputs.add(faqs[faq].entry.frontMatterFingerprint) }
        case .faq(let index):
            let page = faqs[index]
            inputs.add(page.entry, body: true)
            inputs.add(topics)
            for certification in page.related { inputs.add(certifications[certification].entry.frontMatterFingerprint) }
            for other in faqs.prefix(13) { inputs.add(other.entry.frontMatterFingerprint) }
        case .page(let index):
            inputs.add(pages[index].entry, body: true)
        case .topic(let index):
            let topic = site.topics[index]
            inputs.add(topic.slug)
            inputs.add(topic.name)
            for member in topic.certifications { inputs.add(certifications[member].entry.frontMatterFingerprint) }
            for member in topic.faqs { inputs.add(faqs[member].entry.frontMatterFingerprint) }
        }
        return inputs
    }
}

extension Fingerprint {
    /// An entry's facts, and with `body` its Markdown too.
    mutating func add<Front>(_ entry: Entry<Front>, body: Bool = false) {
        add(entry.frontMatterFingerprint)
        if body { add(entry.bodyFingerprint) }
    }
}
