import Foundation
import GuideContent
import GuideSupport
import Testing

/// The cache keeps front matter in `TaggedBinary`: every entry of the shipped guide must come
/// back as it went in, and damaged bytes must throw, never crash or read past the buffer.
@Suite struct TaggedBinaryTests {
    /// Sorted-key JSON: the same text for the same values.
    private static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func roundTrip<Value: Codable>(_ value: Value) throws -> Value {
        let bytes = try TaggedBinary.encode(value)
        return try bytes.withUnsafeBytes { try TaggedBinary.decode(Value.self, from: $0) }
    }

    @Test func everyFrontMatterOfTheShippedGuideComesBack() throws {
        let content = try ContentLoader(contentDirectory: TestSite.projectRoot.appendingPathComponent("Content"), includeDrafts: true).load()
        #expect(content.certifications.count > 5)
        for entry in content.certifications {
            #expect(try Self.json(Self.roundTrip(entry.frontMatter)) == Self.json(entry.frontMatter), "\(entry.path)")
        }
        for entry in content.faqs {
            #expect(try Self.json(Self.roundTrip(entry.frontMatter)) == Self.json(entry.frontMatter), "\(entry.path)")
        }
        for entry in content.pages {
            #expect(try Self.json(Self.roundTrip(entry.frontMatter)) == Self.json(entry.frontMatter), "\(entry.path)")
        }
        // Both shapes of a requirement: a plain line, and a line that cites its source.
        let lines = content.certifications.flatMap { $0.frontMatter.requirements ?? [] }
        #expect(lines.contains { $0.source == nil } && lines.contains { $0.source != nil })
    }

    private struct Sample: Codable, Equatable {
        var text: String
        var empty: String
        var missing: String?
        var present: Int?
        var numbers: [Int]
        var extremes: [Int]
        var ratio: Double
        var flags: [Bool]
        var nested: [[String: [String]]]
        var nothing: [String?]
        var words: [String]
    }

    private static let sample = Sample(text: "Bibliothécaire « agréé » 📚", empty: "", missing: nil, present: 0, numbers: [1, -1, 300, -70_000],
                                       extremes: [Int.min, Int.max], ratio: 0.1 + 0.2, flags: [true, false],
                                       nested: [["a": ["x", "y"]], [:]], nothing: [nil, "z", nil],
                                       words: ["", "één", "two words"])

    @Test func valuesOfEveryKindComeBack() throws {
        #expect(try Self.roundTrip(Self.sample) == Self.sample)
        #expect(try Self.roundTrip(Requirement(text: "A degree")) == Requirement(text: "A degree"))
    }

    @Test func damagedBytesThrowAndNeverCrash() throws {
        let bytes = try TaggedBinary.encode(Self.sample)
        // Every shortened copy is missing something the decoder asks for.
        for length in 0..<bytes.count {
            let cut = Array(bytes.prefix(length))
            #expect(throws: (any Error).self) { try cut.withUnsafeBytes { try TaggedBinary.decode(Sample.self, from: $0) } }
        }
        // Any byte changed to any value: a different value or an error, and nothing read past the end.
        for position in bytes.indices {
            for value in [0, 1, 5, 7, 0x7F, 0x80, 0xFF] as [UInt8] {
                var damaged = bytes
                damaged[position] = value
                _ = try? damaged.withUnsafeBytes { try TaggedBinary.decode(Sample.self, from: $0) }
            }
        }
    }
}
