@testable import GuideSearch
import Testing

/// The passages a result's excerpt is picked from.
@Suite struct PassagesTests {
    @Test func passagesEndAtSentencesWhenTheyCan() {
        let text = "Renewal asks for 100 hours of continuing education, logged as you go. The fee is $50. "
            + "Late renewals pay twice that, and a lapse of a year means sitting the exam again."
        // The first sentence ends past the middle of 80 characters; "The fee is $50." does not.
        #expect(Passages.make(text, length: 80, count: 3) == [
            "Renewal asks for 100 hours of continuing education, logged as you go.",
            "The fee is $50. Late renewals pay twice that, and a lapse of a year means…",
            "…sitting the exam again.",
        ])
    }

    @Test func aLongSentenceGoesOnInTheNextPassage() {
        let text = "Short one. " + (1...40).map { "word\($0)" }.joined(separator: " ")
        let passages = Passages.make(text, length: 60, count: 2)
        #expect(passages.count == 2)
        // The first sentence ends before the middle, so the passage fills up with the next.
        #expect(passages[0].hasPrefix("Short one. word1 word2") && passages[0].hasSuffix("…"))
        #expect(passages[1].hasPrefix("…"))
        #expect(passages.allSatisfy { $0.count <= 62 })
    }

    @Test func abbreviationsAndLowerCaseDoNotEndASentence() {
        let text = "Bring proof, e.g. a transcript or a letter from an employer, to the exam centre on the day."
        #expect(Passages.make(text, length: 60, count: 2) == ["Bring proof, e.g. a transcript or a letter from an employer,…",
                                                               "…to the exam centre on the day."])
    }

    @Test func listItemsAndHeadingsAreSetApart() {
        // As `MarkdownDocument` gives a section's text: a line break after each block.
        let text = "What you pay:\nExam fees\nRenewal fees, every five years\nLate fees\nThe total varies by state and by year.\n"
        #expect(Passages.make(text, length: 70, count: 2) == [
            "What you pay: Exam fees · Renewal fees, every five years · Late fees",
            "The total varies by state and by year.",
        ])
    }

    @Test func passagesKeepEveryWordInOrderUpToTheirCount() {
        // Reproducible mixtures of words, sentence ends and white space, some of it not ASCII.
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        let pieces = ["word", "Café", "naïve.", "résume\u{301}", "Tests?", "a", "x\u{A0}y", "(end.)", "\n", "\t", "  ", "e.g.", "Überlong" + String(repeating: "g", count: 70)]
        for _ in 0..<300 {
            let text = (0..<next(120)).map { _ in pieces[next(pieces.count)] }.joined(separator: " ")
            let passages = Passages.make(text, length: 50, count: 3)
            let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
            let shown = passages.joined(separator: " ").replacingOccurrences(of: "…", with: " ").replacingOccurrences(of: " · ", with: " ")
                .split(whereSeparator: \.isWhitespace).map(String.init)
            #expect(passages.count <= 3)
            #expect(Array(words.prefix(shown.count)) == shown, "\(text.debugDescription)")
            // Only a word longer than a passage makes one longer.
            #expect(passages.allSatisfy { $0.unicodeScalars.count <= 52 || !$0.contains(" ") })
            if words.count > shown.count { #expect(passages.count == 3) }
        }
    }
}
