import GuideContent
import GuideSupport

/// The filters of the search page and the value lists documents point into by number.
struct SearchFacets {
    struct Facet {
        var id: String
        var name: String
        /// `(slug, name)`, in display order; a document stores the position.
        var values: [(slug: String, name: String)]
        /// Positions by slug: a guide may name hundreds of issuers, looked up once a page.
        private let positions: [String: Int]

        init(id: String, name: String, values: [(slug: String, name: String)]) {
            self.id = id
            self.name = name
            self.values = values
            positions = Dictionary(values.enumerated().map { ($0.element.slug, $0.offset) }) { first, _ in first }
        }

        func position(_ slug: String?) -> Int {
            guard let slug else { return -1 }
            return positions[slug] ?? -1
        }
    }

    static let costBands = [("free", "Free"), ("under-200", "Under $200"), ("200-500", "$200 to $499"),
                            ("over-500", "$500 or more"), ("unknown", "Not published")]

    let kind, level, setting, issuer, cost: Facet

    init(_ documents: [SearchDocument]) {
        let pages = documents.filter { $0.parent == nil }
        kind = Facet(id: "kind", name: "Kind", values: SearchDocument.Kind.allCases.filter { kind in pages.contains { $0.kind == kind } }
            .map { ($0.slug, $0.name) })
        level = Facet(id: "level", name: "Level", values: Level.allCases.filter { level in pages.contains { $0.level == level } }
            .map { ($0.rawValue, $0.title) })
        setting = Facet(id: "setting", name: "Setting", values: Setting.allCases.filter { setting in pages.contains { $0.settings.contains(setting) } }
            .map { ($0.rawValue, $0.title) })
        let issuers = Set(pages.compactMap(\.issuer)).sorted { $0.lowercased() < $1.lowercased() }
        issuer = Facet(id: "issuer", name: "Issuer", values: issuers.map { (Slug.make($0), $0) })
        cost = Facet(id: "cost", name: "Cost", values: Self.costBands.filter { band in pages.contains { $0.costBand == band.0 } })
    }

    var all: [Facet] { [kind, level, setting, issuer, cost] }
}
