import GuideContent

/// Facts whose `source:` names only articles (secondary writing) while no caution beside the
/// fact tells readers that nobody closer to the credential confirms it.
struct ArticleOnlyFactCheck: SiteCheck {
    func run(_ context: CheckContext) -> [CheckFinding] {
        context.entries.flatMap { entry -> [CheckFinding] in
            guard let front = entry.certification else { return [] }
            let sources = front.sources ?? []
            let cautioned = Set((front.cautions ?? []).compactMap(\.fact))
            return front.citations.compactMap { fact, path, references in
                let cited = references.items.compactMap { SourceReferences.index(of: $0, in: sources) }
                guard !cited.isEmpty, !cautioned.contains(fact), cited.allSatisfy({ sources[$0].kind == .article }) else { return nil }
                let numbers = cited.map { String($0 + 1) }.joined(separator: ", ")
                return CheckFinding(.articleOnlyFact, entry.displayPath, entry.location(of: path),
                    "`\(fact.rawValue)` cites only an article (source \(numbers)); cite the issuer's page for it too, "
                        + "or tell readers in a caution: `cautions: [{ fact: \(fact.rawValue), text: … }]`")
            }
        }
    }
}
