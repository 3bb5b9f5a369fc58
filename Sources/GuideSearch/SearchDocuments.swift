import GuideMarkdown
import GuideSite

/// The documents of a site's search index: every certification, question and page, then each
/// of their `h2` sections. Drafts never reach the `Site`, so they are never searchable.
enum SearchDocuments {
    /// A section's (or question's) first sentences, as three passages of up to 120 characters;
    /// the search shows the first with a matched word. Of the top 5 results of the 37 relevance
    /// queries, those whose title and excerpt showed none of the words they matched: 46 of 160
    /// with one excerpt of 120 characters (index format 5), 17 with these passages, 15 with
    /// three of 150, 23 with two of 150. Text files at 1,000 generated certifications,
    /// gzipped: 0.57, 1.05, 1.21 and 0.91 KB a page; each result shown fetches one.
    static let passageLength = 120, passageCount = 3

    static func collect(from site: Site) -> [SearchDocument] {
        collect(from: site, entries: 0..<entryCount(site))
    }

    /// Entries in the index's order: certifications, then questions, then pages.
    static func entryCount(_ site: Site) -> Int {
        site.certifications.count + site.faqs.count + site.pages.count
    }

    /// The documents of `entries` (numbered as `entryCount` counts them), parents counted from
    /// the first document returned.
    static func collect(from site: Site, entries: Range<Int>) -> [SearchDocument] {
        var documents: [SearchDocument] = []
        let certifications = site.certifications.count, faqs = site.faqs.count
        for entry in entries {
            if entry < certifications {
                add(site.certifications[entry], to: &documents)
            } else if entry < certifications + faqs {
                add(site.faqs[entry - certifications], to: &documents)
            } else {
                add(site.pages[entry - certifications - faqs], to: &documents)
            }
        }
        return documents
    }

    private static func add(_ page: Site.CertificationPage, to documents: inout [SearchDocument]) {
        let front = page.entry.frontMatter
        var facts = [front.cost.map(Facts.cost), front.cost?.note, front.durationMonths.map(Facts.duration),
                     front.exam.map(Facts.exam), front.renewal.map(Facts.renewal)].compactMap { $0 }
        facts += front.eligibility ?? []
        // A reader who searches "unconfirmed" or a disputed figure finds the caution.
        facts += (front.cautions ?? []).map(\.text)
        // Titled as on the page and its cards, "Certified Library Technician (CLT)": a
        // reader who searched "CLT" sees it marked.
        let title = front.abbreviation.map { "\(front.title) (\($0))" } ?? front.title
        let document = SearchDocument(
            // A caution that matched shows as the excerpt: the reader sees why it came up.
            url: page.url, title: title, parent: nil, kind: .certification, passages: [front.summary] + (front.cautions ?? []).map(\.text),
            fields: [.title: front.title, .abbreviation: front.abbreviation ?? "", .issuer: front.issuer,
                     .topics: (front.topics ?? []).joined(separator: " "), .summary: front.summary,
                     .body: ([introduction(page.document)] + facts).joined(separator: "\n")],
            level: front.level, settings: front.settings ?? [], issuer: front.issuer, costBand: Facts.costBand(front.cost))
        add(document, sections: page.document, to: &documents)
    }

    private static func add(_ page: Site.FAQPage, to documents: inout [SearchDocument]) {
        let front = page.entry.frontMatter
        let document = SearchDocument(
            url: page.url, title: front.question, parent: nil, kind: .faq, passages: passages(page.document.text),
            fields: [.title: front.question, .topics: (front.topics ?? []).joined(separator: " "),
                     .body: introduction(page.document)],
            level: nil, settings: [], issuer: nil, costBand: nil)
        add(document, sections: page.document, to: &documents)
    }

    private static func add(_ page: Site.FreePage, to documents: inout [SearchDocument]) {
        let front = page.entry.frontMatter
        let document = SearchDocument(
            url: page.url, title: front.title, parent: nil, kind: .page, passages: front.summary.map { [$0] } ?? passages(page.document.text),
            fields: [.title: front.title, .summary: front.summary ?? "", .body: introduction(page.document)],
            level: nil, settings: [], issuer: nil, costBand: nil)
        add(document, sections: page.document, to: &documents)
    }

    /// Appends the page, then one document per `h2` section that inherits the page's facets.
    /// The search box lets a section borrow the words of its page ("CLT renewal"), so the page's
    /// title is not repeated in each section.
    private static func add(_ page: SearchDocument, sections document: MarkdownDocument, to documents: inout [SearchDocument]) {
        let parent = documents.count
        documents.append(page)
        // The `###` (and deeper) headings under each `##`, by the section's id.
        var subheadings: [String: [String]] = [:]
        var current: String?
        for heading in document.headings {
            if heading.level == 2 { current = heading.id } else if let current, heading.level > 2 { subheadings[current, default: []].append(heading.text) }
        }
        for section in document.sections {
            guard let id = section.id, let title = section.title else { continue }
            var hit = page
            hit.url = page.url + "#" + id
            hit.title = title
            hit.parent = parent
            hit.passages = passages(section.text)
            hit.fields = [.title: title, .headings: (subheadings[id] ?? []).joined(separator: "\n"), .body: section.text]
            documents.append(hit)
        }
    }

    private static func passages(_ text: String) -> [String] {
        Passages.make(text, length: passageLength, count: passageCount)
    }

    /// The text before the first `h2`; the sections carry the rest.
    private static func introduction(_ document: MarkdownDocument) -> String {
        document.sections.first { $0.id == nil }?.text ?? ""
    }
}
