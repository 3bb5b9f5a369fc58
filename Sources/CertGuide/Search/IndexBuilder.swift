/// Tokenizes every field of every document and gathers the postings.
public enum IndexBuilder {
    public static func build(_ documents: [SearchDocument]) -> SearchIndex {
        var postings: [String: [SearchIndex.Posting]] = [:]
        var lengths: [Int] = []
        lengths.reserveCapacity(documents.count)
        for (number, document) in documents.enumerated() {
            var weights: [String: Int] = [:]
            var length = 0
            for field in SearchDocument.Field.allCases {
                guard let text = document.fields[field], !text.isEmpty else { continue }
                let tokens = SearchTokenizer.tokenize(text)
                length += tokens.count
                for token in tokens { weights[token, default: 0] += field.weight }
            }
            lengths.append(length)
            for (term, weight) in weights {
                postings[term, default: []].append(.init(document: number, weight: min(weight, SearchIndex.maximumWeight)))
            }
        }
        return SearchIndex(documents: documents, lengths: lengths, postings: postings)
    }
}
