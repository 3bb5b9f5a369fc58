import Foundation
import GuideSupport

/// A light scan of Mustache source for what the library does not report: which partials and
/// layouts a template names, and where a variable is first used.
enum TemplateScanner {
    struct Reference {
        var name: String
        var location: SourceLocation
    }

    /// `{{> name}}` and `{{< name}}` tags.
    static func partialReferences(in text: String) -> [Reference] {
        tags(in: text).compactMap { tag in
            guard let sigil = tag.body.first, sigil == ">" || sigil == "<" else { return nil }
            let name = tag.body.dropFirst().trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : Reference(name: name, location: tag.location)
        }
    }

    /// The names a template looks up, by their first dotted part (`site` for `{{site.title}}`).
    static func names(in text: String) -> Set<String> {
        var names = Set<String>()
        for tag in tags(in: text) {
            var body = Substring(tag.body)
            guard let sigil = body.first, !"!><$=".contains(sigil) else { continue }
            if "#^/&{".contains(sigil) { body = body.dropFirst() }
            let name = body.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "}"))
            if let first = name.split(separator: ".").first { names.insert(String(first)) }
        }
        return names
    }

    /// The first tag whose name (or first dotted part) is `name`.
    static func firstUse(of name: String, in text: String) -> SourceLocation? {
        for tag in tags(in: text) {
            var body = Substring(tag.body)
            if let sigil = body.first, "#^/&{".contains(sigil) { body = body.dropFirst() }
            let tagName = body.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "}"))
            if tagName == name || tagName.split(separator: ".").contains(Substring(name)) { return tag.location }
        }
        return nil
    }

    private static func tags(in text: String) -> [(body: String, location: SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        var line = 1, column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{"), let close = text[index...].range(of: "}}") {
                let body = text[text.index(index, offsetBy: 2)..<close.lowerBound]
                found.append((String(body), SourceLocation(line: line, column: column)))
            }
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return found
    }
}

