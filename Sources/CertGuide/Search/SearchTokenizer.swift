/// Splits text into the words the search index stores and the search box looks up. The browser
/// runs the same steps (`Templates/assets/search-engine.js`, `tokenize`); the shared fixture
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
public enum SearchTokenizer {
    public static func tokenize(_ text: String) -> [String] {
        let scalars = normalizedScalars(text)
        var tokens: [String] = []
        var index = 0
        while index < scalars.count {
            guard isWordScalar(scalars[index]) else { index += 1; continue }
            var word = String.UnicodeScalarView()
            while index < scalars.count {
                let scalar = scalars[index]
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                if isWordScalar(scalar) {
                    word.append(scalar)
                } else if scalar == "'", let next, isWordScalar(next) {
                    word.append(scalar)
                } else if scalar == "." || scalar == ",", let next, isDigit(next), isDigit(scalars[index - 1]) {
                    word.append(scalar)
                } else {
                    break
                }
                index += 1
            }
            tokens.append(finish(String(word)))
        }
        return tokens
    }

    /// Steps 1 and 2, one scalar at a time.
    static func normalizedScalars(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars where !isMark(scalar) {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                if let spelt = spelling[lower] { result += spelt.unicodeScalars } else { result.append(lower) }
            }
        }
        return result
    }

    private static let spelling: [Unicode.Scalar: String] = [
        "\u{2019}": "'", "ς": "σ", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i",
    ]

    private static func finish(_ word: String) -> String {
        var word = word
        if word.hasSuffix("'s") { word.removeLast(2) }
        word.removeAll { $0 == "'" || $0 == "," }
        return WordFolding.fold(word)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
