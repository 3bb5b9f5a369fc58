/// Shrinks the JavaScript of `assets/` as it is copied: comments go, and so do the spaces no
/// token needs. A space stays between two words (`return x`) and inside `+ +` and `- -`; a
/// line break stays wherever a statement could end there, so automatic semicolons fall where
/// they did. Strings, template literals and regular expressions are copied as they are.
/// Readers of the source want the comments and indentation; browsers do not, and the search
/// script has a budget of 8 KB gzipped.
///
/// A `/` starts a regular expression after an operator, `(`, `{`, `}`, a keyword such as
/// `return` or the `)` of `if (…)`, `while (…)` and `for (…)`, and divides after a name, a
/// number, `]` or any other `)`.
public struct ScriptCompactor {
    public static func compact(_ source: String) -> String {
        var compactor = ScriptCompactor(source: Array(source.utf8))
        compactor.code(inTemplate: false)
        if compactor.out.last != .newline { compactor.out.append(.newline) }
        return String(decoding: compactor.out, as: UTF8.self)
    }

    private let source: [UInt8]
    private var at = 0
    private var out: [UInt8] = []
    /// What separated the last token from the next: nothing, spaces, or a line break.
    private var gap: UInt8?
    private var regexAllowed = true
    /// The word just copied, if the last token was one; and for each `(` still open, whether it
    /// follows `if`, `while`, `for` or `with`, after whose `)` a statement (and so a `/re/`) starts.
    private var lastWord = ""
    private var openParens: [Bool] = []

    private init(source: [UInt8]) { self.source = source }

    private static let keywordsBeforeValues: Set<String> = [
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await",
    ]
    private static let keywordsBeforeConditions: Set<String> = ["if", "while", "for", "with"]

    /// Copies code up to the end, or inside `${…}` of a template literal up to its `}`.
    private mutating func code(inTemplate: Bool) {
        var depth = 0
        while at < source.count {
            let c = source[at], next = at + 1 < source.count ? source[at + 1] : 0
            switch c {
            case .space, .tab, .carriageReturn:
                gap = gap ?? .space
                at += 1
            case .newline:
                gap = .newline
                at += 1
            case .slash where next == .slash:
                while at < source.count, source[at] != .newline { at += 1 }
            case .slash where next == .star:
                let end = closingComment(after: at + 2)
                gap = source[at..<end].contains(.newline) ? .newline : gap ?? .space
                at = end
            case .quote, .doubleQuote:
                token(source[at..<stringEnd(at)])
                regexAllowed = false
            case .backtick:
                template()
                regexAllowed = false
            case .slash where regexAllowed:
                if let end = regexEnd(at) {
                    token(source[at..<end])
                    regexAllowed = false
                } else {
                    punctuator(c)
                }
            case .closeBrace where inTemplate && depth == 0:
                return
            default:
                if Self.isWordByte(c) {
                    var end = at
                    while end < source.count, Self.isWordByte(source[end]) { end += 1 }
                    let word = String(decoding: source[at..<end], as: UTF8.self)
                    token(source[at..<end])
                    regexAllowed = Self.keywordsBeforeValues.contains(word)
                    lastWord = word
                } else {
                    if c == .openBrace { depth += 1 } else if c == .closeBrace { depth -= 1 }
                    punctuator(c)
                }
            }
        }
    }

    private mutating func punctuator(_ c: UInt8) {
        if c == .openParen { openParens.append(Self.keywordsBeforeConditions.contains(lastWord)) }
        token(source[at..<at + 1])
        regexAllowed = c == .closeParen ? openParens.popLast() ?? false : c != .closeBracket
    }

    /// Appends a token, with the gap before it if one is needed.
    private mutating func token(_ bytes: ArraySlice<UInt8>) {
        if let gap, let previous = out.last, let first = bytes.first {
            if gap == .newline, !Self.endsStatementless(previous), !Self.closes(first) {
                out.append(.newline)
            } else if Self.needsSpace(previous, first) {
                out.append(.space)
            }
        }
        gap = nil
        lastWord = ""
        out.append(contentsOf: bytes)
        at += bytes.count
    }

    /// A template literal, its `${…}` parts compacted as code.
    private mutating func template() {
        token(source[at..<at + 1])
        while at < source.count {
            let c = source[at]
            if c == .backslash {
                out.append(contentsOf: source[at..<min(at + 2, source.count)])
                at += 2
            } else if c == .dollar, at + 1 < source.count, source[at + 1] == .openBrace {
                out.append(contentsOf: [.dollar, .openBrace])
                at += 2
                gap = nil
                regexAllowed = true
                code(inTemplate: true)
                gap = nil
                if at < source.count { out.append(.closeBrace); at += 1 }
            } else {
                out.append(c)
                at += 1
                if c == .backtick { return }
            }
        }
    }

    private func stringEnd(_ start: Int) -> Int {
        let quote = source[start]
        var i = start + 1
        while i < source.count {
            let c = source[i]
            if c == .backslash { i += 2; continue }
            i += 1
            if c == quote || c == .newline { break }
        }
        return min(i, source.count)
    }

    /// The end of a regular expression starting at `start` (its flags follow as a word), or nil
    /// when the line ends first: then the `/` was not one.
    private func regexEnd(_ start: Int) -> Int? {
        var i = start + 1, inClass = false
        while i < source.count {
            let c = source[i]
            if c == .newline { return nil }
            if c == .backslash { i += 2; continue }
            if c == .openBracket { inClass = true } else if c == .closeBracket { inClass = false }
            i += 1
            if c == .slash, !inClass { return i }
        }
        return nil
    }

    private func closingComment(after start: Int) -> Int {
        var i = start
        while i + 1 < source.count, !(source[i] == .star && source[i + 1] == .slash) { i += 1 }
        return min(i + 2, source.count)
    }

    /// Letters, digits, `_`, `$` and anything not ASCII (names may use any letter).
    private static func isWordByte(_ c: UInt8) -> Bool {
        c >= 0x80 || (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F || c == .dollar
    }

    /// After these a line break can go: no statement ends there.
    private static func endsStatementless(_ c: UInt8) -> Bool {
        c == .openBrace || c == .semicolon || c == .comma || c == .openParen || c == .openBracket
    }

    private static func closes(_ c: UInt8) -> Bool {
        c == .closeBrace || c == .closeParen || c == .closeBracket
    }

    /// Whether two tokens would run together without a space: `return x`, `a + +b`, `1 .5`,
    /// and `< !--`, which would open an HTML-like comment.
    private static func needsSpace(_ a: UInt8, _ b: UInt8) -> Bool {
        (isWordByte(a) && isWordByte(b)) || (a == b && (a == .plus || a == .minus))
            || (isWordByte(a) && b == .dot) || (a == .lessThan && b == .exclamation)
    }
}

private extension UInt8 {
    static let tab: UInt8 = 0x09, newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D, space: UInt8 = 0x20
    static let exclamation: UInt8 = 0x21, doubleQuote: UInt8 = 0x22, dollar: UInt8 = 0x24, quote: UInt8 = 0x27
    static let openParen: UInt8 = 0x28, closeParen: UInt8 = 0x29, star: UInt8 = 0x2A, plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C, minus: UInt8 = 0x2D, dot: UInt8 = 0x2E, slash: UInt8 = 0x2F
    static let semicolon: UInt8 = 0x3B, lessThan: UInt8 = 0x3C, openBracket: UInt8 = 0x5B, backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D, backtick: UInt8 = 0x60, openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D
}
