import FlyingFox
import Foundation

/// Tells every open preview page what happened: reload, swap the stylesheet, or show the
/// build's errors. A page that connects while the build is broken gets the errors at once.
public actor LiveReloadHub {
    private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]
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
    }

    /// After a good build: reload pages, or only restyle them when nothing but CSS changed.
    func buildSucceeded(changed: Set<String>) {
        let wasBroken = currentErrors != nil
        currentErrors = nil
        guard !changed.isEmpty || wasBroken else { return }
        let cssOnly = !wasBroken && changed.allSatisfy { $0.hasSuffix(".css") }
        send(cssOnly ? Self.message(["type": "css"]) : Self.message(["type": "reload"]))
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
            for await message in client where message == .close() { break }
            await hub.unsubscribe(id)
        }
        return stream
    }
}
