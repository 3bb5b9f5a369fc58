import CertGuide
import FlyingFox
import FlyingSocks
import Foundation

/// What happened in the preview, for the command line to print.
public enum PreviewEvent: Sendable {
    case built(files: Int, changed: Int, milliseconds: Int)
    case failed([Diagnostic], milliseconds: Int)
}

/// `certguide serve`: builds the guide, serves it from memory on a loopback port, rebuilds on
/// every change under the content and templates folders, and tells open pages to reload. A
/// broken build never takes the preview down: the last good site stays served and pages show
/// the errors until the next good build.
public actor PreviewServer {
    public struct Options: Sendable {
        public var build: BuildOptions
        public var host: String
        public var port: UInt16
        /// Use polling instead of inotify (network drives, containers without inotify).
        public var pollFiles: Bool

        public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8080, pollFiles: Bool = false) {
            self.build = build
            self.host = host
            self.port = port
            self.pollFiles = pollFiles
        }
    }

    public enum StartError: Error, CustomStringConvertible {
        case portInUse(UInt16)
        case cannotListen(String, String)

        public var description: String {
            switch self {
            case .portInUse(let port):
                "port \(port) is already in use; pick another with --port, or --port 0 for any free port"
            case .cannotListen(let host, let reason):
                "cannot listen on \(host): \(reason)"
            }
        }
    }

    public let options: Options
    public let hub = LiveReloadHub()
    private let snapshot = SnapshotBox()
    private var server: HTTPServer?
    private var serverTask: Task<Void, Error>?
    private var watcher: FileWatcher?
    private let log: @Sendable (PreviewEvent) -> Void
    private let buildQueue = DispatchQueue(label: "certguide.preview.build")
    /// The search index is redone here, so that the next save's pages never wait for it.
    private let searchQueue = DispatchQueue(label: "certguide.preview.search")
    /// Counts successful builds; a search index for an older one is not worth finishing. Read
    /// from the search queue too, so it lives in a box, not in the actor.
    private let newestBuild = GenerationBox()
    private var lastBuildSucceeded = false
    /// What the last builds made, so a save re-renders only the pages it touches.
    private let cache = BuildCache()

    public init(options: Options, log: @escaping @Sendable (PreviewEvent) -> Void = { _ in }) {
        self.options = options
        self.log = log
    }

    /// Builds, starts listening and watching; returns the address to open.
    public func start() async throws -> URL {
        await rebuild()
        let responder = StaticResponder(injectLiveReload: true)
        let box = snapshot
        let server = HTTPServer(address: try Self.address(options.host, options.port), timeout: 30, logger: .disabled)
        await server.appendRoute(HTTPRoute(LiveReloadScript.socketPath), to: .webSocket(LiveReloadSocket(hub: hub)))
        await server.appendRoute(HTTPRoute(LiveReloadScript.path)) { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"] as HTTPHeaders,
                         body: Data(LiveReloadScript.source.utf8))
        }
        await server.appendRoute("*") { request in responder.respond(to: request, from: box.current) }
        self.server = server
        let failure = FailureBox()
        serverTask = Task {
            do { try await server.run() } catch { failure.error = error; throw error }
        }
        // Wait for whichever comes first: listening, or `run` failing (a port in use fails at once).
        let deadline = Date().addingTimeInterval(5)
        while await !server.isListening {
            if let error = failure.error { throw Self.explain(error, options) }
            guard Date() < deadline else { throw StartError.cannotListen(options.host, "timed out") }
            try await Task.sleep(for: .milliseconds(10))
        }
        guard case .ip4(let ip, let port)? = await server.listeningAddress ?? nil else {
            throw StartError.cannotListen(options.host, "no address")
        }

        let watcher = FileWatcher(roots: [options.build.contentDirectory, options.build.templatesDirectory],
                                  forcePolling: options.pollFiles) { [weak self] paths in
            guard let self else { return }
            Task { await self.rebuild(changed: paths) }
        }
        watcher.start()
        self.watcher = watcher
        return URL(string: "http://\(ip == "0.0.0.0" ? "127.0.0.1" : ip):\(port)/")!
    }

    public func stop() async {
        watcher?.stop()
        await hub.closeAll()
        await server?.stop(timeout: 1)
        serverTask?.cancel()
    }

    /// After a burst of changes: a change only to `Templates/assets/` (a stylesheet, a script,
    /// an image) republishes those files, since no page depends on their bytes; anything else,
    /// or any change while the last build failed, rebuilds the guide.
    public func rebuild(changed paths: Set<String>) async {
        let assets = options.build.templatesDirectory.appendingPathComponent("assets").standardizedFileURL.path + "/"
        guard lastBuildSucceeded, !paths.isEmpty, paths.allSatisfy({ $0.hasPrefix(assets) }) else {
            await rebuild()
            return
        }
        let start = DispatchTime.now()
        var files: [OutputFile] = [], removed = Set<String>()
        for path in paths.sorted() {
            let relative = String(path.dropFirst(assets.count))
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
                guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else { continue }
                files.append(Builder.asset(relative, data))
            } else {
                removed.insert("assets/\(relative)")
            }
        }
        let previous = snapshot.current
        let next = previous.updating(files, removing: removed)
        let changed = next.changedPaths(since: previous)
        snapshot.current = next
        OutputWriter(output: options.build.outputDirectory).update(files.filter { changed.contains($0.path) }, removing: removed)
        await hub.buildSucceeded(changed: changed)
        log(.built(files: next.files.count, changed: changed.count,
                   milliseconds: Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)))
    }

    /// Rebuilds now. Called by the watcher after each burst of changes; tests call it directly.
    @discardableResult
    public func rebuild() async -> Bool {
        let options = self.options.build
        let start = DispatchTime.now()
        let cache = self.cache
        let result: Result<GeneratedSite, DiagnosticsError> = await withCheckedContinuation { continuation in
            buildQueue.async {
                do throws(DiagnosticsError) {
                    continuation.resume(returning: .success(try Builder(options: options).generate(cache: cache, deferSearch: true)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        let milliseconds = Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
        switch result {
        case .success(let generated):
            let files = generated.files
            let previous = snapshot.current
            // After a failed build the cache may hold pages the served snapshot never got.
            let next = SiteSnapshot(files: files, fresh: lastBuildSucceeded ? generated.fresh : nil, previous: previous)
            let changed = next.changedPaths(since: previous)
            snapshot.current = next
            writeToDisk(files, changed: changed, firstBuild: previous.files.isEmpty)
            await hub.buildSucceeded(changed: changed)
            lastBuildSucceeded = true
            log(.built(files: files.count, changed: changed.count, milliseconds: milliseconds))
            let generation = newestBuild.next()
            if generated.searchIsStale { await updateSearchIndex(generated, generation: generation) }
            return true
        case .failure(let error):
            await hub.buildFailed(error.diagnostics.map(\.description))
            lastBuildSucceeded = false
            log(.failed(error.diagnostics, milliseconds: milliseconds))
            return false
        }
    }

    /// The pages are served and reloaded before the search index is redone (seconds on a guide
    /// of thousands of entries, and no page shows it); then its files replace the old ones.
    private func updateSearchIndex(_ generated: GeneratedSite, generation: Int) async {
        let options = self.options.build, cache = self.cache
        // Applied even when the index is the cached one: a build in between may have served
        // an older one.
        let newest = newestBuild
        let files: [OutputFile]? = await withCheckedContinuation { continuation in
            searchQueue.async {
                guard newest.isCurrent(generation) else { return continuation.resume(returning: nil) }
                continuation.resume(returning: Builder(options: options).updatedSearchIndex(for: generated, cache: cache))
            }
        }
        guard let files, newest.isCurrent(generation) else { return }
        let folder = SearchIndexFiles.folder + "/"
        let previous = snapshot.current
        let paths = Set(files.map(\.path))
        // The index is the JSON under search/; the search page lives there too.
        let removed = Set(previous.files.keys.filter { $0.hasPrefix(folder) && $0.hasSuffix(".json") && !paths.contains($0) })
        // Files named by their content that are already served are the same bytes: thousands on
        // a large guide, and hashing them again kept the server from the next save.
        let manifest = String(SearchIndexFiles.manifestPath)
        let added = files.filter { previous.files[$0.path] == nil || $0.path == manifest }
        let next = previous.updating(added, removing: removed)
        let written = next.changedPaths(since: previous)
        snapshot.current = next
        OutputWriter(output: options.outputDirectory).update(added.filter { written.contains($0.path) }, removing: removed)
    }

    /// The output folder mirrors what is served, so other tools can look at it too.
    private func writeToDisk(_ files: [OutputFile], changed: Set<String>, firstBuild: Bool) {
        let writer = OutputWriter(output: options.build.outputDirectory)
        if firstBuild {
            try? writer.write(files)
        } else {
            let paths = Set(files.map(\.path))
            writer.update(files.filter { changed.contains($0.path) }, removing: changed.filter { !paths.contains($0) })
        }
    }

    private static func address(_ host: String, _ port: UInt16) throws -> sockaddr_in {
        let ip = host == "localhost" ? "127.0.0.1" : host
        do {
            return try sockaddr_in.inet(ip4: ip, port: port)
        } catch {
            throw StartError.cannotListen(host, "not an IPv4 address")
        }
    }

    private static func explain(_ error: Error, _ options: Options) -> Error {
        if error is StartError { return error }
        if let socketError = error as? SocketError, "\(socketError)".contains("\(EADDRINUSE)") || "\(socketError)".lowercased().contains("in use") {
            return StartError.portInUse(options.port)
        }
        return StartError.cannotListen(options.host, "\(error)")
    }
}

/// The error `HTTPServer.run` ended with, if it has.
final class FailureBox: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var stored: Error?

    var error: Error? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// The newest build's number, readable from the search queue without waiting on the actor.
final class GenerationBox: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var newest = 0

    /// Counts one more build and returns its number.
    func next() -> Int {
        lock.withLock {
            newest += 1
            return newest
        }
    }

    func isCurrent(_ generation: Int) -> Bool { lock.withLock { newest == generation } }
}

/// The snapshot being served, readable from request handlers without waiting on the actor.
final class SnapshotBox: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var value = SiteSnapshot(files: [])

    var current: SiteSnapshot {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
