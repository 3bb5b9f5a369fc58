import Foundation
import GuideSupport

/// What the last build computed, kept for the next one so that it redoes only what a change
/// touched: the entry decoded from each file, the Markdown document of each body, and every
/// output file, each under a fingerprint of the inputs it was made from. A value is reused
/// only when its fingerprint matches, so a build with a cache writes exactly what a clean
/// build writes (tested by comparing the two after every kind of edit).
///
/// The stages see it only as a `StageCache` and key what they store themselves; this type
/// adds what only the build needs: builds counted so unused values are dropped, and the
/// shards of the folder `--incremental` keeps (`BuildCache+Storage.swift`).
///
/// One cache serves one site at a time (one content folder, one set of options); it is safe to
/// use from the threads of one build.
public final class BuildCache: StageCache, @unchecked Sendable {
    // @unchecked: every stored property is read and written under `lock`.
    let lock = NSLock()

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

    public func loadedFile(_ path: String) -> LoadedFile? {
        lock.withLock { files[path] }
    }

    public func remember(file path: String, _ file: LoadedFile) {
        lock.withLock {
            files[path] = file
            dirtyShards.insert(StoredCache.shard(of: path))
        }
    }

    public func keepFiles(_ paths: Set<String>) {
        lock.withLock {
            for path in files.keys where !paths.contains(path) { dirtyShards.insert(StoredCache.shard(of: path)) }
            files = files.filter { paths.contains($0.key) }
        }
    }

    public func lookup<Value: Sendable>(_ name: String, key: Fingerprint, as type: Value.Type) -> Value? {
        take(name, key: key) as? Value
    }

    public func latest<Value: Sendable>(_ name: String, as type: Value.Type) -> Value? {
        take(name, key: nil) as? Value
    }

    /// The value under `name` (made from `key`, if given), kept for this build. Cast by the
    /// caller, outside the lock: the site model looks up 12,000 documents on every core.
    private func take(_ name: String, key: Fingerprint?) -> (any Sendable)? {
        lock.withLock {
            guard let stored = values[name], key == nil || stored.key == key else { return nil }
            values[name]!.build = build
            return stored.value
        }
    }

    public func store<Value: Sendable>(_ name: String, key: Fingerprint, _ value: Value) {
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
    /// The cache as the stages take it.
    var stage: (any StageCache)? { self }
}
