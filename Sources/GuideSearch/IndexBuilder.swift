import Foundation
import GuideSupport

/// Tokenizes every field of every document and gathers the postings.
public enum IndexBuilder {
    public static func build(_ documents: [SearchDocument]) -> SearchIndex {
        let block = tokenize(documents[...])
        return SearchIndex(documents: documents, lengths: block.lengths, postings: Dictionary(uniqueKeysWithValues: zip(block.words, block.lists)))
    }

    /// The index of `blocks`, in order, as `build` makes it from their documents (tested):
    /// each block's documents and postings renumbered after those of the blocks before it.
    static func merge(_ blocks: [SearchBlock]) -> SearchIndex {
        var offsets: [Int] = [], documents: [SearchDocument] = [], lengths: [Int] = []
        documents.reserveCapacity(blocks.reduce(0) { $0 + $1.documents.count })
        lengths.reserveCapacity(documents.capacity)
        for block in blocks {
            let offset = documents.count
            offsets.append(offset)
            for var document in block.documents {
                document.parent = document.parent.map { $0 + offset }
                documents.append(document)
            }
            lengths += block.tokens.lengths
        }
        // The words shared out among the cores by their first byte; each core gathers the
        // postings of its words from every block, in block order.
        let parts = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let gathered = Array(0..<parts).parallelMap { part -> [String: [SearchIndex.Posting]] in
            var postings: [String: [SearchIndex.Posting]] = [:]
            for (block, offset) in zip(blocks, offsets) {
                for (word, list) in zip(block.tokens.words, block.tokens.lists) where Int(word.utf8.first ?? 0) % parts == part {
                    postings[word, default: []].append(contentsOf: list.lazy.map { SearchIndex.Posting(document: $0.document + offset, weight: $0.weight) })
                }
            }
            return postings
        }
        var postings = gathered[0]
        postings.reserveCapacity(gathered.reduce(0) { $0 + $1.count })
        for more in gathered.dropFirst() { postings.merge(more) { first, _ in first } }
        return SearchIndex(documents: documents, lengths: lengths, postings: postings)
    }

    /// The words of `documents`, each with its postings (counting from the slice's start), and
    /// each document's length in words.
    static func tokenize(_ documents: ArraySlice<SearchDocument>) -> TokenBlock {
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
    public var words: [String] = []
    public var lists: [[SearchIndex.Posting]] = []
    public var lengths: [Int] = []

    public init(words: [String] = [], lists: [[SearchIndex.Posting]] = [], lengths: [Int] = []) {
        self.words = words
        self.lists = lists
        self.lengths = lengths
    }
}
