/// The figures a number of the front matter may take. Every number a page shows has one, so
/// a typo (`1e19`, `-40`, a percentage of 150) is an error at its line rather than a page
/// that publishes it, or a formatter that cannot write it.
public struct NumberRange: Sendable, Equatable {
    var lowest: Double
    /// `duration_months: 0` is not a duration: some bounds are "more than", not "at least".
    var lowestIncluded: Bool
    var highest: Double

    static func from(_ lowest: Double, to highest: Double) -> NumberRange {
        NumberRange(lowest: lowest, lowestIncluded: true, highest: highest)
    }

    static func above(_ lowest: Double, atMost highest: Double) -> NumberRange {
        NumberRange(lowest: lowest, lowestIncluded: false, highest: highest)
    }

    /// Every `Int`, for whole numbers that are only compared (`order`).
    static let anyInteger = NumberRange.from(Double(Int.min), to: Double(Int.max))

    func contains(_ value: Double) -> Bool {
        value.isFinite && value <= highest && (lowestIncluded ? value >= lowest : value > lowest)
    }

    /// "from 0 to 1,000,000", "more than 0 and at most 600", as the error messages say it.
    var description: String {
        lowestIncluded ? "from \(Self.format(lowest)) to \(Self.format(highest))"
            : "more than \(Self.format(lowest)) and at most \(Self.format(highest))"
    }

    /// Bounds are whole numbers written with thousands separators.
    private static func format(_ value: Double) -> String {
        guard let whole = Int(exactly: value) else { return "\(value)" }
        let digits = String(whole.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (whole < 0 ? "-" : "") + grouped
    }
}
