import Foundation
import FoundationXML
import GuideContent
import GuideRender
import Testing

#if canImport(FoundationXML)
#endif

/// The compare page's chart of cost against time to complete, as a reader (or a screen reader)
/// meets it: which certifications are on it, where, under which name, and what it says about them.
@Suite struct CostChartTests {
    typealias Cost = CertificationFrontMatter.Cost
    typealias Months = CertificationFrontMatter.Months

    static func item(_ title: String, _ label: String? = nil, cost: (Double, Double?)?, months: (Double, Double?)?,
                     currency: String? = "USD") -> CostChart.Item {
        CostChart.Item(title: title, label: label, url: "/certifications/\(title.lowercased().replacingOccurrences(of: " ", with: "-"))/",
                       cost: cost.map { Cost(min: $0.0, max: $0.1, currency: currency, note: nil) },
                       duration: months.map { Months(min: $0.0, max: $0.1) })
    }

    /// The guide's own figures: seven with both facts, five without.
    static let guide: [CostChart.Item] = [
        item("Microsoft Office Specialist", "MOS", cost: (80, 150), months: nil),
        item("Automation and Control Systems Technicians Certification", cost: (400, 400), months: (3, 3)),
        item("Certified Academic Library Technician", "CALT", cost: (175, 225), months: (4, 4)),
        item("Certified Library Technician", "CLT", cost: (150, 200), months: (24, 24)),
        item("Certified Public Library Technician", cost: (100, 200), months: nil),
        item("Certified School Library Technician", "CSLT", cost: (200, 400), months: nil),
        item("Certified Technical Services Technician", "CTST", cost: (100, 100), months: (6, 6)),
        item("CompTIA A+", cost: (400, 400), months: (6, 12)),
        item("Academy of Certified Archivists Certification", "ACA", cost: (525, 625), months: (24, 24)),
        item("Certificate of Library Management", cost: nil, months: nil),
        item("Certified Information Professional", "CIP", cost: (250, 250), months: (6, 6)),
        item("Museum and Library Services Professional Certification", "MLS-P", cost: (150, 150), months: nil),
    ]

