/// A value of a page's template context, typed once when it enters the model so that
/// rendering never casts: text carries its HTML-escaped form, made once however many pages
/// show it.
enum TemplateValue: Sendable {
    case text(EscapedText)
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case record(Record)

    /// The value of a context built as `[String: Any]` (strings, numbers, booleans, records
    /// and arrays of them); anything else is its description, as Mustache would print it.
    init(_ value: Any) {
        // Arrays first: casting one to a class (`Record`) would try to bridge it to NSArray.
        switch value {
        case let text as String: self = .text(EscapedText(text))
        case let records as [Record]: self = .list(records.map(TemplateValue.record))
        case let texts as [String]: self = .list(texts.map { .text(EscapedText($0)) })
        case let values as [Any]: self = .list(values.map(TemplateValue.init))
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .int(number)
        case let value as TemplateValue: self = value
        case let record as Record: self = .record(record)
        default: self = .text(EscapedText(String(describing: value)))
        }
    }

    /// What `{{name}}` prints, before escaping, for values other than text and numbers:
    /// what swift-mustache prints for the same value.
    var described: String {
        switch self {
        case .text(let text): text.raw
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .list, .record: String(describing: legacy)
        }
    }

    /// The value as swift-mustache takes it (the reference renderer of the tests).
    var legacy: Any {
        switch self {
        case .text(let text): text.raw
        case .int(let number): number
        case .bool(let flag): flag
        case .list(let values): values.map(\.legacy)
        case .record(let record): record.legacy
        }
    }
}

/// Text with its HTML-escaped form. Short text is escaped when made; long text (bodies, the
/// chart's SVG, which templates print raw) only if a template prints it escaped.
struct EscapedText: Sendable {
    let raw: String
    private let escapedForm: String?

    static let eagerLimit = 1024

    init(_ raw: String) {
        self.raw = raw
        escapedForm = raw.utf8.count <= Self.eagerLimit ? HTML.escape(raw) : nil
    }

    var escaped: String { escapedForm ?? HTML.escape(raw) }
}
