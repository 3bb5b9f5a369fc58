import GuideSite
import GuideSupport

/// One HTML page to render: which template, at which URL, with which context.
struct PageSpec: Sendable {
    var template: String
    var url: String
    var context: Record
}

/// Builds the context of every HTML page. The variables are listed in `Templates/README.md`;
/// a change here is a change there.
struct PageContexts {
    let site: Site
    let records: EntryRecords
    let data: StructuredData
    /// What every page's context shares, built once (and kept between builds while the facts
    /// hold): on a guide of 10,000 certifications, building the level groups per page was
    /// 10,000 × 10,000 card records.
    private let shared: SharedContext
    init(site: Site, shared: SharedContext) {
        self.site = site
        var records = EntryRecords(site: site, cards: shared.cards)
        records.topicLinks = Dictionary(site.topics.map { ($0.slug, records.makeTopicLink($0)) }) { first, _ in first }
        self.records = records
        self.data = StructuredData(site: site)
        self.shared = shared
    }

    func spec(_ kind: PageKind) -> PageSpec {
        switch kind {
        case .home: home()
        case .certifications: certificationIndex()
        case .compare: compare()
        case .faqIndex: faqIndex()
        case .topics: topicIndex()
        case .search: search()
        case .alphabetical: alphabetical()
        case .sources: sources()
        case .notFound: notFound()
        case .certification(let index): certification(index)
        case .faq(let index): faq(index)
        case .page(let index): page(index)
        case .topic(let index): topic(index)
        }
    }

    private func context(
        template: String, url: String, title: String, description: String,
        crumbs: [(String, String)] = [], jsonLD: String? = nil, ogType: String = "website", extra: [String: Any]
    ) -> PageSpec {
        var values: [String: Any] = [
            "nav": (site.config.nav ?? []).map {
                Record(["title": $0.title, "url": $0.url, "current": $0.url == url || (url.hasPrefix($0.url) && $0.url != "/")])
            },
            "page": Record([
                "title": title,
                "head_title": url == SiteURL.home ? site.config.title : "\(title) · \(site.config.title)",
                "description": description,
                "url": url,
                "canonical": site.absoluteURL(url),
                "kind": template,
                "og_type": ogType,
                "breadcrumbs": crumbs.isEmpty ? false : Record(["items": ([("Home", SiteURL.home)] + crumbs).enumerated().map { index, crumb in
                    Record(["title": crumb.0, "url": crumb.1, "last": index == crumbs.count])
                }]),
            ]),
            "json_ld": jsonLD ?? false,
        ]
        values.merge(extra) { _, new in new }
        return PageSpec(template: template, url: url, context: Record(values))
    }

    private func home() -> PageSpec {
        context(template: "home", url: SiteURL.home, title: site.config.title, description: site.config.description,
                jsonLD: data.website(), extra: [
                    "faqs": site.faqs.indices.prefix(6).map(records.faqLink),
                    "pages": site.pages.indices.map(records.page),
                ])
    }

    private func certificationIndex() -> PageSpec {
        context(template: "certifications", url: SiteURL.certifications, title: "All certifications",
                description: "Every certification in the guide, by level, with issuer, cost and time to complete.",
                crumbs: [("Certifications", SiteURL.certifications)], extra: [:])
    }

    private func certification(_ index: Int) -> PageSpec {
        let page = site.certifications[index]
        let front = page.entry.frontMatter
        return context(template: "certification", url: page.url, title: front.title, description: front.summary,
                       crumbs: [("Certifications", SiteURL.certifications), (front.abbreviation ?? front.title, page.url)],
                       jsonLD: data.certification(index), ogType: "article",
                       extra: ["certification": records.certification(index)])
    }

    private func compare() -> PageSpec {
        context(template: "compare", url: SiteURL.compare, title: "Compare certifications",
                description: "Cost, time to complete, exam, eligibility and renewal of every certification in one table.",
                crumbs: [("Compare", SiteURL.compare)],
                extra: ["rows": shared.cards.all, "chart": chart()])
    }

    /// `false` when no certification publishes both a cost and a time to complete.
    private func chart() -> Any {
        let chart = CostChart(items: site.certifications.map { page in
            let front = page.entry.frontMatter
            return CostChart.Item(title: front.title, label: front.abbreviation, url: page.url,
                                  cost: front.cost, duration: front.durationMonths)
        })
        guard !chart.points.isEmpty else { return false }
        return Record([
            "svg": chart.svg,
            "currency": chart.currency,
            "count": chart.points.count,
            "points": chart.points.map { point in
                Record(["title": point.item.title, "url": point.item.url, "label": point.item.label,
                        "cost": point.item.cost.map(Facts.cost) ?? false, "duration": point.item.duration.map(Facts.duration) ?? false])
            },
            "left_out": chart.leftOut.isEmpty ? false : Record(["items": chart.leftOut.map {
                Record(["title": $0.item.title, "url": $0.item.url, "reason": $0.reason])
            }]),
        ])
    }

