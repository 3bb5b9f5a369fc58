/// Tokenizes every field of every document and gathers the postings.
public enum IndexBuilder {
    public static func build(_ documents: [SearchDocument]) -> SearchIndex {
        var tokenizer = SearchTokenizer()
        // Words are numbered as first seen, so each document's counts are keyed by a number;
        // `known` maps each word as written (before folding) to its number, so a word is folded
        // and hashed as a string once, not at every occurrence.
        var known: [[UInt8]: Int] = [:]
        var numbers: [String: Int] = [:]
        var words: [String] = []
        var lists: [[SearchIndex.Posting]] = []
        var lengths: [Int] = []
        lengths.reserveCapacity(documents.count)
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
        return SearchIndex(documents: documents, lengths: lengths, postings: Dictionary(uniqueKeysWithValues: zip(words, lists)))
    }
}
