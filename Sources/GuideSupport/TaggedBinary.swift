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
