import GuideContent
import GuideSite

/// The compare page's chart of cost against time to complete, drawn at build time as inline
/// SVG: no script, no library, the same bytes for the same content.
///
/// Each certification that publishes both a cost and a duration is one labelled dot at the
/// middle of its ranges, with a line across (duration) or up (cost) where a range is given.
/// The others are listed in `leftOut` with the reason, for the page's text alternative.
public struct CostChart: Sendable {
    public struct Item: Sendable {
        public var title: String
        /// The name on the chart: an abbreviation, or the title (shortened when long).
        public var label: String
        public var url: String
        public var cost: CertificationFrontMatter.Cost?
        public var duration: CertificationFrontMatter.Months?

        public init(title: String, label: String? = nil, url: String,
                    cost: CertificationFrontMatter.Cost?, duration: CertificationFrontMatter.Months?) {
            self.title = title
            self.label = ChartLabel.fit(label ?? title)
            self.url = url
            self.cost = cost
            self.duration = duration
        }
    }

    public struct Point: Sendable {
        public var item: Item
        /// The dot, in drawing coordinates.
        public var x: Double
        public var y: Double
        /// Ends of the range lines; equal to the dot where the fact is a single value.
        public var xSpan: ClosedRange<Double>
        public var ySpan: ClosedRange<Double>
        public var label: ChartLabel
    }

    public struct LeftOut: Sendable {
        public var item: Item
        public var reason: String
    }

    public static let width = 520.0
    public static let height = 380.0
    /// The plot area inside the axes.
    public static let plot = ChartBox(minX: 76, minY: 16, maxX: width - 24, maxY: height - 64)
    /// Past this many dots, labels could not be read at this size (and placing them costs
    /// the square of the count): the dots keep their tooltips and the table names them.
    public static let maxLabelled = 60

    /// The currency of the cost axis: the one most plotted certifications use.
    public let currency: String
    public let months: ChartScale
    public let money: ChartScale
    public let points: [Point]
    public let leftOut: [LeftOut]

    public init(items: [Item]) {
        let complete = items.filter { $0.cost != nil && $0.duration != nil }
        let currencies = complete.map { Self.currency(of: $0) }
        currency = Set(currencies).sorted().max { a, b in
            currencies.filter { $0 == a }.count < currencies.filter { $0 == b }.count
        } ?? "USD"
        var plotted: [Item] = []
        var leftOut: [LeftOut] = []
        for item in items {
            switch (item.cost, item.duration) {
            case (nil, nil): leftOut.append(LeftOut(item: item, reason: "no cost or time to complete published"))
            case (nil, _): leftOut.append(LeftOut(item: item, reason: "no cost published"))
            case (_, nil): leftOut.append(LeftOut(item: item, reason: "no time to complete published"))
            case _ where Self.currency(of: item) != currency:
                leftOut.append(LeftOut(item: item, reason: "cost in \(Self.currency(of: item)), not \(currency)"))
            default: plotted.append(item)
            }
        }
        self.leftOut = leftOut
        months = .months(largest: plotted.map { $0.duration.map { $0.max ?? $0.min } ?? 0 }.max() ?? 1)
        money = .money(largest: plotted.map { $0.cost.map { $0.max ?? $0.min } ?? 0 }.max() ?? 1)
        points = Self.layOut(plotted, months: months, money: money)
    }

    private static func currency(of item: Item) -> String {
        item.cost?.currency?.uppercased() ?? "USD"
    }

    private static func layOut(_ items: [Item], months: ChartScale, money: ChartScale) -> [Point] {
        let plot = Self.plot
        func x(_ value: Double) -> Double { months.position(value, from: plot.minX, to: plot.maxX) }
        func y(_ value: Double) -> Double { money.position(value, from: plot.maxY, to: plot.minY) }
        func span(_ a: Double, _ b: Double) -> ClosedRange<Double> { min(a, b)...max(a, b) }
        var points: [Point] = items.compactMap { item in
            guard let cost = item.cost, let duration = item.duration else { return nil }
            // Ends in either order: the schema refuses a swapped pair, and a range from
            // anywhere else must not trap here.
            let xSpan = span(x(duration.min), x(duration.max ?? duration.min))
            let ySpan = span(y(cost.max ?? cost.min), y(cost.min))
            let dot = ((xSpan.lowerBound + xSpan.upperBound) / 2, (ySpan.lowerBound + ySpan.upperBound) / 2)
            let placeholder = ChartLabel(text: "", x: dot.0, y: dot.1, anchor: .start)
            return Point(item: item, x: dot.0, y: dot.1, xSpan: xSpan, ySpan: ySpan, label: placeholder)
        }
        guard points.count <= maxLabelled else { return points }
        var placer = LabelPlacer(bounds: ChartBox(minX: plot.minX + 3, minY: 2, maxX: width - 2, maxY: plot.maxY - 3), obstacles: [])
        for point in points {
            placer.obstacles.append(ChartBox(minX: point.x - 7, minY: point.y - 7, maxX: point.x + 7, maxY: point.y + 7))
            placer.obstacles.append(ChartBox(minX: point.xSpan.lowerBound, minY: point.y - 1.5, maxX: point.xSpan.upperBound, maxY: point.y + 1.5))
            placer.obstacles.append(ChartBox(minX: point.x - 1.5, minY: point.ySpan.lowerBound, maxX: point.x + 1.5, maxY: point.ySpan.upperBound))
        }
        for index in points.indices {
            points[index].label = placer.place(points[index].item.label, atX: points[index].x, y: points[index].y)
        }
        return points
    }

