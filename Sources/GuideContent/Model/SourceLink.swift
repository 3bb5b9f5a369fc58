/// Where an entry's facts come from.
public struct SourceLink: Codable, Sendable, Hashable {
    public var title: String
    public var url: String?

    static let schema = KeySchema.mapping(["title": .text, "url": .webAddress], required: ["title"])
}
