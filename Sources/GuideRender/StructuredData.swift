import GuideSite
import GuideSupport

/// schema.org JSON-LD for search engines, built from front matter.
struct StructuredData {
    let site: Site

    func certification(_ index: Int) -> String {
        let page = site.certifications[index]
        let front = page.entry.frontMatter
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "EducationalOccupationalCredential",
            "name": front.title,
            "description": front.summary,
            "url": site.absoluteURL(page.url),
            "credentialCategory": "certification",
            "educationalLevel": front.level.title,
            "recognizedBy": ["@type": "Organization", "name": front.issuer],
            "dateModified": front.verified.description,
        ]
        if let abbreviation = front.abbreviation { object["alternateName"] = abbreviation }
        // schema.org has no property for which claim a citation backs: `about` names the facts.
        let sources = page.provenance.sources
        if !sources.isEmpty {
            object["citation"] = sources.map { source -> [String: Any] in
                var work: [String: Any] = ["@type": "CreativeWork", "name": source.title]
                if let url = source.link.url { work["url"] = url }
                if let kind = source.link.kind { work["genre"] = kind.rawValue }
                if !source.facts.isEmpty { work["about"] = source.facts.map(\.rawValue) }
                return work
            }
        }
        if let topics = front.topics, !topics.isEmpty { object["about"] = topics.map { ["@type": "Thing", "name": $0] } }
        if let eligibility = front.eligibility, !eligibility.isEmpty { object["competencyRequired"] = eligibility }
        if let years = front.renewal?.everyYears { object["validFor"] = "P\(Facts.number(years))Y" }
        if let months = front.durationMonths { object["timeRequired"] = "P\(Facts.number(months.max ?? months.min))M" }
        if let cost = front.cost {
            var offer: [String: Any] = ["@type": "Offer", "priceCurrency": cost.currency ?? "USD", "category": "exam fee"]
            if let max = cost.max, max != cost.min {
                offer["priceSpecification"] = ["@type": "PriceSpecification", "minPrice": cost.min,
                                               "maxPrice": max, "priceCurrency": cost.currency ?? "USD"]
            } else {
                offer["price"] = cost.min
            }
            object["offers"] = offer
        }
        return JSONWriter.encode(object)
    }

    func faqPage(_ indices: [Int]) -> String {
        JSONWriter.encode([
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "mainEntity": indices.map { index -> [String: Any] in
                let faq = site.faqs[index]
                return [
                    "@type": "Question",
                    "name": faq.entry.frontMatter.question,
                    "url": site.absoluteURL(faq.url),
                    "acceptedAnswer": ["@type": "Answer", "text": faq.document.plainText],
                ]
            },
        ])
    }

    func website() -> String {
        JSONWriter.encode([
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": site.config.title,
            "description": site.config.description,
            "url": site.absoluteURL("/"),
            "inLanguage": site.config.language ?? "en",
        ])
    }
}
