import GuideSupport

/// Rules between the values of one front matter that the key schema cannot see, such as a
/// fact citing a source that the entry does not list. Checked by `FrontMatterDecoder` once the
/// front matter is decoded, and reported at the value's line like any other error.
protocol FrontMatterRules {
    /// Each problem with the path of the value it is about (`cost.source`, `sources[1].key`).
    func problems() -> [(path: String, message: String)]
}

extension CertificationFrontMatter: FrontMatterRules {
    func problems() -> [(path: String, message: String)] {
        let sources = self.sources ?? []
        var found: [(path: String, message: String)] = []
        var keys: [String: Int] = [:]
        for (index, source) in sources.enumerated() {
            guard let key = source.key else { continue }
            if let first = keys[key] {
                found.append(("sources[\(index)].key", "source key `\(key)` is already the key of source \(first + 1); each key names one source"))
            } else {
                keys[key] = index
            }
        }
        func check(_ references: SourceReferences, at path: String) {
            for (index, reference) in references.items.enumerated() where SourceReferences.index(of: reference, in: sources) == nil {
                let at = references.items.count == 1 ? path : "\(path)[\(index)]"
                found.append((at, Self.unknownSourceMessage(reference, sources: sources)))
            }
        }
        for citation in citations { check(citation.references, at: citation.path) }
        return found
    }

    private static func unknownSourceMessage(_ reference: String, sources: [SourceLink]) -> String {
        guard Int(reference) != nil else {
            let keys = sources.compactMap(\.key)
            let known = keys.isEmpty ? "no source has a `key:`" : "keys are \(keys.map { "`\($0)`" }.joined(separator: ", "))"
            return "`source: \(reference)` names no source of this entry (\(known))\(Suggestion.hint(for: reference, in: keys))"
        }
        switch sources.count {
        case 0: return "`source: \(reference)` cites a source, but the entry lists no `sources:`; add the source to `sources:` first"
        case 1: return "`source: \(reference)` is past the end of `sources:`, which lists 1 source; use `source: 1`"
        default: return "`source: \(reference)` is past the end of `sources:`, which lists \(sources.count) sources; use 1 to \(sources.count)"
        }
    }
}
