/// A warning readers see beside a fact, or above the facts when it names none: where the
/// sources disagree or a figure could not be confirmed.
public struct Caution: Codable, Sendable, Hashable {
    public var text: String
    public var fact: Fact?

    public init(text: String, fact: Fact? = nil) {
        (self.text, self.fact) = (text, fact)
    }

    private enum CodingKeys: String, CodingKey { case text, fact }

    /// A plain line is a caution about the whole entry.
    public init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            (self.text, fact) = (text, nil)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        fact = try container.decodeIfPresent(Fact.self, forKey: .fact)
    }

    static let schema = KeySchema.scalarOr(.text, .mapping([
        "text": .text, "fact": .value(.word("fact", Fact.allCases.map(\.rawValue))),
    ], required: ["text"]))
}
