/// The front matter of `Content/certifications/*.md`.
public struct CertificationFrontMatter: Codable, Sendable {
    public struct Cost: Codable, Sendable {
        public var min: Double
        public var max: Double?
        public var currency: String?
        public var note: String?

        public init(min: Double, max: Double? = nil, currency: String? = nil, note: String? = nil) {
            (self.min, self.max, self.currency, self.note) = (min, max, currency, note)
        }
    }

    public struct Months: Codable, Sendable {
        public var min: Double
        public var max: Double?

        public init(min: Double, max: Double? = nil) {
            (self.min, self.max) = (min, max)
        }
    }

    public struct Exam: Codable, Sendable {
        public var format: [String]?
        public var questions: Int?
        public var passingScorePercent: Double?
        public var lengthMinutes: Int?

        enum CodingKeys: String, CodingKey {
            case format, questions
            case passingScorePercent = "passing_score_percent"
            case lengthMinutes = "length_minutes"
        }
    }

    public struct Renewal: Codable, Sendable {
        public var everyYears: Double?
        public var by: String?

        enum CodingKeys: String, CodingKey {
            case everyYears = "every_years"
            case by
        }
    }

    public var title: String
    public var abbreviation: String?
    public var issuer: String
    public var summary: String
    public var level: Level
    public var settings: [Setting]?
    public var topics: [String]?
    public var cost: Cost?
    public var durationMonths: Months?
    public var exam: Exam?
    public var eligibility: [String]?
    public var renewal: Renewal?
    public var verified: Day
    public var sources: [SourceLink]?
    public var draft: Bool?
    public var aliases: [String]?

    enum CodingKeys: String, CodingKey {
        case title, abbreviation, issuer, summary, level, settings, topics, cost, exam, eligibility
        case renewal, verified, sources, draft, aliases
        case durationMonths = "duration_months"
    }

    /// What each figure may be (README, "Number ranges"). The guide's own entries run from
    /// $80 to $625, 3 to 24 months, exams of up to 150 questions and 3 hours, renewal every 3
    /// to 5 years: the bounds leave room for any real credential and still catch a slipped digit.
    enum Bounds {
        static let cost = NumberRange.from(0, to: 1_000_000)
        /// Fifty years: no course of study takes longer.
        static let months = NumberRange.above(0, atMost: 600)
        static let questions = NumberRange.from(1, to: 10_000)
        static let percent = NumberRange.from(0, to: 100)
        /// A hundred hours, for exams taken over several days.
        static let minutes = NumberRange.from(1, to: 6_000)
        static let renewalYears = NumberRange.above(0, atMost: 100)
    }

    public static let schema = KeySchema.mapping([
        "title": .text, "abbreviation": .text, "issuer": .text, "summary": .text,
        "level": .value(.word("level", Level.allCases.map(\.rawValue))),
        "settings": .list(of: .value(.word("setting", Setting.allCases.map(\.rawValue)))), "topics": .list(of: .text),
        "cost": .mapping(["min": .number(Bounds.cost), "max": .number(Bounds.cost), "currency": .text, "note": .text],
                         required: ["min"], ordered: [("min", "max")]),
        "duration_months": .mapping(["min": .number(Bounds.months), "max": .number(Bounds.months)],
                                    required: ["min"], ordered: [("min", "max")]),
        "exam": .mapping(["format": .list(of: .text), "questions": .integer(Bounds.questions),
                          "passing_score_percent": .number(Bounds.percent), "length_minutes": .integer(Bounds.minutes)]),
        "eligibility": .list(of: .text),
        "renewal": .mapping(["every_years": .number(Bounds.renewalYears), "by": .text]),
        "verified": .date, "sources": .list(of: SourceLink.schema),
        "draft": .flag, "aliases": .list(of: .text),
    ], required: ["title", "issuer", "summary", "level", "verified"])
}
