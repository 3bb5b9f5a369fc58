import Foundation

/// `TaggedBinary.decode`: straight from the bytes, every length checked against them.
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

        /// The count of a list's or record's items, and a reader at the first.
        func items(_ expected: Tag) throws -> (count: Int, reader: BinaryReader) {
            var (_, reader) = try payload(expected)
            _ = try reader.count()
            return (try reader.count(), reader)
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
                var (count, reader) = try items(.list)
                var texts: [String] = []
                for _ in 0..<count {
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
            var (count, reader) = try decoder.items(.record)
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
            let bytes = decoder.bytes
            // The keys' ranges were checked against the bytes when the record was read.
            return name.withUTF8 { name in
                entries.first { entry in
                    entry.length == name.count && (name.isEmpty || memcmp(bytes.baseAddress! + entry.key, name.baseAddress!, name.count) == 0)
                }.map { Decoder(bytes: bytes, at: $0.value) }
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
            (count, reader) = try decoder.items(.list)
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
