/// Tokenizes every field of every document and gathers the postings.
public enum IndexBuilder {
    public static func build(_ documents: [SearchDocument]) -> SearchIndex {
        var tokenizer = SearchTokenizer()
        // Words are numbered as first seen, so each document's counts are keyed by a number.
        var numbers: [String: Int] = [:]
        var words: [String] = []
        var lists: [[SearchIndex.Posting]] = []
        var lengths: [Int] = []
        lengths.reserveCapacity(documents.count)
        for (document, fields) in documents.map(\.fields).enumerated() {
            var weights: [Int: Int] = [:]
            var length = 0
            for field in SearchDocument.Field.allCases {
                guard let text = fields[field], !text.isEmpty else { continue }
                let tokens = tokenizer.tokens(text)
                length += tokens.count
                for token in tokens {
                    let number: Int
                    if let known = numbers[token] { number = known } else {
                        number = words.count
                        numbers[token] = number
                        words.append(token)
                        lists.append([])
                    }
                    weights[number, default: 0] += field.weight
                }
            }
            lengths.append(length)
            for (number, weight) in weights {
                lists[number].append(.init(document: document, weight: min(weight, SearchIndex.maximumWeight)))
            }
        }
        return SearchIndex(documents: documents, lengths: lengths, postings: Dictionary(uniqueKeysWithValues: zip(words, lists)))
    }
}
