import FlyingFox
import Foundation

/// Tells every open preview page what happened: reload, swap the stylesheet, or show the
/// build's errors. A page that connects while the build is broken gets the errors at once.
public actor LiveReloadHub {
    private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]
    /// The output file each page shows (`faq/index.html`), once its script has said.
    private var pages: [UUID: String] = [:]
    private var currentErrors: String?

    public init() {}

    public var clientCount: Int { clients.count }

    func subscribe() -> (UUID, AsyncStream<WSMessage>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream(bufferingPolicy: .bufferingNewest(16))
        clients[id] = continuation
        if let currentErrors { continuation.yield(.text(currentErrors)) }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        clients.removeValue(forKey: id)?.finish()
        pages.removeValue(forKey: id)
    }

    /// A page told which URL it shows (`/faq/`).
    func page(_ id: UUID, shows path: String) {
        guard clients[id] != nil, path.hasPrefix("/") else { return }
        pages[id] = path.hasSuffix("/") ? String(path.dropFirst()) + "index.html" : String(path.dropFirst())
    }

    /// The output files open pages show, so a build can render those first.
    public var openPages: Set<String> { Set(pages.values) }

    /// After a good build: reload the pages whose file changed (and those that have not said
    /// which they are), or only restyle them when nothing but CSS changed. After a failed
    /// build every page reloads, to drop the errors.
    func buildSucceeded(changed: Set<String>) {
        let wasBroken = currentErrors != nil
        currentErrors = nil
        guard !changed.isEmpty || wasBroken else { return }
        if !wasBroken, changed.allSatisfy({ $0.hasSuffix(".css") }) { return send(Self.message(["type": "css"])) }
        let reload = Self.message(["type": "reload"])
        // A page's own file changed, or one every page may load (a script, an image).
        let everyPage = wasBroken || changed.contains { $0.hasPrefix("assets/") }
        for (id, continuation) in clients where everyPage || pages[id].map(changed.contains) ?? true {
            continuation.yield(.text(reload))
        }
    }

    func buildFailed(_ diagnostics: [String]) {
        let message = Self.message(["type": "errors", "errors": diagnostics])
        currentErrors = message
        send(message)
    }

    func closeAll() {
        for continuation in clients.values { continuation.finish() }
        clients.removeAll()
    }

    private func send(_ text: String) {
        for continuation in clients.values { continuation.yield(.text(text)) }
    }

    private static func message(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// The WebSocket end of the hub: each connection is a subscription until the page goes away.
struct LiveReloadSocket: WSMessageHandler {
    let hub: LiveReloadHub

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let (id, stream) = await hub.subscribe()
        Task {
            for await message in client {
                if message == .close() { break }
                // {"page": "/faq/"}: which page this is.
                if case .text(let text) = message,
                   let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                   let path = object["page"] as? String {
                    await hub.page(id, shows: path)
                }
            }
            await hub.unsubscribe(id)
        }
        return stream
    }
}
