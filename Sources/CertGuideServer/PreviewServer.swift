import FlyingFox
import FlyingSocks
import Foundation
import GuideBuild
import GuideEditor
import GuideSite
import GuideSupport

/// What happened in the preview, for the command line to print.
public enum PreviewEvent: Sendable {
    case built(files: Int, changed: Int, milliseconds: Int)
    case failed([Diagnostic], milliseconds: Int)
    /// The pages open in browsers are served; the other files the change touched follow.
    case openPagesServed(changed: Int, milliseconds: Int)
    /// The search index caught up with the pages (it is redone after they are served).
    case searchIndexUpdated(changed: Int, milliseconds: Int)
    /// The output folder could not be written; pages are still served from memory.
    case outputFailed(Diagnostic)
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
        /// Turns the editor on when listening on an address other than loopback.
        public var allowEdit: Bool
        /// How long a client may take to send a request head before it is let go.
        public var headTimeout: Duration = .seconds(30)

        public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8080, pollFiles: Bool = false, allowEdit: Bool = false) {
            self.build = build
            self.host = host
            self.port = port
            self.pollFiles = pollFiles
            self.allowEdit = allowEdit
        }

        /// The editor writes files: it is on for a loopback address, elsewhere only when asked.
        public var editorEnabled: Bool {
            allowEdit || host == "localhost" || host == "::1" || host.hasPrefix("127.")
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
    private let editor = EditorBox()
    /// The editor's secret for this run; every write must carry it.
    public nonisolated let editorToken = EditorGate.makeToken()
    private var server: HTTPServer?
    private var serverTask: Task<Void, Error>?
    /// The port browsers connect to, and the guard's work on it (`RequestHeadGuard`).
    private var front: Socket?
    private var guardTask: Task<Void, Error>?
    /// Holds FlyingFox's socket; removed at `stop`.
    private var backendFolder: URL?
    private var watcher: FileWatcher?
    private let log: @Sendable (PreviewEvent) -> Void
    private let buildQueue = DispatchQueue(label: "certguide.preview.build")
    /// The search index is redone here, so that the next save's pages never wait for it.
    private let searchQueue = DispatchQueue(label: "certguide.preview.search")
    /// Counts successful builds; a search index for an older one is not worth finishing. Read
    /// from the search queue too, so it lives in a box, not in the actor.
    private let newestBuild = GenerationBox()
    /// Builds and keeps the served snapshot; used on `buildQueue` alone.
    private let builder: PreviewBuilder

    public init(options: Options, log: @escaping @Sendable (PreviewEvent) -> Void = { _ in }) {
        self.options = options
        self.log = log
        builder = PreviewBuilder(options: options.build, snapshot: snapshot)
        builder.outputFailed = { [hub] problem in
            log(.outputFailed(problem))
            Task { await hub.buildFailed([problem.description]) }
        }
    }

    /// Builds, starts listening and watching; returns the address to open.
    public func start() async throws -> URL {
        await rebuild()
        let editBar = options.editorEnabled ? EditBar(contentDirectory: options.build.contentDirectory) : nil
        let responder = StaticResponder(injectLiveReload: true, editBar: editBar)
        // FlyingFox listens on a socket in a private folder; the guard stands on the port.
        let front = try Self.listen(options.host, options.port)
        let backendFolder: URL
        do { backendFolder = try Self.makePrivateFolder() } catch {
            try? front.close()
            throw error
        }
        // From here `stop()` closes and removes them, also when starting fails.
        self.front = front
        self.backendFolder = backendFolder
        do {
            return try await serve(front: front, backendFolder: backendFolder, responder: responder)
        } catch {
            await stop()
            throw error
        }
    }

    /// FlyingFox on a socket in `backendFolder`, the guard on `front`, then the editor and the
    /// watcher; returns the address to open.
    private func serve(front: Socket, backendFolder: URL, responder: StaticResponder) async throws -> URL {
        let box = snapshot
        let editorBox = editor
        let backend = sockaddr_un.unix(path: backendFolder.appendingPathComponent("preview.sock").path)
        let server = HTTPServer(address: backend, timeout: 30, logger: .disabled)
        await server.appendRoute(HTTPRoute(LiveReloadScript.socketPath), to: .webSocket(LiveReloadSocket(hub: hub)))
        await server.appendRoute(HTTPRoute(LiveReloadScript.path)) { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"] as HTTPHeaders,
                         body: Data(LiveReloadScript.source.utf8))
        }
        await server.appendRoute(HTTPRoute(EditorRoutes.prefix + "*")) { request in
            guard let routes = editorBox.routes else {
                return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"] as HTTPHeaders,
                                    body: Data("The editor is off: the preview listens on a network address. Restart with --allow-edit to turn it on.\n".utf8))
            }
            return await routes.respond(to: request)
        }
        await server.appendRoute("*") { request in responder.respond(to: request, from: box.current) }
        self.server = server
        let failure = FailureBox()
        serverTask = Task {
            do { try await server.run() } catch { failure.error = error; throw error }
        }
        // Wait for whichever comes first: listening, or `run` failing.
        let deadline = Date().addingTimeInterval(5)
        while await !server.isListening {
            if let error = failure.error { throw Self.explain(error, port: options.port, host: options.host) }
            guard Date() < deadline else { throw StartError.cannotListen(options.host, "timed out") }
            try await Task.sleep(for: .milliseconds(10))
        }
        let pool = HTTPServer.defaultPool()
        try await pool.prepare()
        let listener = try AsyncSocket(socket: front, pool: pool)
        let headGuard = RequestHeadGuard(listener: listener, backend: backend, pool: pool, headTimeout: options.headTimeout)
        guardTask = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await pool.run() }
                group.addTask { try await headGuard.run() }
                try await group.next()
                group.cancelAll()
            }
        }
        guard case .ip4(let ip, let port) = try front.sockname() else {
            throw StartError.cannotListen(options.host, "no address")
        }
        if options.editorEnabled {
            let content = options.build.contentDirectory
            editor.routes = EditorRoutes(
                gate: EditorGate(token: editorToken, host: options.host, port: port),
                editor: EntryEditor(contentDirectory: content, displayRoot: content.relativePath),
                includeDrafts: options.build.includeDrafts,
                rebuild: { [weak self] file in await self?.rebuild(changed: [file.standardizedFileURL.path]) })
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
        try? front?.close()
        front = nil
        guardTask?.cancel()
        await server?.stop(timeout: 1)
        serverTask?.cancel()
        if let backendFolder { try? FileManager.default.removeItem(at: backendFolder) }
        backendFolder = nil
        await waitForOutput()
    }

    /// Returns once the output folder holds what is served: it is written after each build, in
    /// the builds' order, without holding up the next one.
    public func waitForOutput() async {
        let builder = self.builder
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                builder.waitForDisk()
                continuation.resume()
            }
        }
    }

    /// After a burst of changes: a change only to `Templates/assets/` (a stylesheet, a script,
    /// an image) republishes those files, since no page depends on their bytes; an edit of
    /// entries' bodies alone renders just the pages that show them; an edit of their other
    /// facts serves their own pages first, then rebuilds the guide; anything else, or any
    /// change while the last build failed, rebuilds the guide.
    public func rebuild(changed paths: Set<String>) async {
        let open = await hub.openPages, early = earlyNotice
        _ = await finish(await onBuildQueue { $0.update(changed: paths, open: open, early: early) })
    }

    /// Rebuilds now. Called by the watcher after each burst of changes; tests call it directly.
    @discardableResult
    public func rebuild() async -> Bool {
        let open = await hub.openPages, early = earlyNotice
        return await finish(await onBuildQueue { $0.rebuild(open: open, early: early) })
    }

    /// Reloads the open pages as soon as they are served, while the build goes on.
    private nonisolated var earlyNotice: @Sendable (PreviewBuilder.Outcome) -> Void {
        { [hub, log] outcome in
            guard case .built(_, let changed, _, let milliseconds) = outcome else { return }
            Task {
                await hub.buildSucceeded(changed: changed)
                log(.openPagesServed(changed: changed.count, milliseconds: milliseconds))
            }
        }
    }

    /// Runs `work` on the build queue: builds, and every change to the served files, happen
    /// there one at a time and in order, so a save is always patched into the newest site.
    private func onBuildQueue(_ work: @escaping @Sendable (PreviewBuilder) -> PreviewBuilder.Outcome) async -> PreviewBuilder.Outcome {
        let builder = self.builder
        builder.waiting.add(1)
        return await withCheckedContinuation { continuation in
            buildQueue.async {
                builder.waiting.add(-1)
                continuation.resume(returning: work(builder))
            }
        }
    }

    private func finish(_ outcome: PreviewBuilder.Outcome) async -> Bool {
        switch outcome {
        case .built(let staleSearch, let changed, let files, let milliseconds):
            await hub.buildSucceeded(changed: changed)
            log(.built(files: files, changed: changed.count, milliseconds: milliseconds))
            if let staleSearch { updateSearchIndex(staleSearch, generation: newestBuild.next()) }
            return true
        case .failed(let diagnostics, let milliseconds):
            // The terminal first: whoever sees the overlay can already read the same lines there.
            log(.failed(diagnostics, milliseconds: milliseconds))
            await hub.buildFailed(diagnostics.map(\.description))
            return false
        }
    }

    /// The pages are served and reloaded before the search index is redone (seconds on a guide
    /// of thousands of entries, and no page shows it); then its files replace the old ones,
    /// unless a newer build has come since: its own index will.
    private func updateSearchIndex(_ site: Site, generation: Int) {
        let newest = newestBuild, builder = self.builder, buildQueue = self.buildQueue, log = self.log
        searchQueue.async {
            guard newest.isCurrent(generation) else { return }
            let start = DispatchTime.now()
            let files: [OutputFile]
            do throws(DiagnosticsError) { files = try builder.searchIndex(for: site) } catch {
                log(.failed(error.diagnostics, milliseconds: 0))
                return
            }
            buildQueue.async {
                guard newest.isCurrent(generation) else { return }
                let changed = builder.publishSearchIndex(files)
                log(.searchIndexUpdated(changed: changed, milliseconds: Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)))
            }
        }
    }

    /// Binds the preview's port now, so that a port in use is reported before anything starts.
    private static func listen(_ host: String, _ port: UInt16) throws -> Socket {
        let ip = host == "localhost" ? "127.0.0.1" : host
        let address: sockaddr_in
        do { address = try sockaddr_in.inet(ip4: ip, port: port) } catch {
            throw StartError.cannotListen(host, "not an IPv4 address")
        }
        let socket = try Socket(domain: AF_INET)
        do {
            try socket.setValue(true, for: .localAddressReuse)
            #if canImport(Darwin)
            try socket.setValue(true, for: .noSIGPIPE)
            #endif
            try socket.bind(to: address)
            try socket.listen()
        } catch {
            try? socket.close()
            throw explain(error, port: port, host: host)
        }
        return socket
    }

    /// A folder only this user can enter (mkdtemp makes it 0700), in a temporary folder whose
    /// path leaves room for a socket's name (about 100 bytes at most).
    private static func makePrivateFolder() throws -> URL {
        let temporary = FileManager.default.temporaryDirectory.path
        let parent = temporary.utf8.count <= 60 ? temporary : "/tmp"
        var template = Array((parent + "/certguide-preview-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw StartError.cannotListen("a private socket", String(cString: strerror(errno))) }
        return URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }

    private static func explain(_ error: Error, port: UInt16, host: String) -> Error {
        if error is StartError { return error }
        if let socketError = error as? SocketError, "\(socketError)".contains("\(EADDRINUSE)") || "\(socketError)".lowercased().contains("in use") {
            return StartError.portInUse(port)
        }
        return StartError.cannotListen(host, "\(error)")
    }
}

/// The editor's routes, set once the port is known (the gate checks `Host` against it).
final class EditorBox: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var stored: EditorRoutes?

    var routes: EditorRoutes? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
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
    private var value = SiteSnapshot()

    var current: SiteSnapshot { lock.withLock { value } }

    /// Changes the served snapshot in place; requests wait meanwhile.
    func update<Result>(_ change: (inout SiteSnapshot) -> Result) -> Result {
        lock.withLock { change(&value) }
    }
}
