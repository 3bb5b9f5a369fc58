/// A linear axis from zero to a round maximum, with evenly spaced round ticks.
public struct ChartScale: Sendable, Equatable {
    public let maximum: Double
    public let step: Double

    /// Ticks for values up to `largest`, choosing the smallest step from `steps` (ascending)
    /// that needs at most `maxIntervals` intervals; when none does, the last step times a power
    /// of ten. Any `largest` makes such a scale (the schema bounds a guide's figures; the chart
    /// never traps).
    public init(largest: Double, steps: [Double], maxIntervals: Int = 7) {
        let intervals = Double(max(maxIntervals, 1))
        let largest = largest.isFinite ? min(max(largest, 0), Self.limit) : 0
        var step = steps.first { $0 > 0 && (largest / $0).rounded(.up) <= intervals } ?? steps.last.map { max($0, 1) } ?? 1
        while (largest / step).rounded(.up) > intervals { step *= 10 }
        self.step = step
        // At least one interval, so an axis of zeros still has a length.
        self.maximum = max((largest / step).rounded(.up), 1) * step
    }

    /// The largest value an axis reaches; anything above is drawn at its end.
    static let limit = 1e15

    /// Months read best in steps that divide a year.
    public static func months(largest: Double) -> ChartScale {
        ChartScale(largest: largest, steps: [1, 2, 3, 6, 12, 24, 60, 120, 240])
    }

    /// Money in 1, 2, 2.5 and 5 times a power of ten.
    public static func money(largest: Double) -> ChartScale {
        var steps: [Double] = []
        var power = 1.0
        while power <= 1e9 {
            steps += [power, 2 * power, 2.5 * power, 5 * power]
            power *= 10
        }
        return ChartScale(largest: largest, steps: steps)
    }

    public var ticks: [Double] {
        // The initializer keeps the count between 1 and `maxIntervals`.
        let count = Int(exactly: (maximum / step).rounded()) ?? 1
        return (0...max(count, 1)).map { Double($0) * step }
    }

    /// Where `value` falls between `low` (at zero) and `high` (at the maximum), clamped to that span.
    func position(_ value: Double, from low: Double, to high: Double) -> Double {
        let fraction = value.isFinite ? min(max(value / maximum, 0), 1) : 0
        return low + (high - low) * fraction
    }
}
