import Foundation
import GuideBuild
import GuideContent
import GuideSupport

/// The help under each field: the comment `certguide new` writes beside that key, read from the
/// scaffold itself so the two never drift apart; a key without a comment shows the example the
/// scaffold gives for it.
public struct FieldHelp: Sendable {
    private var texts: [String: String] = [:]

    public init(kind: EntryKind) {
        let scaffold = EntryScaffold(kind: kind, title: "Title", today: Day("2026-01-01")!).text
        for var line in scaffold.split(separator: "\n").map(String.init) {
            if line == "---" { if !texts.isEmpty { break } else { continue } }
            if line.hasPrefix("# ") { line.removeFirst(2) }
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].allSatisfy({ $0.isLowercase || $0 == "_" }), !line[..<colon].isEmpty else { continue }
            let key = String(line[..<colon])
            let rest = line[line.index(after: colon)...]
            if let hash = rest.range(of: " # ") {
                var comment = String(rest[hash.upperBound...]).trimmingCharacters(in: .whitespaces)
                if comment.hasPrefix("required: ") { comment.removeFirst("required: ".count) }
                texts[key] = Self.forForm(comment)
            } else {
                let example = rest.trimmingCharacters(in: .whitespaces)
                if !example.isEmpty { texts[key] = "For example: \(example)" }
            }
        }
    }

    public subscript(key: String) -> String? { texts[key] }

    /// The scaffold speaks of lines to delete; the form has a box to untick.
    private static func forForm(_ comment: String) -> String {
        let capitalized = comment.prefix(1).uppercased() + comment.dropFirst()
        return capitalized.replacingOccurrences(of: "Delete this line to publish", with: "Untick to publish")
    }
}
