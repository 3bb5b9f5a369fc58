import Foundation

/// A `Codable` value in the cache's binary form, each value a tag byte then its payload, so
/// a decoder can try one shape and then another, as the `init(from:)` of several front matter
/// types does (a source is a text or a record). The incremental build's cache keeps front
/// matter this way: `JSONDecoder` on the same values was a sixth of a one-edit rebuild of
/// 10,000 certifications, and this reads them about three times as fast.
///
/// Values: nil, false, true, an integer (zigzag varint), a double (8 bytes), a text (length,
/// UTF-8), and lists and records as their length in bytes, their count, then their items (a
/// record's as key text and value). Decoding reads the bytes in place and checks every length
/// against them: a damaged cache throws, never reads past its buffer.
public enum TaggedBinary {
    enum Tag: UInt8 { case null, no, yes, integer, double, text, list, record }

    public static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        var writer = BinaryWriter()
        try node(value).write(to: &writer)
        return writer.bytes
    }

    /// The value at the start of `bytes`.
    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: UnsafeRawBufferPointer) throws -> Value {
        try Decoder(bytes: bytes, at: 0).decode(type)
    }

    static func node<Value: Encodable>(_ value: Value) throws -> Node {
        switch value {
        case let text as String: return Node(.text(text))
        case let flag as Bool: return Node(.flag(flag))
        case let number as Int: return Node(.integer(number))
        case let number as Double: return Node(.double(number))
        default:
            let encoder = Encoder()
            try value.encode(to: encoder)
            return encoder.root.node ?? Node(.null)
        }
    }
}

// MARK: - Encoding: a small tree of the values, written once complete.

extension TaggedBinary {
    final class Node {
        enum Kind {
            case null, flag(Bool), integer(Int), double(Double), text(String), list([Node]), record([(String, Node)])
        }

        var kind: Kind

        init(_ kind: Kind) { self.kind = kind }

        func write(to writer: inout BinaryWriter) {
            switch kind {
            case .null: writer.byte(Tag.null.rawValue)
            case .flag(let flag): writer.byte(flag ? Tag.yes.rawValue : Tag.no.rawValue)
            case .integer(let number):
                writer.byte(Tag.integer.rawValue)
                writer.int(number)
            case .double(let number):
                writer.byte(Tag.double.rawValue)
                writer.double(number)
            case .text(let text):
                writer.byte(Tag.text.rawValue)
                writer.string(text)
            case .list(let items):
                var body = BinaryWriter()
                body.unsigned(UInt64(items.count))
                for item in items { item.write(to: &body) }
                writer.byte(Tag.list.rawValue)
                writer.raw(body.bytes)
            case .record(let pairs):
                var body = BinaryWriter()
                body.unsigned(UInt64(pairs.count))
                for (key, value) in pairs {
                    body.string(key)
                    value.write(to: &body)
                }
                writer.byte(Tag.record.rawValue)
                writer.raw(body.bytes)
            }
        }

        func append(_ node: Node) {
            guard case .list(var items) = kind else { return }
            kind = .null
            items.append(node)
            kind = .list(items)
        }

        func set(_ key: String, _ node: Node) {
            guard case .record(var pairs) = kind else { return }
            kind = .null
            if let index = pairs.firstIndex(where: { $0.0 == key }) { pairs[index].1 = node } else { pairs.append((key, node)) }
            kind = .record(pairs)
        }
    }

    /// Where an encoder's one value goes.
    final class Slot {
        var node: Node?

        func container(_ empty: Node.Kind) -> Node {
            if let node { return node }
            let node = Node(empty)
            self.node = node
            return node
        }
    }

