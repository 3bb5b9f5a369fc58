import Foundation

/// A value of a page's template context, typed once when it enters the model so that
/// rendering never casts: text carries its HTML-escaped form, made once however many pages
/// show it.
enum TemplateValue: Sendable {
    case text(EscapedText)
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case record(Record)
    /// Made when a template first looks it up: only as a record's value (`Record.value`
    /// forces it), never inside a list.
    case lazy(LazyValue)

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
        case let lazy as LazyValue: self = .lazy(lazy)
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
        case .lazy(let lazy): lazy.value.described
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
        case .lazy(let lazy): lazy.value.legacy
        }
    }
}

/// A value made on first use, once, whichever thread asks first: the level groups every page's
/// context holds list all certification cards, which only the pages that show them need.
final class LazyValue: @unchecked Sendable {
    // @unchecked: `made` is read and written under `lock`; `make` is only called.
    private let lock = NSLock()
    private let make: @Sendable () -> TemplateValue
    private var made: TemplateValue?

    init(_ make: @escaping @Sendable () -> Any) {
        self.make = { TemplateValue(make()) }
    }

    var value: TemplateValue {
        if let made = lock.withLock({ made }) { return made }
        // Made outside the lock: making it may wait for other threads' work.
        let value = make()
        return lock.withLock {
            if made == nil { made = value }
            return made!
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
