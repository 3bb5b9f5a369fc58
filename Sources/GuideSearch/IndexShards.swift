/// Splits the index by word prefix so that a query downloads only the shards its words need.
/// Words sharing their first two letters stay together unless that group alone passes the
/// target size; then it splits by the third letter, and a still bigger group word by word.
/// Neighbouring groups merge up to the target. A shard is named by the smallest key it holds
/// (`""` for the first): a word lives in the last shard whose key is not after it.
enum IndexShards {
    struct Shard: Equatable {
        var from: String
        var terms: [String]
    }

    /// - Parameters:
    ///   - terms: every word, in `SearchIndex.precedes` order.
    ///   - size: bytes each word adds to a shard.
    static func split(_ terms: [String], size: (String) -> Int, target: Int) -> [Shard] {
        var units: [(key: String, terms: [String], bytes: Int)] = []
        for group in groups(terms, prefixLength: 2) {
            let bytes = group.terms.reduce(0) { $0 + size($1) }
            if bytes <= target { units.append((group.key, group.terms, bytes)); continue }
            for subgroup in groups(group.terms, prefixLength: 3) {
                let subBytes = subgroup.terms.reduce(0) { $0 + size($1) }
                if subBytes <= target {
                    units.append((subgroup.key, subgroup.terms, subBytes))
                } else {
                    units += subgroup.terms.enumerated().map { index, term in (index == 0 ? subgroup.key : term, [term], size(term)) }
                }
            }
        }
        var shards: [Shard] = []
        var bytes = 0
        for unit in units {
            if let last = shards.indices.last, bytes + unit.bytes <= target {
                shards[last].terms += unit.terms
                bytes += unit.bytes
            } else {
                shards.append(Shard(from: shards.isEmpty ? "" : unit.key, terms: unit.terms))
                bytes = unit.bytes
            }
        }
        return shards
    }

    /// The shard that holds `term` (or would): the last whose key is not after it.
    static func shard(for term: String, in shards: [Shard]) -> Int {
        shards.lastIndex { !SearchIndex.precedes(term, $0.from) } ?? 0
    }

    private static func groups(_ terms: [String], prefixLength: Int) -> [(key: String, terms: [String])] {
        var result: [(key: String, terms: [String])] = []
        for term in terms {
            let key = String(String.UnicodeScalarView(term.unicodeScalars.prefix(prefixLength)))
            if result.last?.key == key { result[result.count - 1].terms.append(term) } else { result.append((key, [term])) }
        }
        return result
    }
}
