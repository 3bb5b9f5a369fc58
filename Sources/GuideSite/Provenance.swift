import GuideContent

/// Where each fact of a certification comes from and what qualifies it, as readers see it:
/// the sources each fact cites, the facts each source supports, and the cautions.
public struct Provenance: Sendable {
    public struct CitedSource: Sendable {
        /// Its number in the source list, counting from 1, as facts cite it.
        public var number: Int
        public var link: SourceLink
        /// The facts that cite it, in the facts box's order.
        public var facts: [Fact]

        public var title: String { link.title }
    }

    public var sources: [CitedSource]
    /// The numbers each fact cites, ascending.
    public var citations: [Fact: [Int]]
    /// Cautions shown beside their fact.
    public var cautions: [Fact: [String]]
    /// Cautions about the whole entry, or about a fact the page shows no row for, shown above
    /// the facts so that nobody reads a figure before the doubt about it.
    public var generalCautions: [String]

    /// Facts the facts box shows a row for even when the entry does not state them ("Cost:
    /// not published"); a caution on any other fact the entry leaves out has no row to sit in.
    public static let alwaysShown: Set<Fact> = [.issuer, .cost, .durationMonths, .eligibility]

    public init(_ front: CertificationFrontMatter) {
        let links = front.sources ?? []
        var cited: [Fact: Set<Int>] = [:]
        for citation in front.citations {
            cited[citation.fact, default: []].formUnion(citation.references.items.compactMap { SourceReferences.index(of: $0, in: links) })
        }
        // The issuer's own page is what confirms who issues the credential.
        cited[.issuer] = Set(links.indices.filter { links[$0].kind == .issuer })
        let citations = cited.filter { !$0.value.isEmpty }.mapValues { $0.sorted().map { $0 + 1 } }
        sources = links.enumerated().map { index, link in
            CitedSource(number: index + 1, link: link, facts: Fact.allCases.filter { citations[$0]?.contains(index + 1) == true })
        }
        self.citations = citations
        var cautions: [Fact: [String]] = [:]
        var general: [String] = []
        for caution in front.cautions ?? [] {
            if let fact = caution.fact, front.states(fact) || Self.alwaysShown.contains(fact) {
                cautions[fact, default: []].append(caution.text)
            } else {
                general.append(caution.text)
            }
        }
        self.cautions = cautions
        generalCautions = general
    }

    /// The kinds of the sources a fact cites; empty when it cites none.
    public func kinds(citedBy fact: Fact) -> [SourceKind?] {
        (citations[fact] ?? []).map { sources[$0 - 1].link.kind }
    }
}
