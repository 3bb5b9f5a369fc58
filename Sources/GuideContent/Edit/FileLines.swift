/// A file as lines (numbered from 1, without their `\n`), and the edits the rewriter makes to
/// them. Lines no edit touches come out exactly as they went in.
struct FileLines {
    var lines: [String]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    subscript(line: Int) -> String { line >= 1 && line <= lines.count ? lines[line - 1] : "" }

    /// The characters of a line as the YAML parser counts columns: Unicode scalars.
    func scalars(_ line: Int) -> [Unicode.Scalar] { Array(self[line].unicodeScalars) }

    func isBlankOrComment(_ line: Int) -> Bool {
        let trimmed = self[line].drop { $0 == " " || $0 == "\t" }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    /// `last` moved up past blank and comment lines: a comment after a value usually
    /// introduces what follows it (or is a commented-out optional key), so it is not the value's.
    func trimmedEnd(_ first: Int, _ last: Int) -> Int {
        var end = last
        while end > first, isBlankOrComment(end) { end -= 1 }
        return end
    }

    func indentation(_ line: Int) -> String {
        String(self[line].prefix { $0 == " " })
    }

    func applying(_ edits: [LineEdit]) -> String {
        var lines = self.lines
        var body: String?
        var bodyLine = lines.count + 1
        for edit in edits.sorted(by: { $0.position > $1.position }) {
            switch edit {
            case .span(let line, let from, let to, let text):
                var scalars = Array(lines[line - 1].unicodeScalars)
                scalars.replaceSubrange((from - 1)..<(to - 1), with: Array(text.unicodeScalars))
                var replaced = ""
                replaced.unicodeScalars.append(contentsOf: scalars)
                lines[line - 1] = replaced
            case .lines(let from, let through, let with):
                lines.replaceSubrange((from - 1)..<through, with: with)
            case .body(let from, let text):
                body = text
                bodyLine = from
            }
        }
        guard let body else { return lines.joined(separator: "\n") }
        // The body starts after the closing fence; nothing an edit does moves it, as edits
        // are applied from the end of the file up and only in front matter.
        let shift = lines.count - self.lines.count
        return lines.prefix(bodyLine - 1 + shift).map { $0 + "\n" }.joined() + body
    }
}

/// One change to a file's lines.
enum LineEdit {
    /// Columns `from..<to` of a line (Unicode scalars, from 1) become `text`.
    case span(line: Int, from: Int, to: Int, String)
    /// Lines `from...through` become `with`; `through == from - 1` inserts before `from`.
    case lines(from: Int, through: Int, with: [String])
    /// Everything from line `from` on becomes the text.
    case body(from: Int, String)

    var position: Position {
        switch self {
        case .span(let line, let from, _, _): Position(line: line, column: from)
        case .lines(let from, _, _): Position(line: from, column: 0)
        case .body(let from, _): Position(line: from, column: -1)
        }
    }

    struct Position: Comparable {
        var line: Int, column: Int
        static func < (a: Position, b: Position) -> Bool { (a.line, a.column) < (b.line, b.column) }
    }
}
