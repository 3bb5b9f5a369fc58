import Yams

/// Decodes front matter from the YAML node tree after `KeySchema` has checked it. Yams'
/// `YAMLDecoder` resolves the tag of every scalar with up to seven regular expressions and
/// finds each key by a linear scan: on a guide of 10,000 entries that was a fifth of the build.
/// Values are read as the schema check read them (`Int(text)`, `Double(text)`, YAML 1.1
/// booleans), so what passed the check decodes the same way.
struct NodeDecoder: Decoder {
    let node: Node
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node, codingPath: [CodingKey] = []) {
        self.node = node
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let mapping = node.mapping else { throw Self.mismatch([String: Any].self, codingPath, node) }
        var table: [String: Node] = [:]
        for (key, value) in mapping {
            if let name = key.scalar?.string, table[name] == nil { table[name] = value }
        }
        return KeyedDecodingContainer(Keyed(table: table, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard let sequence = node.sequence else { throw Self.mismatch([Any].self, codingPath, node) }
        return Unkeyed(items: Array(sequence), codingPath: codingPath)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        Single(node: node, codingPath: codingPath)
    }

    static func isNull(_ node: Node) -> Bool { YAMLNodeView.isNull(node) }

    static func mismatch(_ type: Any.Type, _ path: [CodingKey], _ node: Node) -> DecodingError {
        .typeMismatch(type, .init(codingPath: path, debugDescription: "expected \(type), found `\(node.scalar?.string ?? "a list or mapping")`"))
    }

    /// A value of `type` from `node`: scalars directly, anything else through its `init(from:)`.
    static func decode<T: Decodable>(_ type: T.Type, from node: Node, at path: [CodingKey]) throws -> T {
        if T.self == String.self {
            guard let text = node.scalar?.string else { throw mismatch(type, path, node) }
            return text as! T
        }
        if T.self == Int.self {
            guard let number = node.scalar.flatMap({ Int($0.string) }) else { throw mismatch(type, path, node) }
            return number as! T
        }
        if T.self == Double.self {
            guard let number = node.scalar.flatMap({ Double($0.string) }), number.isFinite else { throw mismatch(type, path, node) }
            return number as! T
        }
        if T.self == Bool.self {
            switch node.scalar?.string.lowercased() {
            case "true", "yes", "on": return true as! T
            case "false", "no", "off": return false as! T
            default: throw mismatch(type, path, node)
            }
        }
        return try T(from: NodeDecoder(node: node, codingPath: path))
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let table: [String: Node]
        let codingPath: [CodingKey]

        var allKeys: [Key] { table.keys.compactMap(Key.init(stringValue:)) }

        func contains(_ key: Key) -> Bool { table[key.stringValue] != nil }

        private func node(_ key: Key) throws -> Node {
            guard let node = table[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no `\(key.stringValue)`"))
            }
            return node
        }

        func decodeNil(forKey key: Key) throws -> Bool { NodeDecoder.isNull(try node(key)) }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try NodeDecoder.decode(type, from: try node(key), at: codingPath + [key])
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let node = table[key.stringValue], !NodeDecoder.isNull(node) else { return nil }
            return try NodeDecoder.decode(type, from: node, at: codingPath + [key])
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try NodeDecoder(node: try node(key), codingPath: codingPath + [key]).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
            try NodeDecoder(node: try node(key), codingPath: codingPath + [key]).unkeyedContainer()
        }

        func superDecoder() throws -> Decoder { NodeDecoder(node: .mapping(.init(table.map { (Node($0.key), $0.value) })), codingPath: codingPath) }

        func superDecoder(forKey key: Key) throws -> Decoder { NodeDecoder(node: try node(key), codingPath: codingPath + [key]) }
    }

    private struct Unkeyed: UnkeyedDecodingContainer {
        let items: [Node]
        let codingPath: [CodingKey]
        var currentIndex = 0

        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        private struct Index: CodingKey {
            var intValue: Int?
            var stringValue: String { "\(intValue ?? 0)" }
            init(_ index: Int) { intValue = index }
            init?(stringValue: String) { nil }
            init?(intValue: Int) { self.intValue = intValue }
        }

        private mutating func next() throws -> (Node, [CodingKey]) {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "no more items"))
            }
            defer { currentIndex += 1 }
            return (items[currentIndex], codingPath + [Index(currentIndex)])
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, NodeDecoder.isNull(items[currentIndex]) else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (node, path) = try next()
            return try NodeDecoder.decode(type, from: node, at: path)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let (node, path) = try next()
            return try NodeDecoder(node: node, codingPath: path).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
            let (node, path) = try next()
            return try NodeDecoder(node: node, codingPath: path).unkeyedContainer()
        }

        mutating func superDecoder() throws -> Decoder {
            let (node, path) = try next()
            return NodeDecoder(node: node, codingPath: path)
        }
    }

    private struct Single: SingleValueDecodingContainer {
        let node: Node
        let codingPath: [CodingKey]

        func decodeNil() -> Bool { NodeDecoder.isNull(node) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try NodeDecoder.decode(type, from: node, at: codingPath)
        }
    }
}
