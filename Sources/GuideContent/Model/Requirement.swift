/// One line of `eligibility`: plain text, or `{ text: ..., source: 2 }` when it cites a source.
public struct Requirement: Codable, Sendable, Hashable {
    public var text: String
    public var source: SourceReferences?

    public init(text: String, source: SourceReferences? = nil) {
        (self.text, self.source) = (text, source)
    }

    private enum CodingKeys: String, CodingKey { case text, source }

    public init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            (self.text, source) = (text, nil)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        source = try container.decodeIfPresent(SourceReferences.self, forKey: .source)
    }

    /// Written back as a plain line when it cites nothing, as most are written.
    public func encode(to encoder: Encoder) throws {
        guard let source else {
            var container = encoder.singleValueContainer()
            try container.encode(text)
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(source, forKey: .source)
    }

    static let schema = KeySchema.scalarOr(.text, .mapping(["text": .text, "source": SourceReferences.schema], required: ["text"]))
}
