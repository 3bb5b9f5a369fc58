/// The documents of a site's search index: every certification, question and page, then each
/// of their `h2` sections. Drafts never reach the `Site`, so they are never searchable.
enum SearchDocuments {
    /// A section's excerpt: its first sentences, cut at a word. The text of every document is
    /// most of the index's bytes, and two short lines are enough to tell sections apart.
    static let excerptLength = 120

    static func collect(from site: Site) -> [SearchDocument] {
        var documents: [SearchDocument] = []
        for page in site.certifications {
            let front = page.entry.frontMatter
            var facts = [front.cost.map(Facts.cost), front.cost?.note, front.durationMonths.map(Facts.duration),
                         front.exam.map(Facts.exam), front.renewal.map(Facts.renewal)].compactMap { $0 }
            facts += front.eligibility ?? []
            let document = SearchDocument(
                url: page.url, title: front.title, parent: nil, kind: .certification, excerpt: front.summary,
                fields: [.title: front.title, .abbreviation: front.abbreviation ?? "", .issuer: front.issuer,
                         .topics: (front.topics ?? []).joined(separator: " "), .summary: front.summary,
                         .body: ([introduction(page.document)] + facts).joined(separator: "\n")],
                level: front.level, settings: front.settings ?? [], issuer: front.issuer, costBand: Facts.costBand(front.cost))
            add(document, sections: page.document, to: &documents)
        }
        for page in site.faqs {
            let front = page.entry.frontMatter
            let summary = page.document.excerpt()
            let document = SearchDocument(
                url: page.url, title: front.question, parent: nil, kind: .faq, excerpt: summary,
                fields: [.title: front.question, .topics: (front.topics ?? []).joined(separator: " "),
                         .body: introduction(page.document)],
                level: nil, settings: [], issuer: nil, costBand: nil)
            add(document, sections: page.document, to: &documents)
        }
        for page in site.pages {
            let front = page.entry.frontMatter
            let summary = front.summary ?? page.document.excerpt()
            let document = SearchDocument(
                url: page.url, title: front.title, parent: nil, kind: .page, excerpt: summary,
                fields: [.title: front.title, .summary: front.summary ?? "", .body: introduction(page.document)],
                level: nil, settings: [], issuer: nil, costBand: nil)
            add(document, sections: page.document, to: &documents)
        }
        return documents
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
            hit.excerpt = excerpt(section.text, limit: excerptLength)
            hit.fields = [.title: title, .headings: (subheadings[id] ?? []).joined(separator: "\n"), .body: section.text]
            documents.append(hit)
        }
    }

    /// `Excerpt.make`, reading bytes while the text is ASCII, which gives the same words: each
    /// character is one byte and whitespace is tab to carriage return or space. Cuts at the
    /// limit like it; text with other characters before the cut takes `Excerpt.make` itself.
    /// A large guide has thousands of sections, and this runs for each.
    static func excerpt(_ text: String, limit: Int) -> String {
        var result: [UInt8] = [], length = 0
        var bytes = text.utf8.makeIterator()
        var word: [UInt8] = []
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        // Adds `word`; false when it would pass the limit.
        func add() -> Bool {
            if length + word.count + 1 > limit { return false }
            length += result.isEmpty ? word.count : word.count + 1
            if !result.isEmpty { result.append(0x20) }
            result += word
            word.removeAll(keepingCapacity: true)
            return true
        }
        while let byte = bytes.next() {
            guard byte < 0x80 else { return Excerpt.make(from: text, limit: limit) }
            if !isSpace(byte) { word.append(byte); continue }
            if !word.isEmpty, !add() { return String(decoding: result, as: UTF8.self) + "…" }
        }
        if !word.isEmpty, !add() { return String(decoding: result, as: UTF8.self) + "…" }
        return String(decoding: result, as: UTF8.self)
    }

    /// The text before the first `h2`; the sections carry the rest.
    private static func introduction(_ document: MarkdownDocument) -> String {
        document.sections.first { $0.id == nil }?.text ?? ""
    }
}
