import GuideContent

/// Facts whose `source:` names only articles (secondary writing) while no caution beside the
/// fact tells readers that nobody closer to the credential confirms it.
struct ArticleOnlyFactCheck: SiteCheck {
    func run(_ context: CheckContext) -> [CheckFinding] {
        context.entries.flatMap { entry -> [CheckFinding] in
            guard let front = entry.certification else { return [] }
            let sources = front.sources ?? []
            let cautioned = Set((front.cautions ?? []).compactMap(\.fact))
            return citations(of: front).compactMap { fact, path, references in
                let cited = references.items.compactMap { SourceReferences.index(of: $0, in: sources) }
                guard !cited.isEmpty, !cautioned.contains(fact), cited.allSatisfy({ sources[$0].kind == .article }) else { return nil }
                let numbers = cited.map { String($0 + 1) }.joined(separator: ", ")
                return CheckFinding(.articleOnlyFact, entry.displayPath, entry.location(of: path),
                    "`\(fact.rawValue)` cites only an article (source \(numbers)); cite the issuer's page for it too, "
                        + "or tell readers in a caution: `cautions: [{ fact: \(fact.rawValue), text: … }]`")
            }
        }
    }

    /// Each `source:` of the entry with the fact it belongs to and where it is written.
    private func citations(of front: CertificationFrontMatter) -> [(Fact, String, SourceReferences)] {
        var found: [(Fact, String, SourceReferences)] = []
        let single: [(Fact, SourceReferences?)] = [(.cost, front.cost?.source), (.durationMonths, front.durationMonths?.source),
                                                   (.exam, front.exam?.source), (.renewal, front.renewal?.source)]
        for case let (fact, references?) in single { found.append((fact, "\(fact.rawValue).source", references)) }
        for (index, requirement) in (front.requirements ?? []).enumerated() {
            if let references = requirement.source { found.append((.eligibility, "eligibility[\(index)].source", references)) }
        }
        return found
    }
}
