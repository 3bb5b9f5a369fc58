import Foundation
import GuideSupport
import Yams

/// Rewrites an entry file to new front-matter values by changing only the text of the values
/// that changed, at the line and column where the loader found them: key order, comments,
/// quoting style, untouched lines and the body stay byte for byte, so a commit shows the edit
/// and nothing else. A value that cannot be changed in place (a folded block, a scalar over
/// several lines) is written again whole, key and all; the result is parsed back and refused
/// unless it reads as the values asked for.
public struct FrontMatterRewriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// A value that could not be changed where it stands: its key is written again whole.
    struct NeedsWholeKey: Error {}

    let lines: FileLines
    let root: Node.Mapping
    let schema: KeySchema
    /// The file's last line of front matter (the line before the closing `---`).
    let lastYAMLLine: Int
    let bodyFirstLine: Int

    /// The front matter and body of an entry file as they stand, for an editor to fill its form.
    public static func current(_ text: String) throws(Failure) -> (values: FieldValue, body: String) {
        let text = (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).replacingOccurrences(of: "\r\n", with: "\n")
        let (split, root) = try parse(text)
        return (FieldValue(node: .mapping(root)) ?? .mapping([]), split.body)
    }

    /// Where each value of the file's front matter sits (`cost.min` -> 9:8, in file lines), for
    /// an editor to show the loader's messages at their fields.
    public static func valueLocations(_ text: String) -> [String: SourceLocation] {
        guard let (_, root) = try? parse(text.replacingOccurrences(of: "\r\n", with: "\n")) else { return [:] }
        var table: [String: SourceLocation] = [:]
        YAMLNodeView(node: .mapping(root)).valueLocations(into: &table)
        return table.mapValues { SourceLocation(line: $0.line + 1, column: $0.column) }
    }

    /// `text` with its front matter set to `values` (keys of `schema` only; any other key is
    /// left as it is) and, when given, its body replaced.
    public static func rewrite(_ original: String, schema: KeySchema, to values: FieldValue, body: String? = nil) throws(Failure) -> String {
        // Worked on as the loader reads it (no byte-order mark, LF), written back as it was.
        let bom = original.hasPrefix("\u{FEFF}")
        var text = bom ? String(original.dropFirst()) : original
        let crlf = text.contains("\r\n")
        if crlf { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        let result = try rewriteLF(text, schema: schema, to: values, body: body.map { $0.replacingOccurrences(of: "\r\n", with: "\n") })
        return (bom ? "\u{FEFF}" : "") + (crlf ? result.replacingOccurrences(of: "\n", with: "\r\n") : result)
    }

    private static func rewriteLF(_ text: String, schema: KeySchema, to values: FieldValue, body: String?) throws(Failure) -> String {
        let (split, root) = try parse(text)
        let lines = FileLines(text)
        let rewriter = FrontMatterRewriter(lines: lines, root: root, schema: schema,
                                           lastYAMLLine: split.bodyFirstLine - 2, bodyFirstLine: split.bodyFirstLine)
        let wanted = values.pruned ?? .mapping([])
        guard case .mapping(let keys, _, _) = schema, case .mapping(let fields) = wanted else {
            throw Failure(description: "front matter must be a mapping of `key: value` lines")
        }
        var edits: [LineEdit]
        do {
            edits = try rewriter.blockMapping(root, keys: keys, to: fields, first: 2, last: rewriter.lastYAMLLine, indent: "")
        } catch {
            throw Failure(description: "the front matter could not be changed in place")
        }
        if let body, body != split.body {
            edits.append(.body(from: split.bodyFirstLine, body))
        }
        let result = lines.applying(edits)
        // The guard: what was written must read back as what was asked for.
        let (_, reread) = try parse(result)
        guard FieldValue.same(FieldValue(node: .mapping(reread)), wanted, schema: schema) else {
            throw Failure(description: "the rewritten front matter would not read back as the form's values; nothing was written")
        }
        return result
    }

    private static func parse(_ text: String) throws(Failure) -> (FrontMatter, Node.Mapping) {
        let split: FrontMatter
        switch FrontMatter.split(SourceText(text: text), path: "") {
        case .success(let value): split = value
        case .failure(let problem): throw Failure(description: problem.message)
        }
        let node: Node?
        do { node = try Yams.compose(yaml: split.yaml) } catch { throw Failure(description: "invalid YAML: \(error)") }
        guard let mapping = node?.mapping ?? (node == nil ? Node.Mapping([]) : nil) else {
            throw Failure(description: "front matter must be a mapping of `key: value` lines")
        }
        return (split, mapping)
    }

    /// The file line of a node (Yams counts from the first YAML line, the file's second).
    func line(of node: Node) -> Int { (node.mark?.line ?? 1) + 1 }
}
