import Foundation
@testable import GuideRender
import Testing

/// The compiled templates against the official Mustache specification: every case of the
/// core modules whose data the template model can hold (text, numbers, booleans, lists and
/// records; the spec's `null` has no counterpart, since certguide's contexts say `false`).
@Suite struct MustacheSpecTests {
    struct Case: Decodable {
        var name: String
        var data: JSON
        var template: String
        var partials: [String: String]?
        var expected: String
    }

    indirect enum JSON: Decodable {
        case null, bool(Bool), number(Double), string(String), array([JSON]), object([String: JSON])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null } else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else if let text = try? container.decode(String.self) { self = .string(text) }
            else if let items = try? container.decode([JSON].self) { self = .array(items) }
            else { self = .object(try container.decode([String: JSON].self)) }
        }

        var hasNull: Bool {
            switch self {
            case .null: true
            case .array(let items): items.contains(where: \.hasNull)
            case .object(let fields): fields.values.contains(where: \.hasNull)
            default: false
            }
        }

        var value: TemplateValue {
            switch self {
            case .null: .bool(false)
            case .bool(let flag): .bool(flag)
            case .number(let number): number == number.rounded() && abs(number) < 1e15 ? .int(Int(number)) : .text(EscapedText(String(number)))
            case .string(let text): .text(EscapedText(text))
            case .array(let items): .list(items.map(\.value))
            case .object(let fields): .record(Record(typed: fields.map { ($0.key, $0.value.value) }))
            }
        }
    }

    static let folder = TestSite.fixtures.appendingPathComponent("mustache-spec")
    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]

    static func cases(_ module: String) throws -> [Case] {
        struct File: Decodable { var tests: [Case] }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: folder.appendingPathComponent("\(module).json"))).tests
    }

    @Test(arguments: modules) func specModule(_ module: String) throws {
        var passed = 0, skipped: [String] = []
        for test in try Self.cases(module) {
            guard !test.data.hasNull else {
                skipped.append(test.name)
                continue
            }
            let library = try CompiledLibrary(sources: (test.partials ?? [:]).merging(["spec-test": test.template]) { _, own in own })
            let html = String(decoding: library.render("spec-test", stack: [test.data.value]).html, as: UTF8.self)
            #expect(html == test.expected, "\(module): \(test.name)")
            if html == test.expected { passed += 1 }
        }
        print("Mustache spec, \(module): \(passed) passed, \(skipped.count) with null data not run \(skipped)")
        #expect(passed > 0)
    }
}
