/// A document's first sentences cut into short passages, for the excerpt of a result: the
/// search shows the first passage with a matched word in it, else the first. One fixed
/// excerpt showed none of the matched words in 46 of the top 5 results of the 37 relevance
/// queries; three passages leave 18 (`SearchDocuments.passageLength` has the sizes).
///
/// A passage is at most `length` characters. It ends at its last sentence end when that is
/// past its middle, else at a word with "…", and then the next passage begins with "…".
enum Passages {
    static func make(_ text: String, length: Int, count: Int) -> [String] {
        var words = Words(text)
        var passages: [String] = []
        var start = 0, continued = false
        while words.has(start), passages.count < count {
            // The words that fit, and where the last sentence among them ends.
            var end = start, size = -1, sentenceEnd = start, sentenceSize = 0
            while words.has(end), size + 1 + words[end].count <= length || end == start {
                size += 1 + words[end].count
                end += 1
                if words.endsSentence(at: end - 1) { sentenceEnd = end; sentenceSize = size }
            }
            var cut = false
            if words.has(end), sentenceEnd != end {
                if sentenceSize > length / 2 { end = sentenceEnd } else { cut = true }
            }
            let body = words.read[start..<end].map { String(String.UnicodeScalarView($0.text)) }.joined(separator: " ")
            passages.append((continued ? "…" : "") + body + (cut ? "…" : ""))
            continued = cut
            start = end
        }
        return passages
    }

    /// The words of a text split at white space, read as far as asked. Scalars, not
    /// `Character`s: a guide of 10,000 certifications has 60,000 sections, and only the start
    /// of each is read.
    private struct Words {
        struct Word {
            var text: String.UnicodeScalarView.SubSequence
            var count: Int
        }

        private let scalars: String.UnicodeScalarView
        private var index: String.UnicodeScalarView.Index
        private(set) var read: [Word] = []

        init(_ text: String) {
            scalars = text.unicodeScalars
            index = scalars.startIndex
        }

        subscript(number: Int) -> Word { read[number] }

        /// Whether the text has a word `number`, reading up to it.
        mutating func has(_ number: Int) -> Bool {
            while read.count <= number, let word = next() { read.append(word) }
            return number < read.count
        }

        private mutating func next() -> Word? {
            while index < scalars.endIndex, Self.isSpace(scalars[index]) { scalars.formIndex(after: &index) }
            guard index < scalars.endIndex else { return nil }
            let start = index
            var count = 0
            while index < scalars.endIndex, !Self.isSpace(scalars[index]) { scalars.formIndex(after: &index); count += 1 }
            return Word(text: scalars[start..<index], count: count)
        }

        private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80 ? scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
        }

            /// A word ending in `.`, `?` or `!` (before any closing quote or bracket), followed by
        /// one that does not start in lower case: "e.g. the" goes on.
        mutating func endsSentence(at number: Int) -> Bool {
            let closing = "\"')]”’".unicodeScalars, ends = ".?!".unicodeScalars
            guard let last = read[number].text.last(where: { !closing.contains($0) }), ends.contains(last) else { return false }
            guard has(number + 1), let first = read[number + 1].text.first else { return true }
            return !first.properties.isLowercase
        }
    }
}
