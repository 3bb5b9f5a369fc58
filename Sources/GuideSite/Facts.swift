import Foundation
import GuideContent

/// Certification facts as readers read them: "$175–$225", "4 months", "100 questions · 70% to pass".
public enum Facts {
    /// "175", "2.5", "0.33": at most two decimals, none when whole. Any `Double` is written,
    /// whatever its size (the schema bounds the figures of a guide; a formatter never traps).
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "?" : (value < 0 ? "-∞" : "∞") }
        guard abs(value) < 1e15 else { return String(value) }
        if let whole = Int(exactly: value) { return String(whole) }
        return String(format: "%.2f", value).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
    }

    public static func money(_ value: Double, currency: String?) -> String {
        let amount = number(value)
        switch currency?.uppercased() ?? "USD" {
        case "USD": return "$\(amount)"
        case "CAD": return "CA$\(amount)"
        case "EUR": return "€\(amount)"
        case "GBP": return "£\(amount)"
        case let code: return "\(amount) \(code)"
        }
    }

    public static func cost(_ cost: CertificationFrontMatter.Cost) -> String {
        guard let max = cost.max, max != cost.min else { return money(cost.min, currency: cost.currency) }
        return "\(money(cost.min, currency: cost.currency))–\(money(max, currency: cost.currency))"
    }

    public static func duration(_ months: CertificationFrontMatter.Months) -> String {
        let (low, high) = (months.min, months.max ?? months.min)
        if low == high { return period(low) }
        if low.truncatingRemainder(dividingBy: 12) == 0, high.truncatingRemainder(dividingBy: 12) == 0, low >= 12 {
            return "\(number(low / 12))–\(number(high / 12)) years"
        }
        return "\(number(low))–\(number(high)) months"
    }

    private static func period(_ months: Double) -> String {
        if months >= 12, months.truncatingRemainder(dividingBy: 12) == 0 {
            let years = months / 12
            return years == 1 ? "1 year" : "\(number(years)) years"
        }
        return months == 1 ? "1 month" : "\(number(months)) months"
    }

    public static func exam(_ exam: CertificationFrontMatter.Exam) -> String {
        var parts: [String] = []
        if let questions = exam.questions { parts.append("\(questions) questions") }
        if let score = exam.passingScorePercent { parts.append("\(number(score))% to pass") }
        if let minutes = exam.lengthMinutes { parts.append(minutes % 60 == 0 && minutes >= 60 ? "\(minutes / 60) h" : "\(minutes) min") }
        if let format = exam.format, !format.isEmpty { parts.append(format.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    public static func renewal(_ renewal: CertificationFrontMatter.Renewal) -> String {
        var text = ""
        if let years = renewal.everyYears { text = years == 1 ? "Every year" : "Every \(number(years)) years" }
        if let by = renewal.by { text += text.isEmpty ? by.prefix(1).uppercased() + by.dropFirst() : " by \(by)" }
        return text
    }

    /// Cost band for cards and filters.
    public static func costBand(_ cost: CertificationFrontMatter.Cost?) -> String {
        guard let cost else { return "unknown" }
        switch cost.min {
        case ..<1: return "free"
        case ..<200: return "under-200"
        case ..<500: return "200-500"
        default: return "over-500"
        }
    }
}
