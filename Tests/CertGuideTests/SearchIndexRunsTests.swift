@testable import GuideSearch
import Testing

/// The index is tokenized in runs of documents on every core and merged: however the
/// documents are cut, each word lists the same documents with the same weights, in order.
@Suite struct SearchIndexRunsTests {
    static let words = ["archive", "Archives", "catalog", "cataloguing", "renewal", "exam", "fee", "École", "metadata",
                        "records", "preservation", "library", "technician", "CLT", "2026", "hours", "digital", "school"]

    /// 300 documents whose fields mix the words in ways that differ from one to the next.
    static let documents: [SearchDocument] = (0..<300).map { number in
        func text(_ count: Int, _ step: Int) -> String {
            (0..<count).map { words[(number * step + $0 * ($0 + number)) % words.count] }.joined(separator: " ")
        }
        return SearchDocument(url: "/d/\(number)/", title: text(3, 5), parent: number % 4 == 0 ? nil : number - number % 4, kind: .certification,
                              passages: [], fields: [.title: text(3, 5), .summary: text(number % 7, 3), .body: text(20 + number % 13, 11)],
                              level: nil, settings: [], issuer: nil, costBand: nil)
    }

    @Test func runsOfAnyLengthMakeTheIndexOnePassMakes() {
        let whole = IndexBuilder.build(Self.documents, runLength: Self.documents.count)
        #expect(whole.postings.count > 10)
        #expect(whole.postings["archiv"]?.count ?? 0 > 50)
        for runLength in [1, 7, 64, 299] {
            let cut = IndexBuilder.build(Self.documents, runLength: runLength)
            #expect(cut.lengths == whole.lengths, "runs of \(runLength)")
            #expect(cut.postings == whole.postings, "runs of \(runLength)")
        }
        #expect(IndexBuilder.build(Self.documents).postings == whole.postings)
        #expect(IndexBuilder.build([]).postings.isEmpty)
    }
}
