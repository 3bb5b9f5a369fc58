import Foundation

/// A record of a template context: `{{title}}` inside it finds `title`. Its values are typed
/// and escaped when it is made; a name is looked up by its number (`TemplateNames`).
///
/// A shared record (a certification's card, shown on the home page, the lists, topic pages and
/// similar lists) keeps what a partial rendered from it, so a card is rendered once a build.
public final class Record: @unchecked Sendable {
    // @unchecked: immutable but for `rendered`, which is guarded by a lock.
    private let ids: [Int32]
    private let values: [TemplateValue]
    let shared: Bool
    private var rendered: [RenderedKey: [UInt8]] = [:]

    public convenience init(_ values: [String: Any], shared: Bool = false) {
        self.init(typed: values.map { ($0.key, TemplateValue($0.value)) }, shared: shared)
    }

    init(typed entries: [(String, TemplateValue)], shared: Bool = false) {
        ids = entries.map { TemplateNames.id($0.0) }
        values = entries.map(\.1)
        self.shared = shared
    }

    private init(ids: [Int32], values: [TemplateValue], shared: Bool) {
        self.ids = ids
        self.values = values
        self.shared = shared
    }

    func value(_ id: Int32) -> TemplateValue? {
        for index in ids.indices where ids[index] == id {
            if case .lazy(let lazy) = values[index] { return lazy.value }
            return values[index]
        }
        return nil
    }

    public subscript(key: String) -> Any? { value(TemplateNames.id(key))?.legacy }

    /// This record with `values` added or replacing its own; not shared.
    func adding(_ more: [String: Any]) -> Record {
        var ids = self.ids, values = self.values
        for (key, value) in more {
            let id = TemplateNames.id(key)
            if let index = ids.firstIndex(of: id) { values[index] = TemplateValue(value) } else {
                ids.append(id)
                values.append(TemplateValue(value))
            }
        }
        return Record(ids: ids, values: values, shared: false)
    }

    var keys: [String] { ids.map(TemplateNames.name) }

    /// As swift-mustache takes it.
    var legacy: LegacyRecord {
        LegacyRecord(Dictionary(uniqueKeysWithValues: zip(ids.map(TemplateNames.name), values.map(\.legacy))))
    }

    struct RenderedKey: Hashable {
        var library: Int
        var template: Int
        var indentation: String
    }

    private static let locks = (0..<64).map { _ in NSLock() }
    private var lock: NSLock { Self.locks[Int(UInt(bitPattern: ObjectIdentifier(self).hashValue) % 64)] }

    func rendered(_ key: RenderedKey) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        return rendered[key]
    }

    /// Keeps only what the templates of `key.library` rendered: after a template edit in the
    /// preview, the cards of the last templates are dropped.
    func keep(_ bytes: [UInt8], as key: RenderedKey) {
        lock.lock()
        defer { lock.unlock() }
        if let other = rendered.keys.first, other.library != key.library { rendered = [:] }
        rendered[key] = bytes
    }
}
