import GuideContent
import GuideMarkdown
import GuideSite

/// Template records for entries. Optional facts are present as `false` when absent, so a
/// template can test `{{#cost}}` while a misspelt name is still reported as missing.
struct EntryRecords {
    let site: Site
    /// Cards made already, by certification: a guide of 10,000 shows each in many lists.
    var cards: CardTable? = nil
    /// Topic chips by slug, made once for every page that shows them.
    var topicLinks: [String: Record]? = nil

    func card(_ index: Int) -> Record {
        cards?[index] ?? makeCard(index)
    }

    func makeCard(_ index: Int) -> Record {
        let page = site.certifications[index]
        let front = page.entry.frontMatter
        return Record([
            "slug": page.entry.slug,
            "url": page.url,
            "title": front.title,
            "abbreviation": front.abbreviation ?? false,
            "issuer": front.issuer,
            "summary": front.summary,
            "level": front.level.title,
            "level_slug": front.level.rawValue,
            "settings": (front.settings ?? []).map { Record(["name": $0.title, "slug": $0.rawValue]) },
            "settings_text": (front.settings ?? []).map(\.title).joined(separator: ", "),
            "settings_slugs": (front.settings ?? []).map(\.rawValue).joined(separator: " "),
            "cost": front.cost.map { cost in
                Record(["text": Facts.cost(cost), "note": cost.note ?? false, "band": Facts.costBand(cost),
                        "min": Facts.number(cost.min), "max": Facts.number(cost.max ?? cost.min), "currency": cost.currency ?? "USD"])
            } ?? false,
            "cost_band": Facts.costBand(front.cost),
            "duration": front.durationMonths.map {
                Record(["text": Facts.duration($0), "min": Facts.number($0.min), "max": Facts.number($0.max ?? $0.min)])
            } ?? false,
            "exam": front.exam.map { exam in
                Record(["text": Facts.exam(exam), "questions": exam.questions ?? false,
                        "passing_score_percent": exam.passingScorePercent.map(Facts.number) ?? false,
                        "length_minutes": exam.lengthMinutes ?? false, "format": (exam.format ?? []).joined(separator: ", ")])
            } ?? false,
            "eligibility": front.eligibility ?? [],
            "eligibility_short": front.eligibility?.first ?? false,
            "renewal": front.renewal.map { Record(["text": Facts.renewal($0)]) } ?? false,
            "verified": verified(front.verified),
            "notes": notes(page.provenance),
        ], shared: true)
    }

    /// Per fact (`notes.cost`), the sources it cites and the cautions beside it; and the
    /// cautions about the whole entry (`notes.general`), shown above the facts.
    private func notes(_ provenance: Provenance) -> Record {
        var values: [String: Any] = [:]
        for fact in Fact.allCases {
            let cites = (provenance.citations[fact] ?? []).map { number in
                Record(["number": number, "title": provenance.sources[number - 1].link.title])
            }
            let cautions = provenance.cautions[fact] ?? []
            values[fact.rawValue] = Record(["cites": cites, "cautions": cautions, "any": !cites.isEmpty || !cautions.isEmpty])
        }
        values["general"] = provenance.generalCautions.isEmpty ? false : Record(["items": provenance.generalCautions])
        return Record(values)
    }

    func certification(_ index: Int) -> Record {
        let page = site.certifications[index]
        let front = page.entry.frontMatter
        return card(index).adding([
            "topics": page.topicSlugs.compactMap(topicLink),
            "sources": sources(page.provenance.sources),
            "body_html": page.document.html,
            "toc": tableOfContents(page.document),
            "related_faqs": page.relatedFAQs.map(faqLink),
            "similar": page.similar.map(card),
            "feedback": FeedbackLinks(site: site).record(path: page.entry.path, title: front.title, url: page.url),
        ])
    }

    func faqLink(_ index: Int) -> Record {
        let page = site.faqs[index]
        return Record(["question": page.entry.frontMatter.question, "url": page.url, "slug": page.entry.slug])
    }

    func faq(_ index: Int) -> Record {
        let page = site.faqs[index]
        return faqLink(index).adding([
            "answer_html": page.document.html,
            "summary": page.document.excerpt(),
            "related": page.related.map(card),
            "topics": page.topicSlugs.compactMap(topicLink),
            "sources": sources(page.entry.frontMatter.sources),
            "verified": page.entry.frontMatter.verified.map(verified) ?? false,
            "toc": tableOfContents(page.document),
            "feedback": FeedbackLinks(site: site).record(path: page.entry.path, title: page.entry.frontMatter.question, url: page.url),
        ])
    }

    func page(_ index: Int) -> Record {
        let page = site.pages[index]
        let front = page.entry.frontMatter
        return Record([
            "title": front.title, "url": page.url, "slug": page.entry.slug,
            "summary": front.summary ?? page.document.excerpt(),
            "body_html": page.document.html,
            "toc": tableOfContents(page.document),
            "sources": sources(front.sources),
            "verified": front.verified.map(verified) ?? false,
            "feedback": FeedbackLinks(site: site).record(path: page.entry.path, title: front.title, url: page.url),
        ])
    }

    func topicLink(_ slug: String) -> Record? {
        if let topicLinks { return topicLinks[slug] }
        return makeTopicLink(slug)
    }

    func makeTopicLink(_ slug: String) -> Record? {
        site.topics.first(where: { $0.slug == slug }).map(makeTopicLink)
    }

    func makeTopicLink(_ topic: Site.Topic) -> Record {
        Record(["name": topic.name, "url": topic.url, "slug": topic.slug,
                "count": topic.certifications.count + topic.faqs.count], shared: true)
    }

    private func verified(_ day: Day) -> Record {
        Record(["date": day.description, "text": day.longDescription])
    }

    private func sources(_ links: [SourceLink]?) -> [Record] {
        (links ?? []).enumerated().map { source($0.element, number: $0.offset + 1, facts: []) }
    }

    private func sources(_ cited: [Provenance.CitedSource]) -> [Record] {
        cited.map { source($0.link, number: $0.number, facts: $0.facts) }
    }

    /// Numbered as facts cite it, with whose words it is and the facts it supports.
    private func source(_ link: SourceLink, number: Int, facts: [Fact]) -> Record {
        Record(["title": link.title, "url": link.url ?? false, "number": number,
                "kind": Self.kind(link.kind),
                "supports": facts.isEmpty ? false : facts.map(\.title).joined(separator: ", ")])
    }

    /// `{name, title}` of a source's kind ("issuer", "Issuer's page"), or `false`.
    static func kind(_ kind: SourceKind?) -> Any {
        kind.map { Record(["name": $0.rawValue, "title": $0.title]) } ?? false
    }

    /// `false` below three sections, so `{{#toc}}` shows nothing for short entries.
    private func tableOfContents(_ document: MarkdownDocument) -> Any {
        let headings = document.tableOfContents
        guard !headings.isEmpty else { return false }
        return Record(["items": headings.map { Record(["id": $0.id, "text": $0.text, "level": $0.level, "nested": $0.level > 2]) }])
    }
}
