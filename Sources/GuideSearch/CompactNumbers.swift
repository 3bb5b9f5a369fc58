/// Whole numbers ≥ 0 written as a JSON-safe string, 5 bits a character, low bits first
/// (`0-9A-Za-z-_`: the first 32 end a number, the last 32 say more follows). A typical gap or
/// weight takes one character, and a host's gzip still compresses it: the search files stay
/// JSON, which every host compresses, rather than a binary format that some serve as is.
public enum CompactNumbers {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    /// The numbers are counts and gaps between ascending document numbers, never negative as
    /// the index builds them; a bug that made one so is an error of the build, not a trap.
    public struct NegativeNumber: Error, Sendable {
        public var value: Int

        public var message: String { "the search index would hold the negative number \(value), which its format cannot write" }
    }

    static func append(_ value: Int, to bytes: inout [UInt8]) throws(NegativeNumber) {
        guard value >= 0 else { throw NegativeNumber(value: value) }
        var rest = value
        while rest >= 32 {
            bytes.append(alphabet[32 + (rest & 31)])
            rest >>= 5
        }
        bytes.append(alphabet[rest])
    }

    static func encode(_ values: [Int]) throws(NegativeNumber) -> [UInt8] {
        var bytes: [UInt8] = []
        for value in values { try append(value, to: &bytes) }
        return bytes
    }

    /// Reads a string back into its numbers (for tests and tools).
    public static func decode(_ text: String) -> [Int] {
        var values: [Int] = [], value = 0, shift = 0
        for byte in text.utf8 {
            guard let digit = alphabet.firstIndex(of: byte) else { continue }
            value |= (digit & 31) << shift
            if digit < 32 {
                values.append(value)
                value = 0
                shift = 0
            } else {
                shift += 5
            }
        }
        return values
    }
}
