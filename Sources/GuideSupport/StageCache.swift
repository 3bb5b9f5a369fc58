/// What a stage may keep from one build for the next: values made from inputs with a known
/// fingerprint, and the decoded form of each file it read. The stages see only this; the
/// build's cache (`BuildCache`, in GuideBuild) implements it, keeps it on disk and drops
/// what a build no longer asks for, so no stage depends on how or where it is kept.
///
/// A value is reused only while its fingerprint matches, so a build with a cache writes
/// exactly what a clean build writes.
public protocol StageCache: AnyObject, Sendable {
    /// The value stored under `name` for inputs `key`, if any; marks it as still in use.
    func lookup<Value: Sendable>(_ name: String, key: Fingerprint, as type: Value.Type) -> Value?
    /// The value last stored under `name`, whatever it was made from; kept in use.
    func latest<Value: Sendable>(_ name: String, as type: Value.Type) -> Value?
    func store<Value: Sendable>(_ name: String, key: Fingerprint, _ value: Value)

    /// What the last read of the file at `path` (inside the content folder) gave.
    func loadedFile(_ path: String) -> LoadedFile?
    func remember(file path: String, _ file: LoadedFile)
    /// Drops the files that the last load did not see (deleted or renamed).
    func keepFiles(_ paths: Set<String>)
}

/// One content file as it was read, and what decoding it gave.
public struct LoadedFile: Sendable {
    public var stamp: FileStamp?
    /// When the file was read, in nanoseconds since 1970: a file changed within the same
    /// clock tick as that read can keep its stamp, so a recent stamp is not trusted.
    public var readAt: Int
    public var content: Fingerprint
    /// The file's `Result<Entry<Front>, DiagnosticsError>`.
    public var result: any Sendable

    public init(stamp: FileStamp?, readAt: Int, content: Fingerprint, result: any Sendable) {
        self.stamp = stamp
        self.readAt = readAt
        self.content = content
        self.result = result
    }
}

extension StageCache {
    /// The value stored under `name` when it was made from inputs with fingerprint `key`; else
    /// makes it, stores it and returns it.
    public func value<Value: Sendable>(_ name: String, key: Fingerprint, make: () throws -> Value) rethrows -> (value: Value, fresh: Bool) {
        if let hit = lookup(name, key: key, as: Value.self) { return (hit, false) }
        let value = try make()
        store(name, key: key, value)
        return (value, true)
    }
}

extension Optional where Wrapped == any StageCache {
    /// `StageCache.value` with a cache; without one, `make()`, counted as fresh (and the key,
    /// which can take a pass over every entry, is never worked out).
    public func value<Value: Sendable>(_ name: String, key: @autoclosure () -> Fingerprint, make: () throws -> Value) rethrows -> (value: Value, fresh: Bool) {
        guard let cache = self else { return (try make(), true) }
        return try cache.value(name, key: key(), make: make)
    }
}