    struct Encoder: Swift.Encoder {
        let root = Slot()
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(RecordEncoder<Key>(node: root.container(.record([]))))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            ListEncoder(node: root.container(.list([])))
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            ValueEncoder(slot: root)
        }
    }

    struct RecordEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { node.set(key.stringValue, Node(.null)) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            node.set(key.stringValue, try TaggedBinary.node(value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = Node(.record([]))
            node.set(key.stringValue, child)
            return KeyedEncodingContainer(RecordEncoder<NestedKey>(node: child))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = Node(.list([]))
            node.set(key.stringValue, child)
            return ListEncoder(node: child)
        }

        mutating func superEncoder() -> any Swift.Encoder { ChildEncoder(place: { [node] in node.set("super", $0) }) }

        mutating func superEncoder(forKey key: Key) -> any Swift.Encoder { ChildEncoder(place: { [node] in node.set(key.stringValue, $0) }) }
    }

    struct ListEncoder: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { [] }
        var count: Int {
            guard case .list(let items) = node.kind else { return 0 }
            return items.count
        }

        mutating func encodeNil() throws { node.append(Node(.null)) }

        mutating func encode<T: Encodable>(_ value: T) throws { node.append(try TaggedBinary.node(value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = Node(.record([]))
            node.append(child)
            return KeyedEncodingContainer(RecordEncoder<NestedKey>(node: child))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = Node(.list([]))
            node.append(child)
            return ListEncoder(node: child)
        }

        mutating func superEncoder() -> any Swift.Encoder { ChildEncoder(place: { [node] in node.append($0) }) }
    }

    struct ValueEncoder: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { slot.node = Node(.null) }

        mutating func encode<T: Encodable>(_ value: T) throws { slot.node = try TaggedBinary.node(value) }
    }

    /// An encoder for a super class's values: its node is placed as soon as it is made.
    struct ChildEncoder: Swift.Encoder {
        let place: (Node) -> Void
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        private func placed(_ kind: Node.Kind) -> Node {
            let node = Node(kind)
            place(node)
            return node
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(RecordEncoder<Key>(node: placed(.record([]))))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer { ListEncoder(node: placed(.list([]))) }

        func singleValueContainer() -> any SingleValueEncodingContainer { PlacedValueEncoder(node: placed(.null)) }
    }

    struct PlacedValueEncoder: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { node.kind = .null }

        mutating func encode<T: Encodable>(_ value: T) throws { node.kind = try TaggedBinary.node(value).kind }
    }
}

// MARK: - Decoding: straight from the bytes.

