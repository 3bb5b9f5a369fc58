import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders for saved, created, deleted and renamed files and reports each burst of
/// changes once, after it has been quiet for `quietPeriod`: an editor's atomic save (temp file,
/// rename, close) or `git checkout` becomes one rebuild, not ten. inotify on Linux, with a
/// polling fallback where it is missing or its watch limit is reached.
public final class FileWatcher: @unchecked Sendable {
    // @unchecked: state is confined to the watcher thread, except `stopped`, guarded by `lock`.
    public let roots: [URL]
    public let quietPeriod: TimeInterval
    private let onChange: @Sendable (Set<String>) -> Void
    private let lock = NSLock()
    private var stopped = false
    private let forcePolling: Bool

    public init(roots: [URL], quietPeriod: TimeInterval = 0.08, forcePolling: Bool = false,
                onChange: @escaping @Sendable (Set<String>) -> Void) {
        self.roots = roots.map(\.standardizedFileURL)
        self.quietPeriod = quietPeriod
        self.forcePolling = forcePolling
        self.onChange = onChange
    }

    /// Starts watching. The folders are read before this returns, so a save made right after
    /// it is seen as a change rather than taken as the starting state.
    public func start() {
        #if canImport(Glibc)
        if !forcePolling, let inotify = InotifySource(roots: roots) {
            spawn { [self] in
                run(source: inotify.nextChanges)
                inotify.close()
            }
            return
        }
        #endif
        let poller = PollingSource(roots: roots)
        spawn { [self] in run(source: { timeout in poller.nextChanges(waiting: timeout) }) }
    }

    private func spawn(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = "certguide file watcher"
        thread.start()
    }

    public func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// `source(timeout)` returns the paths changed within at most `timeout` seconds.
    private func run(source: (TimeInterval) -> Set<String>) {
        var pending = Set<String>()
        var lastChange = Date.distantPast
        while !isStopped {
            let changes = source(pending.isEmpty ? 0.25 : quietPeriod / 2)
            if !changes.isEmpty {
                pending.formUnion(changes.filter(Self.isInteresting))
                lastChange = Date()
            } else if !pending.isEmpty, Date().timeIntervalSince(lastChange) >= quietPeriod {
                onChange(pending)
                pending.removeAll()
            }
        }
    }

    /// Editors' swap, backup and temporary files are noise.
    static func isInteresting(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return !(name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".tmp") || name.hasPrefix("#"))
    }
}

/// Compares modification dates and sizes of every file under the roots. Handed to the watcher
/// thread once built; used by that thread alone.
final class PollingSource: @unchecked Sendable {
    let roots: [URL]
    private var known: [String: (Date, Int)] = [:]

    init(roots: [URL]) {
        self.roots = roots
        known = scan()
    }

    func nextChanges(waiting timeout: TimeInterval) -> Set<String> {
        Thread.sleep(forTimeInterval: max(timeout, 0.2))
        let now = scan()
        var changed = Set<String>()
        for (path, stamp) in now where known[path].map({ $0 != stamp }) ?? true { changed.insert(path) }
        for path in known.keys where now[path] == nil { changed.insert(path) }
        known = now
        return changed
    }

    private func scan() -> [String: (Date, Int)] {
        var result: [String: (Date, Int)] = [:]
        let manager = FileManager.default
        for root in roots {
            guard let enumerator = manager.enumerator(atPath: root.path) else { continue }
            for case let relative as String in enumerator {
                let path = root.path + "/" + relative
                guard let attributes = try? manager.attributesOfItem(atPath: path) else { continue }
                result[path] = (attributes[.modificationDate] as? Date ?? .distantPast, (attributes[.size] as? NSNumber)?.intValue ?? 0)
            }
        }
        return result
    }
}
