import Foundation
import GuideSupport

/// How advanced a certification is; the order here is the order of the guide's lists.
public enum Level: String, Codable, Sendable, CaseIterable, Comparable {
    case support, technician, professional, specialist

    public init(from decoder: Decoder) throws {
        self = try decodeVocabularyWord(decoder, what: "level")
    }

    public var title: String { rawValue.capitalized }

    public static func < (a: Level, b: Level) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Where a certification applies.
public enum Setting: String, Codable, Sendable, CaseIterable {
    case academic, `public`, school, archives, special, any

    public init(from decoder: Decoder) throws {
        self = try decodeVocabularyWord(decoder, what: "setting")
    }

    public var title: String {
        switch self {
        case .any: "Any library"
        default: rawValue.capitalized
        }
    }
}

func decodeVocabularyWord<Word: RawRepresentable & CaseIterable>(_ decoder: Decoder, what: String) throws -> Word
where Word.RawValue == String {
    let word = try decoder.singleValueContainer().decode(String.self)
    if let value = Word(rawValue: word.lowercased()) { return value }
    throw DecodingError.dataCorrupted(.init(
        codingPath: decoder.codingPath,
        debugDescription: Vocabulary.unknownWordMessage(word, what: what, allowed: Word.allCases.map(\.rawValue))
    ))
}

enum Vocabulary {
    static func unknownWordMessage(_ word: String, what: String, allowed: [String]) -> String {
        "unknown \(what) `\(word)`; expected one of \(allowed.joined(separator: ", "))\(Suggestion.hint(for: word, in: allowed))"
    }
}

/// A calendar day written `YYYY-MM-DD`. Kept as a day, not a `Date`, so that no time zone can
/// move it and output stays byte-identical wherever the guide is built.
public struct Day: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...Day.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: Day.invalidMessage(text)))
        }
        self = day
    }

    static func invalidMessage(_ text: String) -> String {
        "`\(text)` is not a valid date; write it as YYYY-MM-DD, e.g. 2026-11-01"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// "23 November 2026", for readers.
    public var longDescription: String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August",
                     "September", "October", "November", "December"]
        return "\(day) \(names[month - 1]) \(year)"
    }

    /// Whole months from this day to `other` (negative when `other` is earlier).
    public func months(until other: Day) -> Int {
        (other.year - year) * 12 + (other.month - month) - (other.day < day ? 1 : 0)
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
