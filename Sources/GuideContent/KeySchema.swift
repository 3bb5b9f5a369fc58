import Foundation
import GuideSupport

/// The keys a front-matter mapping may hold. Checked before decoding so that every unknown key
/// (with the nearest known one suggested) and every missing field of a file is reported at once:
/// a typo must never silently drop a fact.
public indirect enum KeySchema: Sendable {
    /// A scalar of the given kind. Checked here as well as by `Decodable`, so that every wrong
    /// value of a file is reported in one run, not only the first one the decoder meets.
    case value(ScalarKind)
    case list(of: KeySchema)
    /// `ordered` pairs two keys of numbers (`min`, `max`) where the second may not be less than
    /// the first: a swapped pair would otherwise reach the page as a range that runs backwards.
    case mapping(keys: [(String, KeySchema)], required: Set<String>, ordered: [(low: String, high: String)])
    /// A scalar of the kind, or else a list or mapping of the schema: `source: 2` or
    /// `source: [1, 3]`, a caution as one line or as `{ text, fact }`.
    case scalarOr(ScalarKind, KeySchema)

    static func mapping(_ keys: KeyValuePairs<String, KeySchema>, required: Set<String> = [],
                        ordered: [(low: String, high: String)] = []) -> KeySchema {
        .mapping(keys: keys.map { ($0.key, $0.value) }, required: required, ordered: ordered)
    }

    static let text = KeySchema.value(.text)
    /// Any whole number that fits the program (`order`): it is only compared, never shown.
    static let integer = KeySchema.value(.integer(.anyInteger))

    static func integer(_ range: NumberRange) -> KeySchema { .value(.integer(range)) }
    static func number(_ range: NumberRange) -> KeySchema { .value(.number(range)) }
    static let flag = KeySchema.value(.flag)
    static let date = KeySchema.value(.date)
    static let webAddress = KeySchema.value(.webAddress)
    static let siteLink = KeySchema.value(.siteLink)
}

public enum ScalarKind: Sendable {
    case text, flag, date
    /// A whole number within the range.
    case integer(NumberRange)
    /// A finite number within the range: `.nan`, `inf` and `1e400` are not figures a page can show.
    case number(NumberRange)
    /// An absolute `http(s)://` address: anything else (`javascript:`, `data:`) would become a
    /// link that runs code when a reader clicks it.
    case webAddress
    /// A site path (`/compare/`) or an absolute `http(s)://` address.
    case siteLink
    /// One word of a closed vocabulary (`level`, `settings`).
    case word(String, [String])
    /// A short name of lowercase letters, digits and hyphens that is not a number (`fees`),
    /// so a citation by name can never be read as a citation by number.
    case key
    /// A source's number, counting from 1, or its `key`; whether it names a source of the
    /// entry is checked once the entry is decoded (`FrontMatterRules`).
    case sourceReference

    /// Why `value` is not of this kind, or nil when it is.
    func problem(with value: String, path: String) -> String? {
        switch self {
        case .text:
            return nil
        case .integer(let range):
            guard let number = Int(value) else {
                let described = range == .anyInteger ? "" : " \(range.description)"
                return "`\(path)` must be a whole number\(described), not `\(value)`"
            }
            return range.contains(Double(number)) ? nil : "`\(path)` must be \(range.description), not `\(value)`"
        case .number(let range):
            guard let number = Double(value), number.isFinite else {
                return "`\(path)` must be a number \(range.description), not `\(value)`"
            }
            return range.contains(number) ? nil : "`\(path)` must be \(range.description), not `\(value)`"
        case .flag:
            return ["true", "false", "yes", "no", "on", "off"].contains(value.lowercased()) ? nil : "`\(path)` must be `true` or `false`, not `\(value)`"
        case .date:
            return Day(value) == nil ? Day.invalidMessage(value) : nil
        case .webAddress:
            return Self.isWebAddress(value) ? nil : "`\(path)` must be a web address starting with https:// or http://, not `\(value)`"
        case .siteLink:
            let isSitePath = value.hasPrefix("/") && !value.hasPrefix("//")
            return isSitePath || Self.isWebAddress(value) ? nil
                : "`\(path)` must be a site path like `/compare/` or a web address starting with https://, not `\(value)`"
        case .word(let what, let allowed):
            return allowed.contains(value.lowercased()) ? nil : Vocabulary.unknownWordMessage(value, what: what, allowed: allowed)
        case .key:
            return Self.isKey(value) ? nil
                : "`\(path)` must be a short name of lowercase letters, digits and hyphens that is not a number, like `fees`, not `\(value)`"
        case .sourceReference:
            if let number = Int(value) {
                return number >= 1 ? nil : "`\(path)` must be a source's number in the list, counting from 1, not `\(value)`"
            }
            return Self.isKey(value) ? nil
                : "`\(path)` must name a source by its number (counting from 1) or its `key`, not `\(value)`"
        }
    }

