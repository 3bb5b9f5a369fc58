import Foundation
@testable import GuideContent
@testable import GuideRender
@testable import GuideSite
@testable import GuideSupport
import Testing
import Yams

/// Every figure of the front matter has a range, checked at its line; and whatever a number
/// holds, the formatters, the JSON writer and the chart write it without trapping.
@Suite struct NumberDomainTests {
    private let cert = "Content/certifications/x.md"
    private let valid = "title: X\nissuer: I\nsummary: S\nlevel: technician\nverified: 2026-11-01"

    /// The problems of a certification whose front matter is `valid` and then `lines`
    /// (which start on line 7 of the file).
    private func problems(_ lines: String) throws -> [String] {
        let site = try TestSite(files: [cert: "---\n\(valid)\n\(lines)\n---\nBody.\n"])
        defer { site.cleanUp() }
        return site.problems()
    }

    @Test func aSwappedPairIsAnErrorAtTheLineOfTheMaximum() throws {
        #expect(try problems("cost:\n  min: 900\n  max: 180") == [
            "\(cert):9:8: error: `cost.max` (180) is less than `cost.min` (900); `min` takes the smaller figure and `max` the larger, so swap them",
        ])
        #expect(try problems("duration_months: { min: 12, max: 6 }") == [
            "\(cert):7:34: error: `duration_months.max` (6) is less than `duration_months.min` (12); `min` takes the smaller figure and `max` the larger, so swap them",
        ])
        #expect(try problems("cost: { min: 150, max: 150 }").isEmpty, "an equal pair is one figure")
    }

    @Test(arguments: [
        ("cost:\n  min: 1e19", "8:8", "`cost.min` must be from 0 to 1,000,000, not `1e19`"),
        ("cost:\n  min: -1e19", "8:8", "`cost.min` must be from 0 to 1,000,000, not `-1e19`"),
        ("cost:\n  min: -40", "8:8", "`cost.min` must be from 0 to 1,000,000, not `-40`"),
        ("cost:\n  min: 1\n  max: 9223372036854775807", "9:8", "`cost.max` must be from 0 to 1,000,000, not `9223372036854775807`"),
        ("cost:\n  min: .nan", "8:8", "`cost.min` must be a number from 0 to 1,000,000, not `.nan`"),
        ("cost:\n  min: inf", "8:8", "`cost.min` must be a number from 0 to 1,000,000, not `inf`"),
        ("duration_months:\n  min: 1\n  max: 1e300", "9:8", "`duration_months.max` must be more than 0 and at most 600, not `1e300`"),
        ("duration_months:\n  min: 0", "8:8", "`duration_months.min` must be more than 0 and at most 600, not `0`"),
        ("renewal:\n  every_years: 1e19", "8:16", "`renewal.every_years` must be more than 0 and at most 100, not `1e19`"),
        ("exam:\n  passing_score_percent: 150", "8:26", "`exam.passing_score_percent` must be from 0 to 100, not `150`"),
        ("exam:\n  questions: 0", "8:14", "`exam.questions` must be from 1 to 10,000, not `0`"),
        ("exam:\n  questions: 99999999999999999999", "8:14", "`exam.questions` must be a whole number from 1 to 10,000, not `99999999999999999999`"),
        ("exam:\n  length_minutes: 6001", "8:19", "`exam.length_minutes` must be from 1 to 6,000, not `6001`"),
    ])
    func aFigureOutOfItsRangeIsAnErrorAtItsLine(lines: String, at place: String, message: String) throws {
        #expect(try problems(lines) == ["\(cert):\(place): error: \(message)"])
    }

    @Test func everyBadFigureOfAFileIsReportedInOneRun() throws {
        let found = try problems("cost:\n  min: 900\n  max: 180\nexam:\n  passing_score_percent: 150\n  questions: -1\nrenewal:\n  every_years: 0")
        #expect(found.count == 4, "\(found)")
        #expect(found.map { $0.split(separator: ":")[1] } == ["9", "11", "12", "14"], "\(found)")
    }

    @Test func theBoundsThemselvesAreAllowed() throws {
        #expect(try problems("""
            cost: { min: 0, max: 1000000 }
            duration_months: { min: 0.5, max: 600 }
            exam: { questions: 10000, passing_score_percent: 100, length_minutes: 6000 }
            renewal: { every_years: 100 }
            """).isEmpty)
    }

    @Test(arguments: ["NULL", "Null", "null", "~", ""])
    func anOptionalValueWrittenAsNullIsAsIfAbsent(_ spelling: String) throws {
        let site = try TestSite(files: [cert: "---\n\(valid)\ncost:\n  min: 150\n  max: \(spelling)\n---\nBody.\n"])
        defer { site.cleanUp() }
        #expect(site.problems().isEmpty)
        let page = try site.generate().first { $0.path == "certifications/x/index.html" }
        let html = page.map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
        #expect(html.contains("$150") && !html.contains("$150–"), "cost shown as one figure")
    }

    @Test func onlyTheCoreSchemaSpellingsAreNull() throws {
        #expect(try problems("cost:\n  min: 150\n  max: nULL") == ["\(cert):9:8: error: `cost.max` must be a number from 0 to 1,000,000, not `nULL`"])
        // Quoted, `null` is text, not the absence of a value.
        #expect(try problems("abbreviation: \"null\"").isEmpty)
        // A required field written as null has no value.
        let site = try TestSite(files: [cert: "---\ntitle: NULL\nissuer: I\nsummary: S\nlevel: technician\nverified: 2026-11-01\n---\nBody.\n"])
        defer { site.cleanUp() }
        #expect(site.problems() == ["\(cert):2:8: error: `title` has no value"])
    }

    @Test func theSchemaAndTheDecoderShareOneNullRule() throws {
        for (spelling, null) in [("NULL", true), ("Null", true), ("null", true), ("~", true), ("nULL", false), ("\"null\"", false), ("none", false)] {
            let node = try #require(try Yams.compose(yaml: "key: \(spelling)")?.mapping?["key"])
            #expect(YAMLNodeView(node: node).isNull == null, "\(spelling)")
            #expect(NodeDecoder.isNull(node) == null, "\(spelling)")
        }
    }

    @Test func staleAfterMonthsHasARange() throws {
        let site = try TestSite(files: ["Content/site.yml": """
            title: T
            base_url: https://guide.example.org/
            description: D
            stale_after_months: 9223372036854775807

            """])
        defer { site.cleanUp() }
        #expect(site.problems() == ["Content/site.yml:4:21: error: `stale_after_months` must be from 1 to 1,200, not `9223372036854775807`"])
    }

    // MARK: No formatter traps

    static let extremes: [Double] = [0, -0.0, 1e15, 1e19, -1e19, 9.223372036854775807e18, 1e300, -1e300,
                                     .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude, 0.125, .nan, .infinity, -.infinity]

    @Test(arguments: extremes)
    func factsWriteAnyNumber(_ value: Double) {
        let number = Facts.number(value)
        #expect(!number.isEmpty)
        #expect(!Facts.money(value, currency: "EUR").isEmpty)
        #expect(!Facts.cost(.init(min: value, max: -value)).isEmpty)
        #expect(!Facts.duration(.init(min: value, max: value / 2)).isEmpty)
        #expect(!Facts.renewal(.init(everyYears: value, by: nil)).isEmpty)
        if value.isFinite { #expect(number.allSatisfy { $0.isNumber || "-.e+".contains($0) }, "\(number)") }
    }

    @Test func factsKeepTheirUsualForm() {
        #expect(Facts.number(175) == "175")
        #expect(Facts.number(2.5) == "2.5")
        #expect(Facts.number(1e19) == "1e+19")
        #expect(Facts.number(-1e19) == "-1e+19")
        #expect(Facts.cost(.init(min: 150, max: 200)) == "$150–$200")
    }

    @Test(arguments: extremes)
    func jsonWritersWriteAnyNumberAsJSON(_ value: Double) throws {
        var writer = JSONWriter()
        writer.array([value]) { $0.number($1) }
        let parsed = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [Any]
        #expect(parsed?.count == 1, "\(writer.text)")
        let text = JSONWriter.encode(["n": value], pretty: false, depth: 0)
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "\(text)")
    }

    @Test(arguments: extremes)
    func scalesOfAnyLargestHaveFewTicks(_ value: Double) {
        for scale in [ChartScale.money(largest: value), ChartScale.months(largest: value)] {
            #expect((2...8).contains(scale.ticks.count), "\(value): \(scale.ticks.count) ticks")
            #expect(scale.maximum.isFinite && scale.maximum > 0)
            #expect(scale.position(value, from: 0, to: 100).isFinite)
        }
    }

    @Test func theChartDrawsExtremeAndBackwardRanges() {
        let items = Self.extremes.enumerated().map { index, value in
            CostChart.Item(title: "Item \(index)", url: "/certifications/item-\(index)/",
                           cost: .init(min: value, max: -value), duration: .init(min: value, max: 1))
        }
        let chart = CostChart(items: items)
        #expect(chart.points.count == items.count)
        #expect(chart.points.allSatisfy { $0.x.isFinite && $0.y.isFinite })
        #expect(chart.svg.hasPrefix("<svg") && !chart.svg.contains("nan"))
    }
}
