/// A linear axis from zero to a round maximum, with evenly spaced round ticks.
public struct ChartScale: Sendable, Equatable {
    public let maximum: Double
    public let step: Double

    /// Ticks for values up to `largest`, choosing the smallest step from `steps` (ascending)
    /// that needs at most `maxIntervals` intervals; the last step is used when none does.
    public init(largest: Double, steps: [Double], maxIntervals: Int = 7) {
        let largest = max(largest, 0)
        let step = steps.first { (largest / $0).rounded(.up) <= Double(maxIntervals) } ?? steps[steps.count - 1]
        self.step = step
        // At least one interval, so an axis of zeros still has a length.
        self.maximum = max((largest / step).rounded(.up), 1) * step
    }

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
        let count = Int((maximum / step).rounded())
        return (0...count).map { Double($0) * step }
    }

    /// Where `value` falls between `low` (at zero) and `high` (at the maximum).
    func position(_ value: Double, from low: Double, to high: Double) -> Double {
        low + (high - low) * value / maximum
    }
}
