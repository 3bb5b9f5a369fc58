import GuideSupport
import Yams

/// A thin view over a Yams node that answers in this project's terms (locations, paths).
struct YAMLNodeView {
    let node: Node

    var location: SourceLocation {
        node.mark.map { SourceLocation(line: $0.line, column: $0.column) } ?? .start
    }

    var string: String? { node.scalar?.string }

    var isNull: Bool { Self.isNull(node) }

    /// YAML 1.2's core schema: an unquoted empty value, `~`, `null`, `Null` or `NULL`. The one
    /// rule of the schema check and the decoder, so what one reads as absent the other does.
    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    var items: [YAMLNodeView]? { node.sequence.map { $0.map(YAMLNodeView.init) } }

    var pairs: [(YAMLNodeView, YAMLNodeView)]? {
        node.mapping.map { $0.map { (YAMLNodeView(node: $0.key), YAMLNodeView(node: $0.value)) } }
    }

    /// Location of every value, keyed by path (`cost.min`, `related[1]`), for errors that are
    /// found after decoding (an unknown slug in `related`, a duplicate alias).
    func valueLocations(prefix: String = "", into table: inout [String: SourceLocation]) {
        table[prefix] = location
        if let pairs {
            for (key, value) in pairs {
                let name = key.string ?? ""
                value.valueLocations(prefix: prefix.isEmpty ? name : "\(prefix).\(name)", into: &table)
            }
        } else if let items {
            for (index, item) in items.enumerated() {
                item.valueLocations(prefix: "\(prefix)[\(index)]", into: &table)
            }
        }
    }
}
