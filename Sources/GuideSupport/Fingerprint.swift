import Foundation

/// A 64-bit FNV-1a digest of a build input. Stable across runs and machines, unlike `Hasher`,
/// which is seeded per process: a cache written by one build must be readable by the next.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// A fingerprint as a cache stored it.
    public init(value: UInt64) {
        self.value = value
    }

    public init(_ parts: String...) {
        for part in parts { add(part) }
    }

    /// The plain FNV-1a digest of `bytes`, with no separator after them: what names the
    /// search index files by their content.
    public init(raw bytes: some Sequence<UInt8>) {
        for byte in bytes { mix(byte) }
    }

    /// The plain digest of `parts` one after the other, as `init(raw:)` of them joined, without
    /// joining them: a buffer at a time, not a byte through a generic sequence.
    public init(raw parts: some Sequence<[UInt8]>) {
        for part in parts {
            part.withUnsafeBufferPointer { buffer in
                for byte in buffer { mix(byte) }
            }
        }
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes { mix(byte) }
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        mix(0xFF)
    }

    public mutating func add(bytes: Data) {
        bytes.withUnsafeBytes { buffer in
            for byte in buffer { mix(byte) }
        }
        mix(0xFF)
    }

    public mutating func add(_ number: Int) {
        var number = UInt64(bitPattern: Int64(number))
        for _ in 0..<8 {
            mix(UInt8(truncatingIfNeeded: number))
            number >>= 8
        }
    }

    public mutating func add(_ other: Fingerprint) {
        add(Int(Int64(bitPattern: other.value)))
    }

    public mutating func add(_ flag: Bool) {
        mix(flag ? 1 : 0)
    }

    /// This fingerprint with `other` added, for building one in an expression.
    public func adding(_ other: Fingerprint) -> Fingerprint {
        var copy = self
        copy.add(other)
        return copy
    }

    @inline(__always)
    private mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x100_0000_01b3
    }

    public var description: String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}

/// A bare number in the incremental build's cache, which holds tens of thousands of them.
extension Fingerprint: Codable {
    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(UInt64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode(value)
    }
}
