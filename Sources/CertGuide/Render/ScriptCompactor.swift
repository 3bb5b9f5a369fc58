/// Shrinks the JavaScript of `assets/` as it is copied: whole-line comments, indentation and
/// blank lines go, which readers of the source want and browsers do not need. Nothing inside
/// a line changes, so a script behaves the same; a file with a template literal that spans
/// lines (an odd number of backticks on a line) is left exactly as it is.
enum ScriptCompactor {
    static func compact(_ source: String) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.contains(where: { $0.filter { $0 == "`" }.count % 2 == 1 }) { return source }
        var kept: [Substring] = []
        var inComment = false
        for line in lines {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if inComment {
                inComment = !trimmed.hasSuffix("*/")
                continue
            }
            if trimmed.hasPrefix("/*"), !trimmed.dropFirst(2).contains("*/") || trimmed.hasSuffix("*/") {
                inComment = !trimmed.hasSuffix("*/") || trimmed == "/*"
                continue
            }
            if trimmed.isEmpty || trimmed.hasPrefix("//") { continue }
            kept.append(trimmed)
        }
        return kept.joined(separator: "\n") + "\n"
    }
}
