import GuideSupport

/// Tokenizes every field of every document and gathers the postings.
public enum IndexBuilder {
    public static func build(_ documents: [SearchDocument]) -> SearchIndex {
        let block = tokenize(documents[...])
        return SearchIndex(documents: documents, lengths: block.lengths, postings: Dictionary(uniqueKeysWithValues: zip(block.words, block.lists)))
    }

    /// `build` for a build with a cache: the documents of each run of `TokenBlock.entries`
    /// entries are tokenized into a block kept under a fingerprint of those entries, so an edit
    /// tokenizes the documents of its own block again and merges the others as they were.
    /// The index is the one `build` makes (tested). Not used without a cache: the blocks' copy
    /// of the postings would add to the peak memory of a full build.
    /// - Parameter entryKeys: each entry's fingerprint, in the order of its documents (a page,
    ///   then its sections; a document without `parent` starts an entry).
    public static func build(_ documents: [SearchDocument], entryKeys: [Fingerprint], cache: any StageCache) -> SearchIndex {
        let starts = documents.indices.filter { documents[$0].parent == nil }
        // One page a document without a parent, so this holds; if it ever did not, the keys
        // would not say what a block holds.
        guard starts.count == entryKeys.count else { return build(documents) }
        var numbers: [String: Int] = [:]
        var lists: [[SearchIndex.Posting]] = []
        var lengths: [Int] = []
        lengths.reserveCapacity(documents.count)
        for first in stride(from: 0, to: starts.count, by: TokenBlock.entries) {
            let last = min(first + TokenBlock.entries, starts.count)
            let range = starts[first]..<(last < starts.count ? starts[last] : documents.count)
            var key = Fingerprint(String(TokenBlock.entries))
            for entry in entryKeys[first..<last] { key.add(entry) }
            let block = cache.value("search-tokens:\(first / TokenBlock.entries)", key: key) { tokenize(documents[range]) }.value
            let offset = range.lowerBound
            for (word, postings) in zip(block.words, block.lists) {
                let number = numbers[word] ?? {
                    numbers[word] = lists.count
                    lists.append([])
                    return lists.count - 1
                }()
                for posting in postings { lists[number].append(SearchIndex.Posting(document: posting.document + offset, weight: posting.weight)) }
            }
            lengths += block.lengths
        }
        return SearchIndex(documents: documents, lengths: lengths,
                           postings: Dictionary(uniqueKeysWithValues: numbers.map { ($0.key, lists[$0.value]) }))
    }

    /// The words of `documents`, each with its postings (counting from the slice's start), and
    /// each document's length in words.
    private static func tokenize(_ documents: ArraySlice<SearchDocument>) -> TokenBlock {
        var tokenizer = SearchTokenizer()
        // Words are numbered as first seen, so each document's counts are keyed by a number;
        // `known` maps each word as written (before folding) to its number, so a word is folded
        // and hashed as a string once, not at every occurrence.
        var known: [[UInt8]: Int] = [:]
        var numbers: [String: Int] = [:]
        var block = TokenBlock()
        block.lengths.reserveCapacity(documents.count)
        // A document's weight for each word number, and the numbers it touched, reset after it.
        var weights: [Int] = []
        var touched: [Int] = []
        for (document, fields) in documents.map(\.fields).enumerated() {
            var length = 0
            for field in SearchDocument.Field.allCases {
                guard let text = fields[field], !text.isEmpty else { continue }
                let weight = field.weight
                tokenizer.forEachWord(text) { word in
                    length += 1
                    let number: Int
                    if let seen = known[word] { number = seen } else {
                        let token = SearchTokenizer.finish(word)
                        if let seen = numbers[token] { number = seen } else {
                            number = block.words.count
                            numbers[token] = number
                            block.words.append(token)
                            block.lists.append([])
                            weights.append(0)
                        }
                        known[word] = number
                    }
                    if weights[number] == 0 { touched.append(number) }
                    weights[number] += weight
                }
            }
            block.lengths.append(length)
            for number in touched {
                block.lists[number].append(.init(document: document, weight: min(weights[number], SearchIndex.maximumWeight)))
                weights[number] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return block
    }
}

/// The words and postings of the documents of a run of entries, documents counted from the
/// run's first: what the incremental build keeps of the search index between builds.
public struct TokenBlock: Sendable {
    /// Entries a block. Smaller blocks redo less after an edit and merge more pieces: at
    /// 10,000 certifications and 2,000 questions, 64 make 188 blocks.
    public static let entries = 64

    public var words: [String] = []
    public var lists: [[SearchIndex.Posting]] = []
    public var lengths: [Int] = []

    public init(words: [String] = [], lists: [[SearchIndex.Posting]] = [], lengths: [Int] = []) {
        self.words = words
        self.lists = lists
        self.lengths = lengths
    }
}
