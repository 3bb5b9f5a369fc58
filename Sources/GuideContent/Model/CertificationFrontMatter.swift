/// The front matter of `Content/certifications/*.md`.
public struct CertificationFrontMatter: Codable, Sendable {
    public struct Cost: Codable, Sendable {
        public var min: Double
        public var max: Double?
        public var currency: String?
        public var note: String?
        public var source: SourceReferences?

        public init(min: Double, max: Double? = nil, currency: String? = nil, note: String? = nil, source: SourceReferences? = nil) {
            (self.min, self.max, self.currency, self.note, self.source) = (min, max, currency, note, source)
        }
    }

    public struct Months: Codable, Sendable {
        public var min: Double
        public var max: Double?
        public var source: SourceReferences?

        public init(min: Double, max: Double? = nil, source: SourceReferences? = nil) {
            (self.min, self.max, self.source) = (min, max, source)
        }
    }

    public struct Exam: Codable, Sendable {
        public var format: [String]?
        public var questions: Int?
        public var passingScorePercent: Double?
        public var lengthMinutes: Int?
        public var source: SourceReferences?

        enum CodingKeys: String, CodingKey {
            case format, questions, source
            case passingScorePercent = "passing_score_percent"
            case lengthMinutes = "length_minutes"
        }
    }

    public struct Renewal: Codable, Sendable {
        public var everyYears: Double?
        public var by: String?
        public var source: SourceReferences?

        enum CodingKeys: String, CodingKey {
            case everyYears = "every_years"
            case by, source
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
    /// `eligibility:`, each line with the sources it may cite.
    public var requirements: [Requirement]?
    public var renewal: Renewal?
    public var verified: Day
    public var sources: [SourceLink]?
    /// Where the sources disagree or a figure is unconfirmed, said where readers see the fact.
    public var cautions: [Caution]?
    public var draft: Bool?
    public var aliases: [String]?

    /// The lines of `eligibility:` as readers read them.
    public var eligibility: [String]? { requirements?.map(\.text) }

    enum CodingKeys: String, CodingKey {
        case title, abbreviation, issuer, summary, level, settings, topics, cost, exam
        case renewal, verified, sources, cautions, draft, aliases
        case durationMonths = "duration_months"
        case requirements = "eligibility"
    }

    /// Every `source:` of the entry, with the fact it belongs to and the path where it is
    /// written (`cost.source`, `eligibility[1].source`): what the loader checks, the page cites
    /// and `check` weighs. The issuer cites nothing itself: the sources of kind `issuer` back it.
    public var citations: [(fact: Fact, path: String, references: SourceReferences)] {
        var found: [(fact: Fact, path: String, references: SourceReferences)] = []
        let single: [(Fact, SourceReferences?)] = [(.cost, cost?.source), (.durationMonths, durationMonths?.source),
                                                   (.exam, exam?.source), (.renewal, renewal?.source)]
        for case let (fact, references?) in single { found.append((fact, "\(fact.rawValue).source", references)) }
        for (index, requirement) in (requirements ?? []).enumerated() {
            if let references = requirement.source { found.append((.eligibility, "eligibility[\(index)].source", references)) }
        }
        return found
    }

    /// Whether the entry states the fact at all.
    public func states(_ fact: Fact) -> Bool {
        switch fact {
        case .issuer: true
        case .cost: cost != nil
        case .durationMonths: durationMonths != nil
        case .exam: exam != nil
        case .eligibility: !(requirements ?? []).isEmpty
        case .renewal: renewal != nil
        }
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
        "cost": .mapping(["min": .number(Bounds.cost), "max": .number(Bounds.cost), "currency": .text, "note": .text,
                          "source": SourceReferences.schema],
                         required: ["min"], ordered: [("min", "max")]),
        "duration_months": .mapping(["min": .number(Bounds.months), "max": .number(Bounds.months), "source": SourceReferences.schema],
                                    required: ["min"], ordered: [("min", "max")]),
        "exam": .mapping(["format": .list(of: .text), "questions": .integer(Bounds.questions),
                          "passing_score_percent": .number(Bounds.percent), "length_minutes": .integer(Bounds.minutes),
                          "source": SourceReferences.schema]),
        "eligibility": .list(of: Requirement.schema),
        "renewal": .mapping(["every_years": .number(Bounds.renewalYears), "by": .text, "source": SourceReferences.schema]),
        "verified": .date, "sources": .list(of: SourceLink.schema), "cautions": .list(of: Caution.schema),
        "draft": .flag, "aliases": .list(of: .text),
    ], required: ["title", "issuer", "summary", "level", "verified"])
}
