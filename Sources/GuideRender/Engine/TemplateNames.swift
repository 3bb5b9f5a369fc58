import Foundation

/// Every name a template or a context uses, as a number: a compiled `{{title}}` finds its
/// value by comparing integers, not strings.
enum TemplateNames {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var ids: [String: Int32] = [:]
    nonisolated(unsafe) private static var names: [String] = []

    static func id(_ name: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[name] { return id }
        let id = Int32(names.count)
        ids[name] = id
        names.append(name)
        return id
    }

    static func name(_ id: Int32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return names[Int(id)]
    }
}
