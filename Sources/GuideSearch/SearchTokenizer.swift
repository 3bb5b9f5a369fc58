import Foundation

/// Splits text into the words the search index stores and the search box looks up. The browser
/// runs the same steps (`Templates/assets/search.js`, `tokenize`); the shared fixture
/// `Tests/Fixtures/search/tokenizer.json` keeps the two identical.
///
/// 1. Unicode NFKD, then every mark (general category M) is dropped: `é` -> `e`, `ﬁ` -> `fi`.
/// 2. Lowercase; `ς` -> `σ`, and letters with no decomposition are spelt out: `ß` -> `ss`,
///    `æ` -> `ae`, `œ` -> `oe`, `ø` -> `o`, `ł` -> `l`, `đ` -> `d`, `ı` -> `i`.
/// 3. A word is a run of letters and digits (categories L and N). An apostrophe (`'` or `’`)
///    between two of them stays inside the word, as does `.` or `,` between two digits.
/// 4. In each word a final `'s` is dropped, then the other apostrophes and the commas
///    (`library's` -> `library`, `1,000` -> `1000`, `3.5` stays).
/// 5. `WordFolding` conflates inflections of plain a–z words.
///
/// Steps 1 and 2 work one character at a time, which gives the same result as on the whole
/// text because the marks that canonical ordering would move are dropped. ASCII takes a fast
/// path; other characters are worked out once and remembered, which keeps a large site's index
/// build short. One tokenizer serves one build: it is not shared between threads.
public struct SearchTokenizer {
    /// A normalized character and its class.
    private struct Unit {
        var scalar: Unicode.Scalar
        var isWord: Bool
        var isDigit: Bool
    }

    private var cache: [UInt32: [Unit]] = [:]

    public init() {}

    public static func tokenize(_ text: String) -> [String] {
        var tokenizer = SearchTokenizer()
        return tokenizer.tokens(text)
    }

    public mutating func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        forEachWord(text) { tokens.append(Self.finish($0)) }
        return tokens
    }

    /// Calls `body` with each word of `text` after steps 1–3, as UTF-8 bytes: `finish` makes it
    /// a token. The index builder remembers the token of each distinct word, so the folding
    /// runs once a word rather than once an occurrence.
    mutating func forEachWord(_ text: String, _ body: ([UInt8]) -> Void) {
        let units = normalize(text)
        var index = 0
        var word: [UInt8] = []
        while index < units.count {
            guard units[index].isWord else { index += 1; continue }
            word.removeAll(keepingCapacity: true)
            while index < units.count {
                let unit = units[index]
                let next = index + 1 < units.count ? units[index + 1] : nil
                if unit.isWord
                    || (unit.scalar == "'" && next?.isWord == true)
                    || ((unit.scalar == "." || unit.scalar == ",") && next?.isDigit == true && units[index - 1].isDigit) {
                    append(unit.scalar, to: &word)
                } else {
                    break
                }
                index += 1
            }
            body(word)
        }
    }

    private mutating func normalize(_ text: String) -> [Unit] {
        var units: [Unit] = []
        units.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                var lower = UInt8(value)
                if lower >= 0x41 && lower <= 0x5A { lower += 0x20 }
                let isDigit = lower >= 0x30 && lower <= 0x39
                units.append(Unit(scalar: Unicode.Scalar(lower), isWord: isDigit || (lower >= 0x61 && lower <= 0x7A), isDigit: isDigit))
            } else if let known = cache[value] {
                units += known
            } else {
                let mapped = Self.slowNormalize(scalar)
                cache[value] = mapped
                units += mapped
            }
        }
        return units
    }

    private static func slowNormalize(_ scalar: Unicode.Scalar) -> [Unit] {
        var units: [Unit] = []
        for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars where !isMark(part) {
            for lower in part.properties.lowercaseMapping.unicodeScalars {
                for spelt in spelling[lower].map({ Array($0.unicodeScalars) }) ?? [lower] {
                    let category = spelt.properties.generalCategory
                    units.append(Unit(scalar: spelt, isWord: isWord(category), isDigit: category == .decimalNumber))
                }
            }
        }
        return units
    }

    private static let spelling: [Unicode.Scalar: String] = [
        "\u{2019}": "'", "ς": "σ", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i",
    ]

    private func append(_ scalar: Unicode.Scalar, to word: inout [UInt8]) {
        if scalar.value < 0x80 { word.append(UInt8(scalar.value)) } else { word += Array(String(scalar).utf8) }
    }

    /// Steps 4 and 5: a word from `forEachWord` as the token the index stores.
    static func finish(_ word: [UInt8]) -> String {
        var word = word
        if word.count >= 2, word[word.count - 2] == 0x27, word[word.count - 1] == 0x73 { word.removeLast(2) } // 's
        if word.contains(where: { $0 == 0x27 || $0 == 0x2C }) { word.removeAll { $0 == 0x27 || $0 == 0x2C } } // ' and ,
        WordFolding.fold(&word)
        return String(decoding: word, as: UTF8.self)
    }

    private static func isWord(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
