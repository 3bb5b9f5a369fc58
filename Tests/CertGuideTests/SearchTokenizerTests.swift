import Foundation
import GuideSearch
import Testing

/// The tokenizer the index is built with. The same fixture is checked against the browser's
/// tokenizer by Tests/js/tokenizer.test.js.
@Suite struct SearchTokenizerTests {
    struct Case: Decodable { var text: String; var tokens: [String] }
    struct Fixture: Decodable { var cases: [Case] }

    @Test func sharedFixture() throws {
        let data = try Data(contentsOf: TestSite.fixtures.appendingPathComponent("search/tokenizer.json"))
        let fixture = try JSONDecoder().decode(Fixture.self, from: data)
        #expect(fixture.cases.count >= 15)
        for item in fixture.cases {
            #expect(SearchTokenizer.tokenize(item.text) == item.tokens, "tokenizing \(item.text.debugDescription)")
        }
    }

    @Test func inflectionsConflate() {
        let groups = [
            ["certified", "certification", "certifications", "certify", "Certifying"],
            ["renew", "renewal", "renewals", "renewed", "renewing"],
            ["archive", "archives", "archived", "archival"],
            ["catalog", "catalogs", "catalogue", "cataloging", "cataloguing"],
            ["library", "libraries", "library's"],
        ]
        for group in groups {
            let stems = Set(group.flatMap(SearchTokenizer.tokenize))
            #expect(stems.count == 1, "\(group) fold to \(stems.sorted())")
        }
        // Different words stay apart.
        #expect(SearchTokenizer.tokenize("certificate") != SearchTokenizer.tokenize("certification"))
        #expect(SearchTokenizer.tokenize("archivist") != SearchTokenizer.tokenize("archive"))
    }

    @Test func accentsAndCaseDoNotMatter() {
        #expect(SearchTokenizer.tokenize("Bibliothécaire") == SearchTokenizer.tokenize("BIBLIOTHECAIRE"))
        #expect(SearchTokenizer.tokenize("Straße") == SearchTokenizer.tokenize("strasse"))
    }

    @Test func digitsAreKeptAndOnlyLettersFold() {
        #expect(SearchTokenizer.tokenize("220-1001 exams in 2026") == ["220", "1001", "exam", "in", "2026"])
        #expect(WordFolding.fold("cats2") == "cats2")
        #expect(WordFolding.fold("bus") == "bus")
    }
}
