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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard isFence(lines[0]) else {
            return .failure(.error(path, .start, "missing front matter: the first line must be `---`, followed by YAML and a closing `---`"))
        }
        lines.removeFirst()
        guard let closing = lines.firstIndex(where: { isFence($0) || $0.trimmingTrailingSpaces == "..." }) else {
            return .failure(.error(path, .start, "front matter opened here is never closed; add a line `---` after the last YAML line"))
        }
        return .success(FrontMatter(
            yaml: lines[..<closing].joined(separator: "\n"),
            yamlFirstLine: 2,
            body: lines[(closing + 1)...].joined(separator: "\n"),
            bodyFirstLine: closing + 3
        ))
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
