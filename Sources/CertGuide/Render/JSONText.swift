/// JSON written the same way every build (keys sorted), and safe to embed in a `<script>`
/// element: `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`, so no title can close
/// the script or open a comment. Written by hand: Foundation's JSONSerialization took a tenth
/// of a whole build's time on a large guide.
enum JSONText {
    static func encode(_ object: Any, pretty: Bool = false) -> String {
        encode(object, pretty: pretty, depth: 0)
    }

    /// JSON already written, placed as it is: parts of a large file written on every core.
    struct Written {
        var text: String
    }

    /// `object` as it is written `depth` levels deep in a pretty-printed file.
    static func encode(_ object: Any, pretty: Bool, depth: Int) -> String {
        var output = ""
        write(object, into: &output, indent: pretty ? depth : nil)
        return output
    }

    /// A JSON number for a fact: whole numbers without a fraction.
    static func number(_ value: Double) -> Any {
        value.rounded() == value && abs(value) < 1e15 ? Int(value) as Any : value as Any
    }

    private static func write(_ value: Any, into output: inout String, indent: Int?) {
        switch value {
        case let string as String:
            writeString(string, into: &output)
        case let written as Written:
            output += written.text
        case let bool as Bool:
            output += bool ? "true" : "false"
        case let int as Int:
            output += String(int)
        case let double as Double:
            output += double.isFinite ? (double.rounded() == double && abs(double) < 1e15 ? String(Int(double)) : String(double)) : "null"
        case let object as [String: Any]:
            let keys = object.keys.sorted()
            guard !keys.isEmpty else { output += "{}"; return }
            output += "{"
            for (position, key) in keys.enumerated() {
                if position > 0 { output += "," }
                newline(&output, indent.map { $0 + 1 })
                writeString(key, into: &output)
                output += indent == nil ? ":" : ": "
                write(object[key]!, into: &output, indent: indent.map { $0 + 1 })
            }
            newline(&output, indent)
            output += "}"
        case let array as [Any]:
            guard !array.isEmpty else { output += "[]"; return }
            output += "["
            for (position, element) in array.enumerated() {
                if position > 0 { output += "," }
                newline(&output, indent.map { $0 + 1 })
                write(element, into: &output, indent: indent.map { $0 + 1 })
            }
            newline(&output, indent)
            output += "]"
        default:
            output += "null"
        }
    }

    private static func newline(_ output: inout String, _ indent: Int?) {
        guard let indent else { return }
        output += "\n" + String(repeating: "  ", count: indent)
    }

    private static func writeString(_ string: String, into output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            // U+2028/2029 end a line in older JavaScript parsers.
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
