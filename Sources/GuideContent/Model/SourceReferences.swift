/// The sources a fact cites: numbers as the source list shows them (`source: 2`, counting from
/// 1) or sources' `key`s (`source: fees`), one or a list (`source: [1, fees]`).
public struct SourceReferences: Codable, Sendable, Hashable {
    public var items: [String]

    public init(_ items: [String]) { self.items = items }

    public init(from decoder: Decoder) throws {
        if let one = try? decoder.singleValueContainer().decode(String.self) {
            items = [one]
        } else {
            var list = try decoder.unkeyedContainer()
            var items: [String] = []
            while !list.isAtEnd { items.append(try list.decode(String.self)) }
            self.items = items
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(items)
    }

    /// The 0-based index in `sources` of each reference, or nil for one that names no source.
    public static func index(of reference: String, in sources: [SourceLink]) -> Int? {
        if let number = Int(reference) {
            return number >= 1 && number <= sources.count ? number - 1 : nil
        }
        return sources.firstIndex { $0.key == reference }
    }

    static let schema = KeySchema.scalarOr(.sourceReference, .list(of: .value(.sourceReference)))
}
