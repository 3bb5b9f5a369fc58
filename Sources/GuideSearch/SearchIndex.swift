/// The inverted index of a site: for every word, the documents that hold it and how strongly.
public struct SearchIndex: Sendable {
    public struct Posting: Sendable, Hashable {
        public var document: Int
        /// Σ over fields of field weight × occurrences, capped at `maximumWeight`.
        public var weight: Int

        public init(document: Int, weight: Int) {
            self.document = document
            self.weight = weight
        }
    }

    public static let maximumWeight = 255

    public var documents: [SearchDocument]
    /// Words in each document, all fields together, for BM25's length normalisation.
    public var lengths: [Int]
    /// Postings by word, each list in document order.
    public var postings: [String: [Posting]]

    /// Every word, in UTF-16 order: the order JavaScript compares strings in, so shard ranges
    /// mean the same on both sides.
    public var terms: [String] {
        // Each word's UTF-16 units are read once, not at every comparison.
        postings.keys.map { (Array($0.utf16), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
    }

    public var averageLength: Double {
        lengths.isEmpty ? 0 : Double(lengths.reduce(0, +)) / Double(lengths.count)
    }

    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }
}
