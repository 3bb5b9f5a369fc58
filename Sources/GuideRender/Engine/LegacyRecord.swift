import Mustache

/// A context record as swift-mustache takes it: the reference the compiled templates are
/// tested against (`TemplateLibrary.renderWithSwiftMustache`). Unlike a plain dictionary it
/// notices lookups of names it does not have, so that a misspelt `{{isuer}}` is reported.
///
/// Mustache looks a name up from the innermost section outwards: a miss in an inner record is
/// normal when the very next lookup finds the same name further out. A miss is only real when
/// the next lookup asks for something else (or nothing follows).
struct LegacyRecord: MustacheParent, @unchecked Sendable {
    // @unchecked: values are immutable strings, numbers, booleans, arrays and records.
    let values: [String: Any]

    init(_ values: [String: Any]) {
        self.values = values
    }

    func child(named name: String) -> Any? {
        let value = values[name]
        LookupRecorder.current?.observe(name: name, found: value != nil)
        return value
    }

}

/// Collects the names a render looked up and found nowhere. One per render, bound to the task.
final class LookupRecorder: @unchecked Sendable {
    // @unchecked: used by exactly one render on one thread at a time (task-local).
    @TaskLocal static var current: LookupRecorder?

    private var pending: String?
    private(set) var missing: [String] = []

    func observe(name: String, found: Bool) {
        if let pending, pending != name { record(pending) }
        pending = found ? nil : name
    }

    func finish() -> [String] {
        if let pending { record(pending) }
        pending = nil
        return missing
    }

    private func record(_ name: String) {
        if !missing.contains(name) { missing.append(name) }
    }
}
