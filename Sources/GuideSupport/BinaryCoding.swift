import Foundation

/// The incremental build's cache on disk: numbers as variable-length integers, texts as their
/// UTF-8 length then their bytes, read back in the order they were written. Decoding the same
/// cache as JSON through `Codable` was a third of a one-edit rebuild of 10,000 certifications;
/// nothing but the cache reads this form, and its format number says when it changes.
public struct BinaryWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Zigzag-coded, so small negative numbers stay short.
    public mutating func int(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    public mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    public mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    public mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
    }

    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func optional(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    public mutating func raw(_ data: some Collection<UInt8>) {
        unsigned(UInt64(data.count))
        bytes.append(contentsOf: data)
    }

    public mutating func fingerprint(_ value: Fingerprint) { unsigned(value.value) }

    public mutating func location(_ value: SourceLocation) {
        int(value.line)
        int(value.column)
    }

    public mutating func stamp(_ value: FileStamp) {
        int(value.size)
        int(value.modified)
        unsigned(value.inode)
    }

    /// The count, then each element as `write` writes it.
    public mutating func array<Element>(_ values: [Element], _ write: (inout BinaryWriter, Element) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(&self, value) }
    }
}

/// Reads what a `BinaryWriter` wrote, in the same order; throws `Truncated` on bytes that end
/// early or say more than they hold (a cache written in part), never reads past them.
public struct BinaryReader {
    public struct Truncated: Error {
        public init() {}
    }

    private let bytes: UnsafeRawBufferPointer
    /// Where the next read starts.
    public private(set) var offset: Int

    /// `bytes` must outlive the reader.
    public init(_ bytes: UnsafeRawBufferPointer, at offset: Int = 0) {
        self.bytes = bytes
        self.offset = min(max(0, offset), bytes.count)
    }

    public var isAtEnd: Bool { offset == bytes.count }

    public mutating func unsigned() throws(Truncated) -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Truncated() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    public mutating func int() throws(Truncated) -> Int {
        let coded = try unsigned()
        return Int(truncatingIfNeeded: Int64(bitPattern: (coded >> 1) ^ (0 &- (coded & 1))))
    }

    public mutating func bool() throws(Truncated) -> Bool {
        try byte() != 0
    }

    public mutating func byte() throws(Truncated) -> UInt8 {
        guard offset < bytes.count else { throw Truncated() }
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func double() throws(Truncated) -> Double {
        guard bytes.count - offset >= 8 else { throw Truncated() }
        var bits: UInt64 = 0
        withUnsafeMutableBytes(of: &bits) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 8])) }
        offset += 8
        return Double(bitPattern: UInt64(littleEndian: bits))
    }

    /// Moves past `count` bytes.
    public mutating func skip(_ count: Int) throws(Truncated) {
        guard count >= 0, count <= bytes.count - offset else { throw Truncated() }
        offset += count
    }

    /// The bytes of a `raw` value, without copying them: valid while `bytes` is.
    public mutating func rawBytes() throws(Truncated) -> UnsafeRawBufferPointer {
        try rawSlice()
    }

    /// A count of things still to read: at most one a byte, so a corrupt count cannot make a
    /// reader reserve memory it has no bytes for.
    public mutating func count() throws(Truncated) -> Int {
        let count = try unsigned()
        guard count <= UInt64(bytes.count - offset) else { throw Truncated() }
        return Int(count)
    }

    public mutating func string() throws(Truncated) -> String {
        let slice = try rawSlice()
        return String(decoding: slice, as: UTF8.self)
    }

    public mutating func optional() throws(Truncated) -> String? {
        try bool() ? try string() : nil
    }

    public mutating func fingerprint() throws(Truncated) -> Fingerprint { Fingerprint(value: try unsigned()) }

    public mutating func location() throws(Truncated) -> SourceLocation {
        SourceLocation(line: try int(), column: try int())
    }

    public mutating func stamp() throws(Truncated) -> FileStamp {
        FileStamp(size: try int(), modified: try int(), inode: try unsigned())
    }

    public mutating func array<Element>(_ read: (inout BinaryReader) throws(Truncated) -> Element) throws(Truncated) -> [Element] {
        let count = try count()
        var values: [Element] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    private mutating func rawSlice() throws(Truncated) -> UnsafeRawBufferPointer {
        let length = try count()
        defer { offset += length }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
    }
}
