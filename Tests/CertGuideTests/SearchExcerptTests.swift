@testable import CertGuide
import Testing

/// Section excerpts are cut from bytes while the text is ASCII; they must equal `Excerpt.make`.
@Suite struct SearchExcerptTests {
    @Test func byteExcerptsEqualTheGeneralOnes() {
        var texts = ["", " ", "word", "  two  words  ", "a\tb\nc\r\nd\u{0B}e\u{0C}f", String(repeating: "word ", count: 100),
                     "x" + String(repeating: "y", count: 200), "Café au lait, naïve résumé " + String(repeating: "text ", count: 40),
                     String(repeating: "text ", count: 30) + "déjà vu", "exactly\u{1F}odd\u{85}spaces\u{A0}here"]
        // Reproducible mixtures of letters, whitespace and a few non-ASCII characters.
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        let alphabet = Array("ab cd\tef\ng.,'é\u{301}")
        for _ in 0..<300 { texts.append(String((0..<next(261)).map { _ in alphabet[next(alphabet.count)] })) }
        for text in texts {
            for limit in [1, 5, 30, 120, 160] {
                #expect(SearchDocuments.excerpt(text, limit: limit) == Excerpt.make(from: text, limit: limit), "\(text.debugDescription) at \(limit)")
            }
        }
    }
}
