/// Where an entry's facts come from.
public struct SourceLink: Codable, Sendable, Hashable {
    public var title: String
    public var url: String?
    /// Whose words these are; readers weigh an issuer's own page above a career article.
    public var kind: SourceKind?
    /// A short name that facts may cite instead of the source's number (`source: fees`), so
    /// that reordering the list does not move a citation to another source.
    public var key: String?

    public init(title: String, url: String? = nil, kind: SourceKind? = nil, key: String? = nil) {
        (self.title, self.url, self.kind, self.key) = (title, url, kind, key)
    }

    static let schema = KeySchema.mapping([
        "title": .text, "url": .webAddress,
        "kind": .value(.word("source kind", SourceKind.allCases.map(\.rawValue))),
        "key": .value(.key),
    ], required: ["title"])
}

/// What a source is, as the reader should weigh it.
public enum SourceKind: String, Codable, Sendable, CaseIterable {
    /// The credential's own body: its handbook, fee page or exam page.
    case issuer
    /// An accrediting body, a government or an association page about the credential.
    case reference
    /// Secondary writing: a career article, a blog post.
    case article

    public init(from decoder: Decoder) throws {
        self = try decodeVocabularyWord(decoder, what: "source kind")
    }

    /// "Issuer's page", as the source list labels it.
    public var title: String {
        switch self {
        case .issuer: "Issuer's page"
        case .reference: "Reference"
        case .article: "Article"
        }
    }
}
