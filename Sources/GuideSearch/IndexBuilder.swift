import Foundation
import GuideSupport

/// Tokenizes every field of every document and gathers the postings.
public enum IndexBuilder {
    /// Runs of documents are tokenized on every core, each with word numbers of its own, then
    /// merged in document order, so each word's postings come out as one pass would list them.
    /// Tokenizing was most of the search index's time, and the search index the largest part
    /// of rebuilding a guide of 10,000 certifications after one edit.
    public static func build(_ documents: [SearchDocument]) -> SearchIndex {
        build(documents, runLength: max(64, documents.count / (ProcessInfo.processInfo.activeProcessorCount * 4) + 1))
    }

    /// `build` with runs of `runLength` documents (tests compare lengths).
    static func build(_ documents: [SearchDocument], runLength: Int) -> SearchIndex {
        var runs = Array(stride(from: 0, to: documents.count, by: runLength)).parallelMap { start in
            tokenize(documents, start..<min(start + runLength, documents.count))
        }
        var numbers: [String: Int] = [:]
        var lists: [[SearchIndex.Posting]] = []
        var lengths: [Int] = []
        lengths.reserveCapacity(documents.count)
        for index in runs.indices {
            // Taken out of `runs`, so each run's postings are freed once merged (a word's first
            // list is moved, not copied): the postings are not held twice at the peak.
            let run = runs[index]
            runs[index] = ([], [], [])
            for (word, postings) in zip(run.words, run.lists) {
                if let number = numbers[word] {
                    lists[number].append(contentsOf: postings)
                } else {
                    numbers[word] = lists.count
                    lists.append(postings)
                }
            }
            lengths += run.lengths
        }
        return SearchIndex(documents: documents, lengths: lengths,
                           postings: Dictionary(uniqueKeysWithValues: numbers.map { ($0.key, lists[$0.value]) }))
    }

    /// The words of `range` of `documents`, each with its postings (by index in `documents`),
    /// and each document's length in words.
    private static func tokenize(_ documents: [SearchDocument], _ range: Range<Int>) -> (words: [String], lists: [[SearchIndex.Posting]], lengths: [Int]) {
        var tokenizer = SearchTokenizer()
        // Words are numbered as first seen, so each document's counts are keyed by a number;
        // `known` maps each word as written (before folding) to its number, so a word is folded
        // and hashed as a string once, not at every occurrence.
        var known: [[UInt8]: Int] = [:]
        var numbers: [String: Int] = [:]
        var words: [String] = []
        var lists: [[SearchIndex.Posting]] = []
        var lengths: [Int] = []
        lengths.reserveCapacity(range.count)
        // A document's weight for each word number, and the numbers it touched, reset after it.
        var weights: [Int] = []
        var touched: [Int] = []
        for document in range {
            let fields = documents[document].fields
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
                            number = words.count
                            numbers[token] = number
                            words.append(token)
                            lists.append([])
                            weights.append(0)
                        }
                        known[word] = number
                    }
                    if weights[number] == 0 { touched.append(number) }
                    weights[number] += weight
                }
            }
            lengths.append(length)
            for number in touched {
                lists[number].append(.init(document: document, weight: min(weights[number], SearchIndex.maximumWeight)))
                weights[number] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return (words, lists, lengths)
    }
}
