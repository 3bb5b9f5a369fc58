/// The front matter of `Content/faq/*.md`.
public struct FAQFrontMatter: Codable, Sendable {
    public var question: String
    public var order: Int?
    public var topics: [String]?
    /// Slugs of certifications the answer is about.
    public var related: [String]?
    public var verified: Day?
    public var sources: [SourceLink]?
    public var draft: Bool?
    public var aliases: [String]?

    static let schema = KeySchema.mapping([
        "question": .value, "order": .value, "topics": .list(of: .value), "related": .list(of: .value),
        "verified": .value, "sources": .list(of: SourceLink.schema), "draft": .value, "aliases": .list(of: .value),
    ], required: ["question"])
}
