import Foundation
import GuideSupport
import Yams

/// Decodes a front-matter block into a `Decodable` type with Yams, reporting every problem at the
/// line and column of the offending key or value in the original file.
public struct FrontMatterDecoder {
    public struct Decoded<Value> {
        public var value: Value
        /// Where each value sits in the file, keyed by path (`related[1]`, `cost.min`).
        public var locations: [String: SourceLocation]
    }

    let path: String
    /// Added to Yams' line numbers, which count from the first line of the YAML block.
    let lineOffset: Int

    public init(path: String, firstLine: Int) {
        self.path = path
        self.lineOffset = firstLine - 1
    }

    public func decode<Value: Decodable>(_ type: Value.Type, from yaml: String, schema: KeySchema) -> Result<Decoded<Value>, DiagnosticsError> {
        let root: Node
        do {
            // Tags are not resolved: the schema check and `NodeDecoder` read every scalar's text
            // themselves. Yams' default resolver ran its regular expressions on every key of
            // every mapping to look for duplicates, a tenth of a guide of 10,000 entries' build.
            guard let composed = try Yams.compose(yaml: yaml, .basic) else {
                return .failure(DiagnosticsError([.error(path, SourceLocation(line: lineOffset + 1, column: 1),
                    "front matter is empty; it needs at least the required fields")]))
            }
            root = composed
        } catch {
            return .failure(DiagnosticsError([diagnostic(forYAMLError: error)]))
        }
        let view = YAMLNodeView(node: root)
        let problems = schema.problems(in: view, path: "")
        if !problems.isEmpty {
            return .failure(DiagnosticsError(problems.map { .error(path, shifted($0.0), $0.1) }))
        }
        var locations: [String: SourceLocation] = [:]
        view.valueLocations(into: &locations)
        locations = locations.mapValues(shifted)
        do {
            let value = try NodeDecoder.decode(type, from: root, at: [])
            if let rules = value as? FrontMatterRules {
                let problems = rules.problems()
                if !problems.isEmpty {
                    return .failure(DiagnosticsError(problems.map { .error(path, nearestLocation(of: $0.path, in: locations), $0.message) }))
                }
            }
            return .success(Decoded(value: value, locations: locations))
        } catch let error as DecodingError {
            return .failure(DiagnosticsError([diagnostic(for: error, locations: locations)]))
        } catch {
            return .failure(DiagnosticsError([diagnostic(forYAMLError: error)]))
        }
    }

    /// Where the value at `path` is written, or its nearest enclosing value (`cost` for `cost.source`).
    private func nearestLocation(of path: String, in locations: [String: SourceLocation]) -> SourceLocation {
        var path = Substring(path)
        while locations[String(path)] == nil, let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) { path = path[..<cut] }
        return locations[String(path)] ?? SourceLocation(line: lineOffset + 1, column: 1)
    }

    private func shifted(_ location: SourceLocation) -> SourceLocation {
        SourceLocation(line: location.line + lineOffset, column: location.column)
    }

    private func diagnostic(forYAMLError error: Error) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error(path, SourceLocation(line: lineOffset + 1, column: 1), "invalid YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text) at line \($0.mark.line + lineOffset))" } ?? ""
            return .error(path, shifted(SourceLocation(line: mark.line, column: mark.column)), "invalid YAML: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return .error(path, shifted(SourceLocation(line: context.mark.line, column: context.mark.column)),
                          "duplicate key \(names); each key may appear once")
        default:
            return .error(path, SourceLocation(line: lineOffset + 1, column: 1), "invalid YAML: \(yamlError)")
        }
    }

    private func diagnostic(for error: DecodingError, locations: [String: SourceLocation]) -> Diagnostic {
        func key(_ codingPath: [CodingKey]) -> String {
            codingPath.reduce(into: "") { result, key in
                if let index = key.intValue { result += "[\(index)]" } else { result += result.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
        }
        func located(_ codingPath: [CodingKey], _ message: String) -> Diagnostic {
            var path = codingPath
            while !path.isEmpty, locations[key(path)] == nil { path.removeLast() }
            return .error(self.path, locations[key(path)] ?? SourceLocation(line: lineOffset + 1, column: 1), message)
        }
        switch error {
        case .typeMismatch(let type, let context):
            return located(context.codingPath, "`\(key(context.codingPath))` must be \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            return located(context.codingPath, "`\(key(context.codingPath))` has no value; it must be \(Self.describe(type))")
        case .keyNotFound(let codingKey, let context):
            return located(context.codingPath, "missing required field `\(key(context.codingPath + [codingKey]))`")
        case .dataCorrupted(let context):
            return located(context.codingPath, context.debugDescription)
        @unknown default:
            return located([], "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "`true` or `false`"
        case is [Any].Type, is [String].Type: "a list"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : "a value of type \(type)"
        }
    }
}
