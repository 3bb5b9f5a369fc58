/// The one JSON writer of the build, written by hand into bytes: the search index is the
/// biggest file of the site and the open data file the second, and both must be fast to write
/// and byte-identical from build to build (Foundation's JSONSerialization took a tenth of a
/// whole build's time on a large guide). Keys of objects are written sorted.
///
/// `scriptSafe` JSON can sit inside a `<script>` element: `<`, `>` and `&` are written as
/// `\u003c`, `\u003e`, `\u0026`, so no title can close the script or open a comment, and
/// U+2028/2029, which end a line in older JavaScript parsers, are escaped too.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    public let scriptSafe: Bool

    public init(scriptSafe: Bool = false) {
        self.scriptSafe = scriptSafe
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// `object` (strings, numbers, booleans, `[String: Any]`, `[Any]`, `Written`) as script-safe
    /// JSON, pretty-printed as if `depth` levels deep in a file when `pretty`.
    public static func encode(_ object: Any, pretty: Bool = false, depth: Int = 0) -> String {
        var writer = JSONWriter(scriptSafe: true)
        writer.value(object, indent: pretty ? depth : nil)
        return writer.text
    }

    /// JSON already written, placed as it is: parts of a large file written on every core.
    public struct Written {
        public var text: String

        public init(text: String) {
            self.text = text
        }
    }

    public mutating func raw(_ part: String) { bytes += part.utf8 }

    public mutating func raw(_ part: [UInt8]) { bytes += part }

    public mutating func number(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude, digits: [UInt8] = []
        repeat {
            digits.append(0x30 + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes += digits.reversed()
    }

    /// Any `Double`: a whole one without a fraction, `null` for what JSON cannot hold (the
    /// schema keeps such figures out; this never traps if one gets in).
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return raw("null") }
        if abs(value) < 1e15, let whole = Int(exactly: value) { return number(whole) }
        raw(String(value))
    }

    /// A whole `value` without a fraction, any other rounded to a thousandth.
    public mutating func number(thousandths value: Double) {
        guard value.isFinite else { return raw("null") }
        guard abs(value) < 1e15 else { return raw(String(value)) }
        if let whole = Int(exactly: value) { return number(whole) }
        raw(String((value * 1000).rounded() / 1000))
    }

    public mutating func string(_ value: String) {
        bytes.append(0x22)
        var utf8 = value.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22] // \"
            case 0x5C: bytes += [0x5C, 0x5C] // \\
            case 0x0A: bytes += [0x5C, 0x6E] // \n
            case 0x09: bytes += [0x5C, 0x74] // \t
            case 0x0D: bytes += [0x5C, 0x72] // \r
            case ..<0x20: escape(byte)
            case 0x3C where scriptSafe, 0x3E where scriptSafe, 0x26 where scriptSafe: escape(byte)
            case 0xE2 where scriptSafe:
                // A string is valid UTF-8, so E2 leads two more bytes; U+2028/2029 are E2 80 A8/A9.
                let second = utf8.next() ?? 0, third = utf8.next() ?? 0
                if second == 0x80, third == 0xA8 || third == 0xA9 {
                    bytes += Array("\\u202".utf8) + [third == 0xA8 ? 0x38 : 0x39]
                } else {
                    bytes += [byte, second, third]
                }
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    private mutating func escape(_ byte: UInt8) {
        let hex = Array("0123456789abcdef".utf8)
        bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
    }

    public mutating func array<T>(_ items: [T], _ write: (inout JSONWriter, T) -> Void) {
        bytes.append(0x5B)
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            write(&self, item)
        }
        bytes.append(0x5D)
    }

    public mutating func strings(_ items: [String]) { array(items) { $0.string($1) } }

    public mutating func numbers(_ items: [Int]) { array(items) { $0.number($1) } }

    /// A value of any JSON shape; `indent` (levels deep) pretty-prints it, nil writes it compact.
    public mutating func value(_ value: Any, indent: Int?) {
        switch value {
        case let string as String:
            self.string(string)
        case let written as Written:
            raw(written.text)
        case let bool as Bool:
            raw(bool ? "true" : "false")
        case let int as Int:
            number(int)
        case let double as Double:
            number(double)
        case let object as [String: Any]:
            let keys = object.keys.sorted()
            guard !keys.isEmpty else { return raw("{}") }
            bytes.append(0x7B)
            for (position, key) in keys.enumerated() {
                if position > 0 { bytes.append(0x2C) }
                newline(indent.map { $0 + 1 })
                string(key)
                raw(indent == nil ? ":" : ": ")
                self.value(object[key]!, indent: indent.map { $0 + 1 })
            }
            newline(indent)
            bytes.append(0x7D)
        case let array as [Any]:
            guard !array.isEmpty else { return raw("[]") }
            bytes.append(0x5B)
            for (position, element) in array.enumerated() {
                if position > 0 { bytes.append(0x2C) }
                newline(indent.map { $0 + 1 })
                self.value(element, indent: indent.map { $0 + 1 })
            }
            newline(indent)
            bytes.append(0x5D)
        default:
            raw("null")
        }
    }

    private mutating func newline(_ indent: Int?) {
        guard let indent else { return }
        bytes.append(0x0A)
        bytes += repeatElement(0x20, count: 2 * indent)
    }
}