    var isText: Bool {
        if case .text = self { return true }
        return false
    }

    private static func isKey(_ value: String) -> Bool {
        !value.isEmpty && Int(value) == nil && value.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    private static func isWebAddress(_ value: String) -> Bool {
        let lowered = value.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), let url = URL(string: value) else { return false }
        return url.host?.isEmpty == false
    }
}

extension KeySchema {
    /// Problems of `node` against this schema, with locations inside the YAML block.
    func problems(in node: YAMLNodeView, path: String) -> [(SourceLocation, String)] {
        switch self {
        case .value(let kind):
            if node.isNull || (kind.isText && node.string?.isEmpty == true) { return [(node.location, "`\(path)` has no value")] }
            guard let string = node.string else {
                return [(node.location, "`\(path)` must be a single value, not a list or mapping")]
            }
            return kind.problem(with: string, path: path).map { [(node.location, $0)] } ?? []
        case .scalarOr(let kind, let otherwise):
            if node.string != nil { return KeySchema.value(kind).problems(in: node, path: path) }
            if node.items != nil, case .mapping(let keys, _, _) = otherwise {
                return [(node.location, "`\(path)` must be a single value or a mapping with keys "
                    + "\(keys.map { "`\($0.0)`" }.joined(separator: ", ")), not a list")]
            }
            return otherwise.problems(in: node, path: path)
        case .list(let item):
            guard let items = node.items else {
                if node.isNull { return [] }
                return [(node.location, "`\(path)` must be a list, like `[a, b]` or lines starting with `- `")]
            }
            return items.enumerated().flatMap { index, element in
                item.problems(in: element, path: "\(path)[\(index)]")
            }
        case .mapping(let keys, let required, let ordered):
            guard let pairs = node.pairs else {
                return [(node.location, path.isEmpty
                    ? "front matter must be a mapping of `key: value` lines"
                    : "`\(path)` must be a mapping with keys \(keys.map { "`\($0.0)`" }.joined(separator: ", "))")]
            }
            var found: [(SourceLocation, String)] = []
            var present = Set<String>()
            // Values that passed their own check, for the checks between keys.
            var valid: [String: YAMLNodeView] = [:]
            func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
            let known = Dictionary(keys, uniquingKeysWith: { a, _ in a })
            for (keyNode, valueNode) in pairs {
                let key = keyNode.string ?? ""
                let keyPath = child(key)
                guard let schema = known[key] else {
                    let place = path.isEmpty ? "" : " in `\(path)`"
                    found.append((keyNode.location, "unknown key `\(key)`\(place)\(Suggestion.hint(for: key, in: keys.map(\.0)))"))
                    continue
                }
                // An optional key without a value (`max: null`, `max: ~`, `max:`) is as if absent.
                if valueNode.isNull, !required.contains(key) { continue }
                present.insert(key)
                let problems = schema.problems(in: valueNode, path: keyPath)
                if problems.isEmpty { valid[key] = valueNode }
                found += problems
            }
            for (low, high) in ordered {
                guard let lowNode = valid[low], let highNode = valid[high], let lowText = lowNode.string, let highText = highNode.string,
                      let lowest = Double(lowText), let highest = Double(highText), highest < lowest else { continue }
                found.append((highNode.location, "`\(child(high))` (\(highText)) is less than `\(child(low))` (\(lowText)); "
                    + "`\(low)` takes the smaller figure and `\(high)` the larger, so swap them"))
            }
            for key in keys.map(\.0) where required.contains(key) && !present.contains(key) {
                let place = path.isEmpty ? "" : " in `\(path)`"
                found.append((node.location, "missing required field `\(key)`\(place)"))
            }
            return found
        }
    }
}
