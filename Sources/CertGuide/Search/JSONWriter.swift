/// Compact JSON for the search files, written by hand: the index is the biggest file of the
/// site, and building it must stay fast and byte-identical from build to build.
struct JSONWriter {
    private(set) var text = ""

    mutating func raw(_ part: String) { text += part }

    mutating func number(_ value: Int) { text += String(value) }

    mutating func number(_ value: Double) {
        text += value.rounded() == value ? String(Int(value)) : String((value * 1000).rounded() / 1000)
    }

    mutating func string(_ value: String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    mutating func array<T>(_ items: [T], _ write: (inout JSONWriter, T) -> Void) {
        text += "["
        for (index, item) in items.enumerated() {
            if index > 0 { text += "," }
            write(&self, item)
        }
        text += "]"
    }

    mutating func strings(_ items: [String]) { array(items) { $0.string($1) } }

    mutating func numbers(_ items: [Int]) { array(items) { $0.number($1) } }
}
