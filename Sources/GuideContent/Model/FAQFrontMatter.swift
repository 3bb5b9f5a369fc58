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

    public static let schema = KeySchema.mapping([
        "question": .text, "order": .integer, "topics": .list(of: .text), "related": .list(of: .text),
        "verified": .date, "sources": .list(of: SourceLink.schema), "draft": .flag, "aliases": .list(of: .text),
    ], required: ["question"])
}
