/// The front matter of `Content/pages/*.md`.
public struct PageFrontMatter: Codable, Sendable {
    public var title: String
    public var order: Int?
    public var summary: String?
    public var verified: Day?
    public var sources: [SourceLink]?
    public var draft: Bool?
    public var aliases: [String]?

    public static let schema = KeySchema.mapping([
        "title": .text, "order": .integer, "summary": .text, "verified": .date,
        "sources": .list(of: SourceLink.schema), "draft": .flag, "aliases": .list(of: .text),
    ], required: ["title"])
}
