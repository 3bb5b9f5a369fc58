import Yams

/// Writes one text as a YAML scalar that reads back as the same text: plain when that is safe,
/// in the quoting style the file already used for the value otherwise.
public enum YAMLScalar {
    public enum Style: Sendable { case plain, singleQuoted, doubleQuoted }

    /// `text` as a scalar, `preferring` the style the old value had. `inFlow` is true inside
    /// `[...]` or `{...}`, where a plain `,` or `]` would end the value. `literal` is true for
    /// numbers, dates and flags, whose plain spelling is what they mean.
    public static func write(_ text: String, preferring style: Style = .plain, inFlow: Bool = false, literal: Bool = false) -> String {
        switch style {
        case .plain:
            if isPlainSafe(text, inFlow: inFlow, literal: literal) { return text }
            return doubleQuoted(text)
        case .singleQuoted:
            if text.contains(where: \.isNewline) { return doubleQuoted(text) }
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .doubleQuoted:
            return doubleQuoted(text)
        }
    }

    /// Whether `text` written bare reads back as the same text, and as text: a title `yes`,
    /// `2024-01-01` or `100` is quoted unless it is meant as that flag, date or number.
    public static func isPlainSafe(_ text: String, inFlow: Bool = false, literal: Bool = false) -> Bool {
        guard let first = text.first, let last = text.last, !first.isWhitespace, !last.isWhitespace else { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
        if text.contains(where: { $0 == "\"" || $0 == "\\" || $0.isNewline || ($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) }) {
            return false
        }
        if inFlow, text.contains(where: { ",[]{}".contains($0) }) { return false }
        if "-?:,[]{}#&*!|>'%@`~".contains(first) {
            // `-5` and `-` followed by a letter read back as text or a number, not as a list.
            guard first == "-", literal, Double(text) != nil else { return false }
        }
        if literal { return true }
        let lowered = text.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"].contains(lowered) { return false }
        if Double(text) != nil || Day(text) != nil || lowered.hasPrefix(".") { return false }
        return first.isLetter || first.isNumber || first == "/" || first == "(" || first == "$"
    }

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func style(of scalar: Node.Scalar) -> Style? {
        switch scalar.style {
        case .plain: .plain
        case .singleQuoted: .singleQuoted
        case .doubleQuoted: .doubleQuoted
        default: nil
        }
    }
}
