import GuideSupport

/// A content file cut into its YAML front matter and its Markdown body, with the line on which
/// each starts so that errors from YAML and Markdown can be mapped back to the file.
struct FrontMatter {
    var yaml: String
    /// Line in the file of the first YAML line (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    /// Line in the file of the first body line.
    var bodyFirstLine: Int

    static func split(_ source: SourceText, path: String) -> Result<FrontMatter, Diagnostic> {
        let text = source.text
        if text.allSatisfy(\.isWhitespace) {
            return .failure(.error(path, .start, "file is empty; an entry opens with front matter between two `---` lines"))
        }
        // Lines are found by bytes: splitting the whole body into Characters first was a
        // twentieth of a large build.
        let utf8 = text.utf8
        func lineEnd(from start: String.Index) -> String.Index { utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex }
        let firstEnd = lineEnd(from: text.startIndex)
        guard isFence(text[text.startIndex..<firstEnd]) else {
            return .failure(.error(path, .start, "missing front matter: the first line must be `---`, followed by YAML and a closing `---`"))
        }
        let yamlStart = firstEnd < text.endIndex ? utf8.index(after: firstEnd) : text.endIndex
        var cursor = yamlStart, line = 2
        while firstEnd < text.endIndex {
            let end = lineEnd(from: cursor)
            if isFence(text[cursor..<end]) || text[cursor..<end].trimmingTrailingSpaces == "..." {
                return .success(FrontMatter(
                    yaml: cursor == yamlStart ? "" : String(text[yamlStart..<utf8.index(before: cursor)]),
                    yamlFirstLine: 2,
                    body: end < text.endIndex ? String(text[utf8.index(after: end)...]) : "",
                    bodyFirstLine: line + 1
                ))
            }
            guard end < text.endIndex else { break }
            cursor = utf8.index(after: end)
            line += 1
        }
        return .failure(.error(path, .start, "front matter opened here is never closed; add a line `---` after the last YAML line"))
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.trimmingTrailingSpaces == "---"
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var line = self
        while let last = line.last, last == " " || last == "\t" { line.removeLast() }
        return line
    }
}