    private func faqIndex() -> PageSpec {
        var groups: [(String, [Int])] = []
        for (index, faq) in site.faqs.enumerated() {
            let name = site.topics.first { $0.slug == faq.topicSlugs.first }?.name ?? "General"
            if let position = groups.firstIndex(where: { $0.0 == name }) { groups[position].1.append(index) } else { groups.append((name, [index])) }
        }
        return context(template: "faq-index", url: SiteURL.faqIndex, title: "Frequently asked questions",
                       description: "Answers to the questions library staff ask most about certification: time, cost, exams and careers.",
                       crumbs: [("FAQ", SiteURL.faqIndex)], jsonLD: data.faqPage(Array(site.faqs.indices)),
                       extra: ["groups": groups.map { name, members in
                           Record(["name": name, "slug": Slug.make(name), "questions": members.map(records.faq)])
                       }])
    }

    private func faq(_ index: Int) -> PageSpec {
        let page = site.faqs[index]
        let record = records.faq(index)
        return context(template: "faq", url: page.url, title: page.entry.frontMatter.question,
                       description: record["summary"] as? String ?? "", crumbs: [("FAQ", SiteURL.faqIndex), ("Question", page.url)],
                       jsonLD: data.faqPage([index]), ogType: "article",
                       extra: ["faq": record, "other_questions": site.faqs.indices.filter { $0 != index }.prefix(12).map(records.faqLink)])
    }

    private func page(_ index: Int) -> PageSpec {
        let page = site.pages[index]
        let record = records.page(index)
        return context(template: "page", url: page.url, title: page.entry.frontMatter.title,
                       description: record["summary"] as? String ?? "", crumbs: [(page.entry.frontMatter.title, page.url)],
                       ogType: "article", extra: ["entry": record])
    }

    private func topicIndex() -> PageSpec {
        context(template: "topics", url: SiteURL.topics, title: "Topics",
                description: "Browse certifications and questions by subject.", crumbs: [("Topics", SiteURL.topics)],
                extra: ["topics": site.topics.compactMap { records.topicLink($0.slug) }])
    }

    private func topic(_ index: Int) -> PageSpec {
        let topic = site.topics[index]
        return context(template: "topic", url: topic.url, title: topic.name,
                       description: "Certifications and questions about \(topic.name).",
                       crumbs: [("Topics", SiteURL.topics), (topic.name, topic.url)],
                       extra: ["topic": Record([
                           "name": topic.name, "slug": topic.slug, "url": topic.url,
                           "certifications": topic.certifications.map(records.card),
                           "faqs": topic.faqs.map(records.faqLink),
                       ])])
    }

    private func search() -> PageSpec {
        context(template: "search", url: SiteURL.search, title: "Search",
                description: "Search every certification, question and page of the guide.",
                crumbs: [("Search", SiteURL.search)], extra: [:])
    }

    /// Its own page rather than part of the search page: at 1,000 certifications the list made
    /// the search page 148 KB, and Chromium ran its script some 300 ms later.
    private func alphabetical() -> PageSpec {
        context(template: "a-z", url: SiteURL.alphabetical, title: "A–Z",
                description: "Every certification, question and page of the guide, from A to Z.",
                crumbs: [("A–Z", SiteURL.alphabetical)], extra: ["az": AlphabeticalIndex(site: site).groups()])
    }

    private func sources() -> PageSpec {
        let citations = site.citations
        return context(template: "sources", url: SiteURL.sources, title: "Sources",
                       description: "Where the guide's facts come from, with the certifications, questions and pages that rely on each source.",
                       crumbs: [("Sources", SiteURL.sources)], extra: ["sources": citations.isEmpty ? false : Record(["items": citations.map { citation in
                           Record(["title": citation.source.title, "url": citation.source.url ?? false,
                                   "kind": EntryRecords.kind(citation.source.kind),
                                   "cited_by": citation.citedBy.map { Record(["title": $0.title, "url": $0.url]) }])
                       }])])
    }

    private func notFound() -> PageSpec {
        context(template: "404", url: "/404.html", title: "Page not found",
                description: "This page does not exist. Find a certification or question from here.", extra: [:])
    }
}
