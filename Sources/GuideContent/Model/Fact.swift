/// A fact of a certification that a source can support and a caution can qualify. Named by
/// its front-matter key, which is what an editor writes in `cautions: [{ fact: cost }]`.
public enum Fact: String, Codable, Sendable, CaseIterable {
    case issuer, cost
    case durationMonths = "duration_months"
    case exam, eligibility, renewal

    public init(from decoder: Decoder) throws {
        self = try decodeVocabularyWord(decoder, what: "fact")
    }

    /// The fact's name in the facts box.
    public var title: String {
        switch self {
        case .issuer: "Issuer"
        case .cost: "Cost"
        case .durationMonths: "Time to complete"
        case .exam: "Exam"
        case .eligibility: "Eligibility"
        case .renewal: "Renewal"
        }
    }
}