extension TaggedBinary {
    /// Errors say only what was expected: the cache is written by certguide, and a value it
    /// cannot read means a damaged cache, which the build answers by building in full.
    static func mismatch(_ expected: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "the cache has no \(expected) here"))
    }

    struct Decoder: Swift.Decoder {
        let bytes: UnsafeRawBufferPointer
        /// Where this decoder's value starts, at its tag.
        let start: Int
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(bytes: UnsafeRawBufferPointer, at start: Int) {
            self.bytes = bytes
            self.start = start
        }

        /// A reader after the tag, which must be `expected`.
        func payload(_ expected: Tag...) throws -> (Tag, BinaryReader) {
            var reader = BinaryReader(bytes, at: start)
            guard let tag = Tag(rawValue: try reader.byte()), expected.contains(tag) else { throw mismatch("\(expected)") }
            return (tag, reader)
        }

        var isNull: Bool { start < bytes.count && bytes[start] == Tag.null.rawValue }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(try RecordDecoder<Key>(self))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try ListDecoder(self) }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { ValueDecoder(decoder: self) }

        func text() throws -> String {
            var (_, reader) = try payload(.text)
            return try reader.string()
        }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            switch type {
            case is String.Type: return try text() as! T
            case is Bool.Type: return try (payload(.yes, .no).0 == .yes) as! T
            case is Int.Type:
                var (_, reader) = try payload(.integer)
                return try reader.int() as! T
            case is Double.Type:
                var (_, reader) = try payload(.double)
                return try reader.double() as! T
            // Lists of texts (topics, eligibility, aliases) without a container per item.
            case is [String].Type:
                var (_, reader) = try payload(.list)
                _ = try reader.count()
                var texts: [String] = []
                for _ in 0..<(try reader.count()) {
                    guard try reader.byte() == Tag.text.rawValue else { throw mismatch("text") }
                    texts.append(try reader.string())
                }
                return texts as! T
            default: return try T(from: self)
            }
        }
    }

    struct RecordDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: Decoder
        /// Where each key's UTF-8 starts, its length, and where its value starts.
        let entries: [(key: Int, length: Int, value: Int)]

        init(_ decoder: Decoder) throws {
            self.decoder = decoder
            var (_, reader) = try decoder.payload(.record)
            _ = try reader.count()
            let count = try reader.count()
            var entries: [(key: Int, length: Int, value: Int)] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let length = try reader.count()
                let key = reader.offset
                try reader.skip(length)
                entries.append((key, length, reader.offset))
                try TaggedBinary.skipValue(&reader)
            }
            self.entries = entries
        }

        var codingPath: [any CodingKey] { [] }

        var allKeys: [Key] {
            entries.compactMap { entry in
                Key(stringValue: String(decoding: UnsafeRawBufferPointer(rebasing: decoder.bytes[entry.key..<entry.key + entry.length]), as: UTF8.self))
            }
        }

        private func child(_ key: Key) -> Decoder? {
            var name = key.stringValue
            let reader = BinaryReader(decoder.bytes)
            return name.withUTF8 { name in
                entries.first { reader.bytes(at: $0.key, count: $0.length, equal: name) }.map { Decoder(bytes: decoder.bytes, at: $0.value) }
            }
        }

        private func required(_ key: Key) throws -> Decoder {
            guard let child = child(key) else { throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "not in the cache")) }
            return child
        }

        func contains(_ key: Key) -> Bool { child(key) != nil }

        func decodeNil(forKey key: Key) throws -> Bool { try required(key).isNull }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try required(key).decode(type) }

        func decode(_ type: String.Type, forKey key: Key) throws -> String { try required(key).text() }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let child = child(key), !child.isNull else { return nil }
            return try child.decode(type)
        }

        // The synthesized `init(from:)` of an optional text calls this overload.
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
            guard let child = child(key), !child.isNull else { return nil }
            return try child.text()
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try required(key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try required(key).unkeyedContainer() }

        func superDecoder() throws -> any Swift.Decoder {
            guard let child = child(Key(stringValue: "super")!) else { throw mismatch("super value") }
            return child
        }

        func superDecoder(forKey key: Key) throws -> any Swift.Decoder { try required(key) }
    }

    struct ListDecoder: UnkeyedDecodingContainer {
        let decoder: Decoder
        var reader: BinaryReader
        let count: Int?
        var currentIndex = 0

        init(_ decoder: Decoder) throws {
            self.decoder = decoder
            var (_, reader) = try decoder.payload(.list)
            _ = try reader.count()
            count = try reader.count()
            self.reader = reader
        }

        var codingPath: [any CodingKey] { [] }
        var isAtEnd: Bool { currentIndex >= count ?? 0 }

        private mutating func next() throws -> Decoder {
            guard !isAtEnd else { throw mismatch("more items") }
            let child = Decoder(bytes: decoder.bytes, at: reader.offset)
            try TaggedBinary.skipValue(&reader)
            currentIndex += 1
            return child
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, Decoder(bytes: decoder.bytes, at: reader.offset).isNull else { return false }
            _ = try next()
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }

        mutating func decode(_ type: String.Type) throws -> String { try next().text() }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next().container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

        mutating func superDecoder() throws -> any Swift.Decoder { try next() }
    }

    struct ValueDecoder: SingleValueDecodingContainer {
        let decoder: Decoder
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { decoder.isNull }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type) }

        func decode(_ type: String.Type) throws -> String { try decoder.text() }
    }

    /// Moves `reader` past one value.
    static func skipValue(_ reader: inout BinaryReader) throws {
        guard let tag = Tag(rawValue: try reader.byte()) else { throw mismatch("value") }
        switch tag {
        case .null, .no, .yes: break
        case .integer: _ = try reader.unsigned()
        case .double: try reader.skip(8)
        case .text, .list, .record: try reader.skip(try reader.count())
        }
    }
}
