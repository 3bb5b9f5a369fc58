import Foundation

/// What the last build computed, kept for the next one so that it redoes only what a change
/// touched: the entry decoded from each file, the Markdown document of each body, and every
/// output file, each under a fingerprint of the inputs it was made from. A value is reused
/// only when its fingerprint matches, so a build with a cache writes exactly what a clean
/// build writes (tested by comparing the two after every kind of edit).
///
/// One cache serves one site at a time (one content folder, one set of options); it is safe to
/// use from the threads of one build.
public final class BuildCache: @unchecked Sendable {
    // @unchecked: every stored property is read and written under `lock`.
    let lock = NSLock()

    struct LoadedFile {
        var stamp: FileStamp?
        /// When the file was read, in nanoseconds since 1970: a file changed within the same
        /// clock tick as that read can keep its stamp, so a recent stamp is not trusted.
        var readAt: Int
        var content: Fingerprint
        /// The file's `Result<Entry<Front>, DiagnosticsError>`.
        var result: any Sendable
    }

    // Internal for `BuildCache+Storage.swift`; only under `lock`.
    var files: [String: LoadedFile] = [:]
    var values: [String: (key: Fingerprint, value: any Sendable, build: Int)] = [:]
    /// Shards of the stored cache (`StoredCache.shard(of:)`) whose files or values were stored
    /// or dropped since it was loaded or saved: only those are written again.
    var dirtyShards = Set<Int>()
    /// Whether `dirtyShards` is all that differs from the cache on disk.
    var onDisk = false
    var changed: Bool { lock.withLock { !dirtyShards.isEmpty } }
    /// Every file of the output folder as the last incremental build left it.
    var outputPaths: [String] = []
    /// Counts builds, so values no build asked for since the last one can be dropped.
    private var build = 0

    public init() {}

    func loadedFile(_ path: String) -> LoadedFile? {
        lock.withLock { files[path] }
    }

    func remember(file path: String, _ file: LoadedFile) {
        lock.withLock {
            files[path] = file
            dirtyShards.insert(StoredCache.shard(of: path))
        }
    }

    /// Drops files that the last load did not see (deleted or renamed).
    func keepFiles(_ paths: Set<String>) {
        lock.withLock {
            for path in files.keys where !paths.contains(path) { dirtyShards.insert(StoredCache.shard(of: path)) }
            files = files.filter { paths.contains($0.key) }
        }
    }

    /// The value stored under `name` when it was made from inputs with fingerprint `key`; else
    /// makes it, stores it and returns it.
    func value<Value: Sendable>(_ name: String, key: Fingerprint, make: () throws -> Value) rethrows -> (value: Value, fresh: Bool) {
        if let hit = lookup(name, key: key, as: Value.self) { return (hit, false) }
        let value = try make()
        store(name, key: key, value)
        return (value, true)
    }

    /// The value stored under `name` for inputs `key`, if any; marks it as still in use.
    func lookup<Value: Sendable>(_ name: String, key: Fingerprint, as type: Value.Type = Value.self) -> Value? {
        lock.withLock {
            guard let stored = values[name], stored.key == key, let value = stored.value as? Value else { return nil }
            values[name]!.build = build
            return value
        }
    }

    /// The value last stored under `name`, whatever it was made from; kept in use.
    func latest<Value: Sendable>(_ name: String, as type: Value.Type = Value.self) -> Value? {
        lock.withLock {
            guard let stored = values[name], let value = stored.value as? Value else { return nil }
            values[name]!.build = build
            return value
        }
    }

    func store<Value: Sendable>(_ name: String, key: Fingerprint, _ value: Value) {
        lock.withLock {
            values[name] = (key, value, build)
            dirtyShards.insert(StoredCache.shard(of: name))
        }
    }

    /// Starts a build: what it does not ask for is dropped at `finishBuild`.
    func startBuild() {
        lock.withLock { build += 1 }
    }

    /// Drops the values of pages and entries that no longer exist.
    func finishBuild() {
        lock.withLock {
            for (name, value) in values where value.build != build { dirtyShards.insert(StoredCache.shard(of: name)) }
            values = values.filter { $0.value.build == build }
        }
    }
}

extension Optional where Wrapped == BuildCache {
    /// `BuildCache.value` with a cache; without one, `make()`, counted as fresh (and the key,
    /// which can take a pass over every entry, is never worked out).
    func value<Value: Sendable>(_ name: String, key: @autoclosure () -> Fingerprint, make: () throws -> Value) rethrows -> (value: Value, fresh: Bool) {
        guard let cache = self else { return (try make(), true) }
        return try cache.value(name, key: key(), make: make)
    }
}
