extension FrontMatterRewriter {
    /// A key written anew, the way `certguide new` writes it: short lists and mappings on one
    /// line (`settings: [academic, public]`, `cost: { min: 150, max: 200 }`), lists of
    /// sentences or of mappings one row per line.
    func render(_ key: String, _ value: FieldValue, _ schema: KeySchema, indent: String) -> [String] {
        let schema = schema.resolved(for: value)
        if case .list(let items) = value, case .list(let itemSchema) = schema, !Self.fitsOnOneLine(items, itemSchema) {
            return ["\(indent)\(key):"] + items.flatMap { row($0, itemSchema, dash: indent + "  ", block: false) }
        }
        return ["\(indent)\(key): \(inline(value, schema, inFlow: false))"]
    }

    /// A row of a block list: `- text` or `- { title: ..., url: ... }`, or a block mapping
    /// with its first key on the `-` line when the list's rows are written that way.
    func row(_ item: FieldValue, _ schema: KeySchema, dash: String, block: Bool) -> [String] {
        let schema = schema.resolved(for: item)
        if block, case .mapping(let fields) = item, case .mapping(let keys, _, _) = schema {
            let ordered = keys.compactMap { key, child in fields.first { $0.key == key }.map { (key, $0.value, child) } }
            return ordered.enumerated().map { index, entry in
                (index == 0 ? dash + "- " : dash + "  ") + "\(entry.0): \(inline(entry.1, entry.2, inFlow: false))"
            }
        }
        return [dash + "- " + inline(item, schema, inFlow: false)]
    }

    /// A value on one line; `inFlow` inside `[...]` or `{...}`.
    func inline(_ value: FieldValue, _ schema: KeySchema, inFlow: Bool) -> String {
        switch (value, schema.resolved(for: value)) {
        case (.text(let text), .value(let kind)):
            return YAMLScalar.write(text, inFlow: inFlow, literal: kind.isLiteral)
        case (.list(let items), .list(let itemSchema)):
            return "[" + items.map { inline($0, itemSchema, inFlow: true) }.joined(separator: ", ") + "]"
        case (.mapping(let fields), .mapping(let keys, _, _)):
            let parts = keys.compactMap { key, child in
                fields.first { $0.key == key }.map { "\(key): \(inline($0.value, child, inFlow: true))" }
            }
            return "{ " + parts.joined(separator: ", ") + " }"
        case (.text(let text), _):
            return YAMLScalar.write(text, inFlow: inFlow)
        default:
            // A value of another shape than the schema's: written as it is; the loader's
            // check then reports it at its line.
            return inline(value, Self.shape(of: value), inFlow: inFlow)
        }
    }

    private static func shape(of value: FieldValue) -> KeySchema {
        switch value {
        case .text: .text
        case .list(let items): .list(of: items.first.map(shape) ?? .text)
        case .mapping(let fields): .mapping(keys: fields.map { ($0.key, shape(of: $0.value)) }, required: [], ordered: [])
        }
    }

    private static func fitsOnOneLine(_ items: [FieldValue], _ schema: KeySchema) -> Bool {
        guard case .value = schema else { return false }
        return items.allSatisfy { ($0.text?.count ?? 100) <= 40 } && items.count <= 8
    }
}

extension KeySchema {
    var isFlag: Bool {
        if case .value(.flag) = self { return true }
        return false
    }
}

extension ScalarKind {
    /// Numbers, dates and flags, whose plain spelling is their meaning.
    var isLiteral: Bool {
        switch self {
        case .integer, .number, .date, .flag, .sourceReference: true
        default: false
        }
    }
}

extension FieldValue {
    /// Whether two values (nil for absent) mean the same under a schema: the check that a
    /// rewritten file reads back as the values asked for.
    static func same(_ a: FieldValue?, _ b: FieldValue?, schema: KeySchema) -> Bool {
        switch (a, b, schema.resolved(for: a ?? b)) {
        case (nil, nil, _):
            return true
        case (.text(let x)?, .text(let y)?, .value(let kind)):
            return kind.same(x, y)
        case (.list(let xs)?, .list(let ys)?, .list(let item)):
            return xs.count == ys.count && zip(xs, ys).allSatisfy { same($0, $1, schema: item) }
        case (.mapping?, .mapping?, .mapping(let keys, _, _)):
            return keys.allSatisfy { key, child in same(a?[key], b?[key], schema: child) }
        case (.text(let x)?, nil, .value(.flag)), (nil, .text(let x)?, .value(.flag)):
            // A flag set to false and one left out mean the same.
            return ScalarKind.truth(x) == false
        default:
            return false
        }
    }
}