    // MARK: Drawing

    /// The `<svg>` element, HTML-safe: every text in it is escaped.
    public var svg: String {
        let plot = Self.plot
        let unit = currency == "USD" ? "US dollars" : currency
        let description = "Each dot is one certification: across, the months it takes to complete; up, what it costs in \(unit). "
            + "A line through a dot spans a published range, and the dot marks its middle. "
            + "\(points.count) of \(points.count + leftOut.count) certifications publish both figures; the table after the chart lists them."
        var lines = [
            #"<svg class="cost-chart" viewBox="0 0 \#(Self.number(Self.width)) \#(Self.number(Self.height))" width="\#(Self.number(Self.width))" height="\#(Self.number(Self.height))" font-size="14" role="img" aria-labelledby="cost-chart-title cost-chart-desc">"#,
            #"<title id="cost-chart-title">Cost against time to complete</title>"#,
            #"<desc id="cost-chart-desc">\#(HTML.escape(description))</desc>"#,
            #"<g class="grid">"#,
        ]
        for tick in money.ticks.dropFirst() {
            let y = Self.number(money.position(tick, from: plot.maxY, to: plot.minY))
            lines.append(#"<line x1="\#(Self.number(plot.minX))" y1="\#(y)" x2="\#(Self.number(plot.maxX))" y2="\#(y)"/>"#)
        }
        lines.append("</g>")
        lines.append(#"<g class="axis">"#)
        lines.append(#"<line x1="\#(Self.number(plot.minX))" y1="\#(Self.number(plot.maxY))" x2="\#(Self.number(plot.maxX))" y2="\#(Self.number(plot.maxY))"/>"#)
        lines.append(#"<line x1="\#(Self.number(plot.minX))" y1="\#(Self.number(plot.minY))" x2="\#(Self.number(plot.minX))" y2="\#(Self.number(plot.maxY))"/>"#)
        for tick in months.ticks {
            let x = Self.number(months.position(tick, from: plot.minX, to: plot.maxX))
            lines.append(#"<line x1="\#(x)" y1="\#(Self.number(plot.maxY))" x2="\#(x)" y2="\#(Self.number(plot.maxY + 5))"/>"#)
            lines.append(#"<text x="\#(x)" y="\#(Self.number(plot.maxY + 22))" text-anchor="middle">\#(Facts.number(tick))</text>"#)
        }
        for tick in money.ticks {
            let y = money.position(tick, from: plot.maxY, to: plot.minY)
            lines.append(#"<text x="\#(Self.number(plot.minX - 8))" y="\#(Self.number(y + 5))" text-anchor="end">\#(HTML.escape(Facts.money(tick, currency: currency)))</text>"#)
        }
        lines.append(#"<text class="axis-title" x="\#(Self.number((plot.minX + plot.maxX) / 2))" y="\#(Self.number(Self.height - 14))" text-anchor="middle">Time to complete (months)</text>"#)
        let middle = Self.number((plot.minY + plot.maxY) / 2)
        lines.append(#"<text class="axis-title" x="18" y="\#(middle)" transform="rotate(-90 18 \#(middle))" text-anchor="middle">Cost (\#(HTML.escape(currency)))</text>"#)
        lines.append("</g>")
        lines.append(#"<g class="points">"#)
        for point in points { lines.append(draw(point)) }
        lines.append("</g>")
        lines.append("</svg>")
        return lines.joined(separator: "\n")
    }

    private func draw(_ point: Point) -> String {
        let (x, y) = (Self.number(point.x), Self.number(point.y))
        let cost = point.item.cost.map(Facts.cost) ?? ""
        let duration = point.item.duration.map(Facts.duration) ?? ""
        var parts = [#"<g class="point">"#, "<title>\(HTML.escape("\(point.item.title): \(cost), \(duration)"))</title>"]
        if point.xSpan.lowerBound < point.xSpan.upperBound {
            parts.append(#"<line class="range" x1="\#(Self.number(point.xSpan.lowerBound))" y1="\#(y)" x2="\#(Self.number(point.xSpan.upperBound))" y2="\#(y)"/>"#)
        }
        if point.ySpan.lowerBound < point.ySpan.upperBound {
            parts.append(#"<line class="range" x1="\#(x)" y1="\#(Self.number(point.ySpan.lowerBound))" x2="\#(x)" y2="\#(Self.number(point.ySpan.upperBound))"/>"#)
        }
        parts.append(#"<circle cx="\#(x)" cy="\#(y)" r="6"/>"#)
        let label = point.label
        if !label.text.isEmpty { parts.append(#"<text class="label" x="\#(Self.number(label.x))" y="\#(Self.number(label.y))" text-anchor="\#(label.anchor.rawValue)">\#(HTML.escape(label.text))</text>"#) }
        parts.append("</g>")
        return parts.joined()
    }

    /// Coordinates to a tenth, without locale or exponent: the same text on every machine.
    static func number(_ value: Double) -> String {
        // Drawing coordinates stay inside the chart; a value from nowhere becomes 0, not a trap.
        let tenths = Int(exactly: (value * 10).rounded()) ?? 0
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10, fraction = abs(tenths) % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
