/// The index file (or a shard): `{"terms": {"word": [postings], …}}`, one word a line, words in
/// UTF-16 order. Each posting is the gap from the previous document (the first: its number + 1),
/// and its weight. Weight 1, by far the most common, is not written: a positive gap stands for a
/// posting of weight 1, a negative gap is followed by the weight.
public enum PostingsJSON {
    /// `"word":[3,-2,9,5]`: document 2 with weight 1, document 4 with weight 9, document 9 with 1.
    static func entry(_ term: String, _ postings: [SearchIndex.Posting]) -> [UInt8] {
        var writer = JSONWriter()
        writer.string(term)
        writer.raw(":[")
        var previous = -1
        for (index, posting) in postings.enumerated() {
            if index > 0 { writer.raw([0x2C]) }
            let gap = posting.document - previous
            if posting.weight == 1 {
                writer.number(gap)
            } else {
                writer.number(-gap)
                writer.raw([0x2C])
                writer.number(posting.weight)
            }
            previous = posting.document
        }
        writer.raw("]")
        return writer.bytes
    }

    static func terms(_ terms: [String], _ entries: [String: [UInt8]]) -> [UInt8] {
        var bytes = Array("{\"terms\":{".utf8)
        for (index, term) in terms.enumerated() {
            if index > 0 { bytes += [0x2C, 0x0A] }
            bytes += entries[term]!
        }
        return bytes + Array("}}\n".utf8)
    }

    /// Reads an entry's list back into postings (for tests and tools).
    public static func decode(_ list: [Int]) -> [SearchIndex.Posting] {
        var postings: [SearchIndex.Posting] = []
        var document = -1, index = 0
        while index < list.count {
            if list[index] > 0 {
                document += list[index]
                postings.append(.init(document: document, weight: 1))
                index += 1
            } else {
                document -= list[index]
                postings.append(.init(document: document, weight: list[index + 1]))
                index += 2
            }
        }
        return postings
    }
}
