/// Compact JSON for the search files, written by hand into bytes: the index is the biggest file
/// of the site, and building it must stay fast and byte-identical from build to build.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ part: String) { bytes += part.utf8 }

    mutating func raw(_ part: [UInt8]) { bytes += part }

    mutating func number(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude, digits: [UInt8] = []
        repeat {
            digits.append(0x30 + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes += digits.reversed()
    }

    /// Any `Double`: whole ones without a fraction, others to a thousandth, and `null` for what
    /// JSON cannot hold (the schema keeps such figures out; this never traps if one gets in).
    mutating func number(_ value: Double) {
        guard value.isFinite else { return raw("null") }
        guard abs(value) < 1e15 else { return raw(String(value)) }
        if let whole = Int(exactly: value) { return number(whole) }
        raw(String((value * 1000).rounded() / 1000))
    }

    mutating func string(_ value: String) {
        bytes.append(0x22)
        for byte in value.utf8 {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22] // \"
            case 0x5C: bytes += [0x5C, 0x5C] // \\
            case 0x0A: bytes += [0x5C, 0x6E] // \n
            case 0x09: bytes += [0x5C, 0x74] // \t
            case 0x0D: bytes += [0x5C, 0x72] // \r
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    mutating func array<T>(_ items: [T], _ write: (inout JSONWriter, T) -> Void) {
        bytes.append(0x5B)
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            write(&self, item)
        }
        bytes.append(0x5D)
    }

    mutating func strings(_ items: [String]) { array(items) { $0.string($1) } }

    mutating func numbers(_ items: [Int]) { array(items) { $0.number($1) } }
}
