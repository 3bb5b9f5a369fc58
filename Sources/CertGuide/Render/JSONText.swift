import Foundation

/// JSON written the same way every build (sorted keys), and safe to embed in a `<script>`
/// element: `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`, so no title can close
/// the script or open a comment.
enum JSONText {
    static func encode(_ object: Any, pretty: Bool = false) -> String {
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { options.insert(.prettyPrinted) }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: options),
              let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }

    /// A JSON number for a fact: whole numbers without a fraction.
    static func number(_ value: Double) -> Any {
        value.rounded() == value && abs(value) < 1e15 ? Int(value) as Any : value as Any
    }
}
