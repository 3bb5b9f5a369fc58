/// A document's first sentences cut into short passages, for the excerpt of a result: the
/// search shows the first passage with a matched word in it, else the first.
///
/// A passage is at most `length` characters (Unicode scalars), its words one space apart. It
/// ends at its last sentence end (or end of a paragraph, list item or heading) when that is
/// past its middle, else at a word with "…", and then the next passage begins with "…". A list
/// item or heading that ends without punctuation is followed by " · ", so that "Exam fees
/// Renewal fees" reads "Exam fees · Renewal fees".
enum Passages {
    static func make(_ text: String, length: Int, count: Int) -> [String] {
        var text = text
        return text.withUTF8 { make($0, length: length, count: count) }
    }

    private static func make(_ bytes: UnsafeBufferPointer<UInt8>, length: Int, count: Int) -> [String] {
        var words = Words(bytes: bytes)
        var passages: [String] = []
        var start = 0, continued = false
        while words.has(start), passages.count < count {
            // The words that fit, and where the last sentence among them ends.
            var end = start, size = 0, sentenceEnd = start, sentenceSize = 0
            while words.has(end) {
                let gap = end == start ? 0 : words.separated(before: end) ? separatorLength : 1
                let added = gap + words[end].count
                guard end == start || size + added <= length else { break }
                size += added
                end += 1
                if words.endsSentence(at: end - 1) { sentenceEnd = end; sentenceSize = size }
            }
            var cut = false
            if words.has(end), sentenceEnd != end {
                if sentenceSize > length / 2 { end = sentenceEnd } else { cut = true }
            }
            var passage: [UInt8] = continued ? Self.ellipsis : []
            for word in start..<end {
                if word > start { passage += words.separated(before: word) ? Self.separator : [0x20] }
                passage += bytes[words[word].bytes]
            }
            if cut { passage += Self.ellipsis }
            passages.append(String(decoding: passage, as: UTF8.self))
            continued = cut
            start = end
        }
        return passages
    }

    private static let ellipsis = Array("…".utf8), separator = Array(" · ".utf8)
    /// In Unicode scalars, as passage lengths are counted.
    private static let separatorLength = String(decoding: separator, as: UTF8.self).unicodeScalars.count

    /// The words of a text split at white space, read as far as asked. Bytes, not
    /// `Character`s: a guide of 10,000 certifications has 60,000 sections, and only the start
    /// of each is read.
    private struct Words {
        struct Word {
            var bytes: Range<Int>
            /// In Unicode scalars.
            var count: Int
            /// Last of a paragraph, list item or heading: a line break follows it in the text.
            var endsBlock = false
        }

        let bytes: UnsafeBufferPointer<UInt8>
        private var offset = 0
        private var read: [Word] = []

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        subscript(number: Int) -> Word { read[number] }

        /// Whether the text has a word `number`, reading up to it.
        mutating func has(_ number: Int) -> Bool {
            while read.count <= number, let word = next() { read.append(word) }
            return number < read.count
        }

        private mutating func next() -> Word? {
            while offset < bytes.count, isSpace(at: offset) {
                if bytes[offset] == 0x0A, !read.isEmpty { read[read.count - 1].endsBlock = true }
                offset += scalarLength(at: offset)
            }
            guard offset < bytes.count else { return nil }
            let start = offset
            var count = 0
            while offset < bytes.count, !isSpace(at: offset) { offset += scalarLength(at: offset); count += 1 }
            return Word(bytes: start..<offset, count: count)
        }

        /// Bytes of the scalar at `offset` (a String's UTF-8 is valid; `min` keeps even a cut
        /// one inside the buffer).
        private func scalarLength(at offset: Int) -> Int {
            let length = switch bytes[offset] {
            case ..<0xC0: 1
            case ..<0xE0: 2
            case ..<0xF0: 3
            default: 4
            }
            return min(length, bytes.count - offset)
        }

        private func scalar(at offset: Int) -> Unicode.Scalar {
            var iterator = bytes[offset..<min(offset + 4, bytes.count)].makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
            return "\u{FFFD}"
        }

        private func isSpace(at offset: Int) -> Bool {
            let byte = bytes[offset]
            return byte < 0x80 ? byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) : scalar(at: offset).properties.isWhitespace
        }

        /// Whether word `number` - 1 and it are set apart with " · " rather than a space: after
        /// a block that ends without punctuation.
        func separated(before number: Int) -> Bool {
            read[number - 1].endsBlock && !Self.punctuation.contains(lastByte(of: number - 1))
        }

        /// A word ending in `.`, `?` or `!` (before any closing quote or bracket), followed by
        /// one that does not start in lower case ("e.g. the" goes on); or the end of a block.
        mutating func endsSentence(at number: Int) -> Bool {
            guard has(number + 1) else { return true }
            if read[number].endsBlock { return true }
            guard Self.ends.contains(lastByte(of: number)) else { return false }
            let next = read[number + 1].bytes.lowerBound
            return bytes[next] < 0x80 ? !(0x61...0x7A).contains(bytes[next]) : !scalar(at: next).properties.isLowercase
        }

        /// The last byte of a word before any closing quote or bracket.
        private func lastByte(of number: Int) -> UInt8 {
            var last = read[number].bytes.upperBound - 1
            let first = read[number].bytes.lowerBound
            while last > first {
                if Self.closing.contains(bytes[last]) { last -= 1 } else if last - 2 > first, bytes[last - 2] == 0xE2, bytes[last - 1] == 0x80,
                                                                               bytes[last] == 0x9D || bytes[last] == 0x99 { last -= 3 } else { break }
            }
            return bytes[last]
        }

        /// `"`, `'`, `)` and `]`; ” and ’ are read as their three bytes.
        private static let closing: Set<UInt8> = [0x22, 0x27, 0x29, 0x5D]
        /// `.`, `?`, `!`; and with `:`, `;`, `,`, what a block may end with and go on with a space.
        private static let ends: Set<UInt8> = [0x2E, 0x3F, 0x21], punctuation: Set<UInt8> = [0x2E, 0x3F, 0x21, 0x3A, 0x3B, 0x2C]
    }
}