    @Test func onlyCertificationsWithCostAndDurationAreDrawnTheRestAreNamedWithTheReason() {
        let chart = CostChart(items: Self.guide)
        #expect(chart.points.map(\.item.label) == ["Automation and Control…", "CALT", "CLT", "CTST", "CompTIA A+", "ACA", "CIP"])
        #expect(chart.leftOut.map { "\($0.item.title): \($0.reason)" } == [
            "Microsoft Office Specialist: no time to complete published",
            "Certified Public Library Technician: no time to complete published",
            "Certified School Library Technician: no time to complete published",
            "Certificate of Library Management: no cost or time to complete published",
            "Museum and Library Services Professional Certification: no time to complete published",
        ])
        let svg = chart.svg
        #expect(svg.components(separatedBy: "<circle ").count - 1 == 7)
        #expect(!svg.contains("MOS") && !svg.contains("Certificate of Library Management"))
    }

    @Test func dotsSitAtTheMiddleOfTheirRangesOnRoundAxes() throws {
        let chart = CostChart(items: Self.guide)
        #expect(chart.months.ticks == [0, 6, 12, 18, 24])
        #expect(chart.money.ticks == [0, 100, 200, 300, 400, 500, 600, 700])
        let plot = CostChart.plot
        let byLabel = Dictionary(uniqueKeysWithValues: chart.points.map { ($0.item.label, $0) })
        let comptia = try #require(byLabel["CompTIA A+"])
        let ctst = try #require(byLabel["CTST"])
        let aca = try #require(byLabel["ACA"])
        // 6–12 months: the dot at 9, a line from 6 to 12; the same x as CTST's 6 months at the line's start.
        #expect(abs(comptia.x - (plot.minX + (plot.maxX - plot.minX) * 9 / 24)) < 0.01)
        #expect(comptia.xSpan.lowerBound == ctst.x && comptia.xSpan.upperBound > comptia.x)
        // Dearer is higher up (smaller y); ACA's $525–$625 is drawn around $575.
        #expect(aca.y < comptia.y && comptia.y < ctst.y)
        #expect(abs(aca.y - (plot.maxY - (plot.maxY - plot.minY) * 575 / 700)) < 0.01)
        #expect(aca.ySpan.upperBound - aca.ySpan.lowerBound > 0 && ctst.ySpan.lowerBound == ctst.ySpan.upperBound)
        // Two years sits on the last tick, not past the axis.
        #expect(abs(aca.x - plot.maxX) < 0.01)
        // The axes are labelled with their units and round values.
        let svg = chart.svg
        for text in [">Time to complete (months)</text>", ">Cost (USD)</text>", ">$700</text>", ">$0</text>", ">24</text>", ">18</text>"] {
            #expect(svg.contains(text), "no \(text)")
        }
    }

    @Test func labelsCoverNoOtherLabelDotOrTickAndStayInTheDrawing() {
        // The guide, plus four certifications at one spot: right, left, above and below it.
        let crowd = (1...4).map { Self.item("Crowd \($0)", "C\($0)", cost: (300, 300), months: (12, 12)) }
        let chart = CostChart(items: Self.guide + crowd)
        let labels = chart.points.map(\.label)
        let drawing = ChartBox(minX: 0, minY: 0, maxX: CostChart.width, maxY: CostChart.height)
        for (index, label) in labels.enumerated() {
            #expect(label.box.isInside(drawing), "\(label.text) leaves the drawing")
            #expect(label.box.minX >= CostChart.plot.minX && label.box.maxY <= CostChart.plot.maxY, "\(label.text) crosses an axis")
            for other in labels[(index + 1)...] {
                #expect(label.box.overlap(other.box) == 0, "\(label.text) covers \(other.text)")
            }
            for point in chart.points {
                let dot = ChartBox(minX: point.x - 6, minY: point.y - 6, maxX: point.x + 6, maxY: point.y + 6)
                #expect(label.box.overlap(dot) == 0, "\(label.text) covers the dot of \(point.item.label)")
            }
        }
    }

    @Test func longTitlesAreShortenedAtAWordOnTheChartOnly() {
        let chart = CostChart(items: [Self.item("Automation and Control Systems Technicians Certification", cost: (400, nil), months: (3, nil))])
        #expect(chart.points[0].item.label == "Automation and Control…")
        #expect(chart.svg.contains("<title>Automation and Control Systems Technicians Certification: $400, 3 months</title>"))
    }

    @Test func everyTextIsEscapedAndTheSVGParsesAsXML() throws {
        let chart = CostChart(items: [
            Self.item(#"<script>alert("x")</script> & Co"#, #"A&B <i>"#, cost: (10, 20), months: (1, 2)),
            Self.item("Plain", cost: (5, nil), months: (2, nil)),
        ])
        let svg = chart.svg
        #expect(!svg.contains("<script") && !svg.contains("<i>"))
        #expect(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"))
        #expect(svg.contains(">A&amp;B &lt;i&gt;</text>"))
        let document = try XMLDocument(xmlString: svg)
        let root = try #require(document.rootElement())
        #expect(root.name == "svg")
        #expect(root.attribute(forName: "role")?.stringValue == "img")
        #expect(root.attribute(forName: "aria-labelledby")?.stringValue == "cost-chart-title cost-chart-desc")
        #expect(try root.nodes(forXPath: "title[@id='cost-chart-title']").first?.stringValue == "Cost against time to complete")
        let description = try #require(try root.nodes(forXPath: "desc[@id='cost-chart-desc']").first?.stringValue)
        #expect(description.contains("2 of 2 certifications publish both figures"))
    }

    @Test func theAxisUsesTheCurrencyMostCertificationsUse() {
        let chart = CostChart(items: [
            Self.item("One", cost: (100, nil), months: (3, nil), currency: "EUR"),
            Self.item("Two", cost: (200, nil), months: (6, nil), currency: "eur"),
            Self.item("Three", cost: (300, nil), months: (9, nil)),
        ])
        #expect(chart.currency == "EUR")
        #expect(chart.points.map(\.item.title) == ["One", "Two"])
        #expect(chart.leftOut.map(\.reason) == ["cost in USD, not EUR"])
        #expect(chart.svg.contains(">Cost (EUR)</text>") && chart.svg.contains(">€200</text>"))
    }

    @Test func sameItemsGiveTheSameBytes() {
        #expect(CostChart(items: Self.guide).svg == CostChart(items: Self.guide).svg)
    }

    @Test func scalesEndOnARoundTickAtOrAboveTheLargestValue() {
        #expect(ChartScale.months(largest: 24).ticks == [0, 6, 12, 18, 24])
        #expect(ChartScale.months(largest: 4).ticks == [0, 1, 2, 3, 4])
        #expect(ChartScale.months(largest: 13).ticks == [0, 2, 4, 6, 8, 10, 12, 14])
        #expect(ChartScale.months(largest: 30).ticks == [0, 6, 12, 18, 24, 30])
        #expect(ChartScale.money(largest: 625).ticks == [0, 100, 200, 300, 400, 500, 600, 700])
        #expect(ChartScale.money(largest: 1800).maximum == 2000)
        #expect(ChartScale.money(largest: 0).ticks == [0, 1])
    }

    // MARK: On the built compare page

    @Test func comparePageShowsTheChartAndItsTextAlternative() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let html = try site.page("compare/index.html")
        let section = try #require(html.range(of: #"<section class="chart-section""#).map { String(html[$0.lowerBound...]) })
        #expect(section.contains(#"<svg class="cost-chart""#))
        // Alpha has both facts; Beta has no duration: it is named, with the reason, not drawn.
        #expect(section.contains(#">ALT</text>"#))
        #expect(section.contains(#"<li><a href="/certifications/beta-archivist/">Beta Archivist</a>: no time to complete published</li>"#))
        #expect(section.contains(#"<tr><th scope="row"><a href="/certifications/alpha-technician/">Alpha Technician</a></th><td>ALT</td><td>4–6 months</td><td>$175–$225</td></tr>"#))
    }

    @Test func noChartWhenNoCertificationGivesBothFacts() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let path = "Content/certifications/alpha-technician.md"
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        try site.write(path, text.replacingOccurrences(of: "duration_months: { min: 4, max: 6 }\n", with: ""))
        try site.build()
        let html = try site.page("compare/index.html")
        #expect(!html.contains("cost-chart") && !html.contains("chart-section"))
        #expect(html.contains(#"<tr id="alpha-technician">"#), "the table is still there")
    }

    @Test func aCrowdedChartKeepsItsDotsAndDropsUnreadableLabels() {
        let many: [CostChart.Item] = (0...CostChart.maxLabelled).map { number in
            let cost = Double(100 + number), months = Double(1 + number % 24)
            return Self.item("Credential \(number)", "C\(number)", cost: (cost, nil), months: (months, nil))
        }
        let crowded = CostChart(items: many)
        #expect(crowded.points.count == many.count)
        #expect(crowded.svg.components(separatedBy: "<circle").count - 1 == many.count)
        #expect(!crowded.svg.contains(#"class="label""#), "labels past \(CostChart.maxLabelled) dots")
        #expect(crowded.svg.contains("<title>Credential 60: "), "every dot keeps its tooltip")
        let few = CostChart(items: Array(many.prefix(CostChart.maxLabelled)))
        #expect(few.svg.contains(#"class="label""#))
    }
}
