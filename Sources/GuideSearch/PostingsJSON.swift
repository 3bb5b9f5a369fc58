import GuideSupport

/// The index file (or a shard): `{"terms":["word",…],"postings":["…",…]}`, words in UTF-16
/// order and each word's postings at the same position, as `CompactNumbers`. A posting is the
/// gap from the previous document less one (the first: its number) times two, plus one when
/// its weight is not 1, then that weight less two. Weight 1, by far the most common, costs
/// nothing, and most gaps fit one character.
public enum PostingsJSON {
    /// `[2 (1), 4 (9), 9 (1)]` -> numbers `4, 3, 7, 8` -> `"4378"`.
    static func encode(_ postings: [SearchIndex.Posting]) throws(CompactNumbers.NegativeNumber) -> [UInt8] {
        var bytes: [UInt8] = []
        var previous = -1
        for posting in postings {
            let gap = posting.document - previous - 1
            if posting.weight == 1 {
                try CompactNumbers.append(gap * 2, to: &bytes)
            } else {
                try CompactNumbers.append(gap * 2 + 1, to: &bytes)
                try CompactNumbers.append(posting.weight - 2, to: &bytes)
            }
            previous = posting.document
        }
        return bytes
    }

    /// Bytes a word adds to an index file: its name, its postings and four quotes, two commas.
    static func size(_ term: String, _ encoded: [UInt8]) -> Int { term.utf8.count + encoded.count + 6 }

    static func file(_ terms: [String], _ encoded: [String: [UInt8]]) -> [UInt8] {
        var writer = JSONWriter()
        writer.raw("{\"terms\":")
        writer.strings(terms)
        writer.raw(",\n\"postings\":[")
        for (index, term) in terms.enumerated() {
            if index > 0 { writer.raw(",\n") }
            writer.raw([0x22])
            writer.raw(encoded[term] ?? [])
            writer.raw([0x22])
        }
        writer.raw("]}\n")
        return writer.bytes
    }

    /// Reads a word's postings back (for tests and tools).
    public static func decode(_ text: String) -> [SearchIndex.Posting] {
        let numbers = CompactNumbers.decode(text)
        var postings: [SearchIndex.Posting] = []
        var document = -1, index = 0
        while index < numbers.count {
            document += numbers[index] / 2 + 1
            if numbers[index] % 2 == 0 {
                postings.append(.init(document: document, weight: 1))
                index += 1
            } else {
                postings.append(.init(document: document, weight: numbers[index + 1] + 2))
                index += 2
            }
        }
        return postings
    }
}
