import Yams

/// A front-matter value as an editor sees it: text, a list or a mapping, with nothing null in
/// it. An empty text, list or mapping stands for "absent", so a cleared field removes its key.
public indirect enum FieldValue: Sendable, Equatable {
    case text(String)
    case list([FieldValue])
    case mapping([Field])

    public struct Field: Sendable, Equatable {
        public var key: String
        public var value: FieldValue

        public init(_ key: String, _ value: FieldValue) {
            self.key = key
            self.value = value
        }
    }

    public subscript(key: String) -> FieldValue? {
        guard case .mapping(let fields) = self else { return nil }
        return fields.first { $0.key == key }?.value
    }

    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    public var items: [FieldValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// Without empty texts, lists and mappings: what a cleared form field means.
    public var pruned: FieldValue? {
        switch self {
        case .text(let text):
            return text.isEmpty ? nil : self
        case .list(let items):
            let kept = items.compactMap(\.pruned)
            return kept.isEmpty ? nil : .list(kept)
        case .mapping(let fields):
            let kept = fields.compactMap { field in field.value.pruned.map { Field(field.key, $0) } }
            return kept.isEmpty ? nil : .mapping(kept)
        }
    }

    /// The value of a YAML node as the loader reads it: nulls are absent.
    init?(node: Node) {
        if YAMLNodeView.isNull(node) { return nil }
        switch node {
        case .scalar(let scalar):
            self = .text(scalar.string)
        case .sequence(let sequence):
            self = .list(sequence.compactMap(FieldValue.init(node:)))
        case .mapping(let mapping):
            self = .mapping(mapping.compactMap { key, value in
                FieldValue(node: value).map { Field(key.string ?? "", $0) }
            })
        case .alias:
            return nil
        }
    }
}

extension ScalarKind {
    /// Whether two texts mean the same value of this kind: `150` and `150.0` are one cost, `yes`
    /// and `true` one flag. An unchanged meaning leaves the file's own spelling alone.
    func same(_ a: String, _ b: String) -> Bool {
        switch self {
        case .number, .integer:
            if let x = Double(a), let y = Double(b) { return x == y }
            return a == b
        case .flag:
            return Self.truth(a) == Self.truth(b)
        case .word:
            return a.lowercased() == b.lowercased()
        default:
            return a == b
        }
    }

    /// A flag's meaning, as the loader reads it (YAML 1.1's words), or nil for no flag.
    public static func truth(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }
}

extension KeySchema {
    /// The schema a value is read by: a `scalarOr` is its scalar for a text (or nothing) and
    /// its other schema for a list or mapping.
    public func resolved(for value: FieldValue?) -> KeySchema {
        guard case .scalarOr(let kind, let other) = self else { return self }
        switch value {
        case .list?, .mapping?: return other
        default: return .value(kind)
        }
    }
}
