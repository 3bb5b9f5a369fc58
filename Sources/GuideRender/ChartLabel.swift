import Foundation

/// A rectangle in the chart's drawing coordinates (y grows downwards, as in SVG).
public struct ChartBox: Sendable, Equatable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        (self.minX, self.minY, self.maxX, self.maxY) = (minX, minY, maxX, maxY)
    }

    /// The area both boxes cover; boxes that only touch do not overlap.
    public func overlap(_ other: ChartBox) -> Double {
        let width = min(maxX, other.maxX) - max(minX, other.minX)
        let height = min(maxY, other.maxY) - max(minY, other.minY)
        return width > 0 && height > 0 ? width * height : 0
    }

    public func isInside(_ other: ChartBox) -> Bool {
        minX >= other.minX && maxX <= other.maxX && minY >= other.minY && maxY <= other.maxY
    }
}

/// A point's name on the chart: its text, where its baseline starts and the room it takes.
public struct ChartLabel: Sendable, Equatable {
    public enum Anchor: String, Sendable { case start, middle, end }

    public var text: String
    public var x: Double
    public var y: Double
    public var anchor: Anchor
    public var box: ChartBox

    // Text cannot be measured at build time: these err on the wide side for a 14 px system
    // font, so labels judged apart stay apart in any browser.
    static let characterWidth = 8.5
    static let ascent = 11.0
    static let descent = 3.0

    init(text: String, x: Double, y: Double, anchor: Anchor) {
        let width = Double(text.count) * Self.characterWidth
        let left = switch anchor {
        case .start: x
        case .middle: x - width / 2
        case .end: x - width
        }
        self.text = text
        self.x = x
        self.y = y
        self.anchor = anchor
        self.box = ChartBox(minX: left, minY: y - Self.ascent, maxX: left + width, maxY: y + Self.descent)
    }

    /// Shortens `text` to at most `limit` characters at a word boundary, ending in "…".
    static func fit(_ text: String, limit: Int = 24) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit - 1)
        let words = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return words.trimmingCharacters(in: [" ", ",", ":", ";", "-"]) + "…"
    }
}

/// Puts each label beside its point where it covers no other point, range line, label or tick
/// label, trying eight positions in a fixed order; when every position is taken, the one that
/// covers least. Same input, same positions.
struct LabelPlacer {
    /// Where labels may go: the plot area.
    let bounds: ChartBox
    /// Everything a label must not cover; placed labels are added.
    var obstacles: [ChartBox]

    mutating func place(_ text: String, atX x: Double, y: Double) -> ChartLabel {
        let candidates = [
            ChartLabel(text: text, x: x + 9, y: y + 5, anchor: .start),
            ChartLabel(text: text, x: x - 9, y: y + 5, anchor: .end),
            ChartLabel(text: text, x: x, y: y - 10, anchor: .middle),
            ChartLabel(text: text, x: x, y: y + 19, anchor: .middle),
            ChartLabel(text: text, x: x + 5, y: y - 10, anchor: .start),
            ChartLabel(text: text, x: x - 5, y: y - 10, anchor: .end),
            ChartLabel(text: text, x: x + 5, y: y + 19, anchor: .start),
            ChartLabel(text: text, x: x - 5, y: y + 19, anchor: .end),
        ]
        var best = candidates[0]
        var bestCost = Double.infinity
        for candidate in candidates {
            let outside = candidate.box.isInside(bounds) ? 0 : 1e9
            let cost = outside + obstacles.reduce(0) { $0 + candidate.box.overlap($1) }
            if cost < bestCost { (best, bestCost) = (candidate, cost) }
            if cost == 0 { break }
        }
        obstacles.append(best.box)
        return best
    }
}
