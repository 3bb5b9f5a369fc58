import Foundation

/// A document's length in words as one character of the `CompactNumbers` alphabet: code
/// round(5 × log2(1 + words)), at most 63, read back as 2^(code / 5) − 1. Within 7 %, which moves
/// BM25's length factor (b = 0.3) by 2 % at most, and a site's ranking data stays one character a
/// document rather than two or three.
public enum LengthCode {
    public static func code(_ words: Int) -> Int {
        min(63, Int((5 * log2(1 + Double(max(0, words)))).rounded()))
    }

    public static func words(_ code: Int) -> Double {
        pow(2, Double(code) / 5) - 1
    }

    static func encode(_ lengths: [Int]) -> [UInt8] {
        lengths.map { CompactNumbers.alphabet[code($0)] }
    }

    /// The codes of a written string (for tests and tools).
    public static func decode(_ text: String) -> [Int] {
        text.utf8.compactMap { CompactNumbers.alphabet.firstIndex(of: $0) }
    }
}
