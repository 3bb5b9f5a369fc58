import GuideSite
import GuideSupport

/// The machine-readable files: sitemap, Atom feed, robots.txt, open data, alias redirects.
struct Feeds {
    let site: Site

    func sitemap(urls: [String]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let modified = Dictionary(
            site.certifications.map { ($0.url, $0.entry.frontMatter.verified) }
                + site.faqs.compactMap { faq in faq.entry.frontMatter.verified.map { (faq.url, $0) } }
                + site.pages.compactMap { page in page.entry.frontMatter.verified.map { (page.url, $0) } },
            uniquingKeysWith: { a, _ in a })
        for url in urls.sorted() {
            xml += "  <url><loc>\(XML.escape(site.absoluteURL(url)))</loc>"
            if let day = modified[url] { xml += "<lastmod>\(day)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// Atom feed of certifications, newest `verified` first: readers follow it to hear when facts change.
    func atom() -> String {
        let entries = site.certifications.sorted {
            ($0.entry.frontMatter.verified, $1.entry.slug) > ($1.entry.frontMatter.verified, $0.entry.slug)
        }
        let updated = site.lastVerified.map { "\($0)T00:00:00Z" } ?? "1970-01-01T00:00:00Z"
        let head = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(site.config.language ?? "en"))">
          <title>\(XML.escape(site.config.title))</title>
          <subtitle>\(XML.escape(site.config.description))</subtitle>
          <link href="\(XML.escape(site.absoluteURL(SiteURL.feed)))" rel="self" type="application/atom+xml"/>
          <link href="\(XML.escape(site.absoluteURL("/")))"/>
          <id>\(XML.escape(site.absoluteURL("/")))</id>
          <updated>\(updated)</updated>

        """
        // Each entry written on its own, on every core.
        let written = entries.parallelMap { page in
            let front = page.entry.frontMatter
            let url = XML.escape(site.absoluteURL(page.url))
            return """
              <entry>
                <title>\(XML.escape(front.title))</title>
                <link href="\(url)"/>
                <id>\(url)</id>
                <updated>\(front.verified)T00:00:00Z</updated>
                <author><name>\(XML.escape(front.issuer))</name></author>
                <summary>\(XML.escape(front.summary))</summary>
              </entry>

            """
        }
        return head + written.joined() + "</feed>\n"
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(site.absoluteURL(SiteURL.sitemap))\n"
    }

    /// `/api/certifications.json`: every certification's facts, for anyone to reuse.
    func openData() -> String {
        // Each certification written on its own, on every core: 10,000 took most of a second.
        let items = site.certifications.parallelMap { page in JSONWriter.Written(text: JSONWriter.encode(openData(page), pretty: true, depth: 2)) }
        return JSONWriter.encode([
            "title": site.config.title,
            "url": site.absoluteURL("/"),
            "certifications": items,
        ], pretty: true) + "\n"
    }

    private func openData(_ page: Site.CertificationPage) -> [String: Any] {
        let front = page.entry.frontMatter
        var item: [String: Any] = [
            "slug": page.entry.slug, "url": site.absoluteURL(page.url), "title": front.title,
            "issuer": front.issuer, "summary": front.summary, "level": front.level.rawValue,
            "settings": (front.settings ?? []).map(\.rawValue), "topics": front.topics ?? [],
            "eligibility": front.eligibility ?? [], "verified": front.verified.description,
            "sources": page.provenance.sources.map { source -> [String: Any] in
                var value: [String: Any] = ["number": source.number, "title": source.title,
                                            "supports": source.facts.map(\.rawValue)]
                if let url = source.link.url { value["url"] = url }
                if let kind = source.link.kind { value["kind"] = kind.rawValue }
                return value
            },
            "cautions": (front.cautions ?? []).map { caution -> [String: Any] in
                var value: [String: Any] = ["text": caution.text]
                if let fact = caution.fact { value["fact"] = fact.rawValue }
                return value
            },
        ]
        if let abbreviation = front.abbreviation { item["abbreviation"] = abbreviation }
        if let cost = front.cost {
            var value: [String: Any] = ["min": cost.min, "max": cost.max ?? cost.min,
                                        "currency": cost.currency ?? "USD"]
            if let note = cost.note { value["note"] = note }
            item["cost"] = value
        }
        if let months = front.durationMonths {
            item["duration_months"] = ["min": months.min, "max": months.max ?? months.min]
        }
        if let exam = front.exam {
            var value: [String: Any] = [:]
            if let format = exam.format { value["format"] = format }
            if let questions = exam.questions { value["questions"] = questions }
            if let score = exam.passingScorePercent { value["passing_score_percent"] = score }
            if let minutes = exam.lengthMinutes { value["length_minutes"] = minutes }
            item["exam"] = value
        }
        if let renewal = front.renewal {
            var value: [String: Any] = [:]
            if let years = renewal.everyYears { value["every_years"] = years }
            if let by = renewal.by { value["by"] = by }
            item["renewal"] = value
        }
        return item
    }

    /// A page at an old URL that sends readers and crawlers to the entry's current one.
    func redirect(to url: String, title: String) -> String {
        let target = HTML.escape(site.absoluteURL(url))
        return """
        <!doctype html>
        <html lang="\(HTML.escape(site.config.language ?? "en"))">
        <head>
        <meta charset="utf-8">
        <title>Moved: \(HTML.escape(title))</title>
        <meta name="robots" content="noindex">
        <link rel="canonical" href="\(target)">
        <meta http-equiv="refresh" content="0; url=\(HTML.escape(url))">
        </head>
        <body>
        <p>This page has moved to <a href="\(HTML.escape(url))">\(HTML.escape(title))</a>.</p>
        </body>
        </html>

        """
    }
}

enum XML {
    static func escape(_ text: String) -> String { HTML.escape(text) }
}
