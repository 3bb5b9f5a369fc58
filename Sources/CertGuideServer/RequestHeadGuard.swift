import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stands on the preview's port in front of FlyingFox, which reads a request head of any size
/// into memory before a handler sees it. Each connection's head is read here up to a limit
/// (`431 Request Header Fields Too Large` past it), then the connection is handed through to
/// FlyingFox on a socket in a private folder, which nothing else can reach.
///
/// So that every request's head passes the check, each connection carries one request: the
/// guard asks FlyingFox to close after answering (`Connection: close`, told to the browser too).
/// A WebSocket upgrade (live reload) is passed through as it is, and its frames after it.
struct RequestHeadGuard: Sendable {
    /// Browsers send 1-2 KB.
    static let maxHeadBytes = 16 * 1024
    static let maxHeaderLines = 64
    /// A common web server default. FlyingFox's line reader takes time that grows with the square
    /// of a line's length (a 15 KB line: 0.11 s in a release build, 4 s in a debug one).
    static let maxLineBytes = 8 * 1024
    let listener: AsyncSocket
    let backend: sockaddr_un
    let pool: any AsyncSocketPool
    /// A client that has not sent a whole head by then is let go, so idle sockets do not pile up.
    var headTimeout: Duration = .seconds(30)

    /// Accepts connections until the listening socket is closed.
    func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            for try await client in listener.sockets {
                group.addTask { await serve(client) }
            }
        }
    }

    private func serve(_ client: AsyncSocket) async {
        defer { try? client.close() }
        let head: RequestHead
        switch await RequestHead.read(from: client, within: headTimeout) {
        case .head(let read): head = read
        case .tooLarge:
            await Self.refuse(client)
            return
        case .closed: return
        }
        guard let upstream = try? await AsyncSocket.connected(to: backend, pool: pool) else { return }
        defer { try? upstream.close() }
        do { try await upstream.write(head.forwarded) } catch { return }
        await withDiscardingTaskGroup { group in
            group.addTask {
                await Self.pipe(from: client, to: upstream)
                // The browser is gone or done sending: FlyingFox reads the end and closes.
                _ = shutdown(upstream.socket.file.rawValue, Int32(SHUT_WR))
            }
            group.addTask {
                if !head.isUpgrade { await Self.passResponseHead(from: upstream, to: client) }
                await Self.pipe(from: upstream, to: client)
                // FlyingFox answered and closed: so does the guard, which also ends the other pipe.
                Self.hangUp(client)
            }
        }
    }

    /// Copies until either side ends.
    private static func pipe(from source: AsyncSocket, to destination: AsyncSocket) async {
        while let chunk = try? await source.read(atMost: 64 * 1024) {
            do { try await destination.write(Data(chunk)) } catch { return }
        }
    }

    /// Forwards FlyingFox's response head, saying the connection closes after it (FlyingFox
    /// closes it, but says so only when the request asked for keep-alive).
    private static func passResponseHead(from upstream: AsyncSocket, to client: AsyncSocket) async {
        var bytes: [UInt8] = []
        while RequestHead.endOfHead(in: bytes) == nil, bytes.count < 64 * 1024 {
            guard let chunk = try? await upstream.read(atMost: 4096) else { break }
            bytes += chunk
        }
        if let end = RequestHead.endOfHead(in: bytes) {
            let head = String(decoding: bytes[..<end], as: UTF8.self)
            let lines = head.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            bytes = Array((RequestHead.closing(lines) + ["", ""]).joined(separator: "\r\n").utf8) + bytes[end...]
        }
        try? await client.write(Data(bytes))
    }

    /// Answers 431, then reads what the client still sends for a moment before closing: closing
    /// with unread bytes resets the connection, and a reset can lose the answer on its way.
    private static func refuse(_ client: AsyncSocket) async {
        guard (try? await client.write(refusal)) != nil else { return }
        _ = shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
        let deadline = SocketDeadline(.seconds(2), client)
        defer { deadline.disarm() }
        var discarded = 0
        while discarded < 4 * 1024 * 1024, let chunk = try? await client.read(atMost: 64 * 1024) { discarded += chunk.count }
    }

    /// Ends both directions; a task waiting to read the socket wakes to its end.
    private static func hangUp(_ socket: AsyncSocket) {
        _ = shutdown(socket.socket.file.rawValue, Int32(SHUT_RDWR))
    }

    static let refusal: Data = {
        let body = "Request headers too large: certguide's preview reads at most \(maxHeadBytes / 1024) KB, \(maxHeaderLines) header lines "
            + "and \(maxLineBytes / 1024) KB a line.\n"
        return Data(("HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body).utf8)
    }()
}

/// A request head as the guard read it, and what it passes on.
struct RequestHead: Sendable {
    enum Outcome: Sendable {
        case head(RequestHead)
        case tooLarge
        /// The client closed, failed, or took too long before the head's end.
        case closed
    }

    /// The head FlyingFox gets, and the bytes read after it (the start of a body).
    var forwarded: Data
    var isUpgrade: Bool

    /// Reads up to the blank line that ends a head, within the limits and the time allowed.
    static func read(from client: AsyncSocket, within limit: Duration) async -> Outcome {
        let deadline = SocketDeadline(limit, client)
        defer { deadline.disarm() }
        var bytes: [UInt8] = []
        while true {
            if let end = endOfHead(in: bytes) {
                return end > RequestHeadGuard.maxHeadBytes ? .tooLarge : parse(head: bytes[..<end], rest: bytes[end...])
            }
            if bytes.count > RequestHeadGuard.maxHeadBytes { return .tooLarge }
            guard let chunk = try? await client.read(atMost: 4096) else { return .closed }
            bytes += chunk
        }
    }

    /// Head lines with their `Connection` fields replaced by `Connection: close`.
    static func closing(_ lines: [String]) -> [String] {
        lines.filter { !$0.lowercased().hasPrefix("connection:") } + ["Connection: close"]
    }

    /// The index after the head's closing blank line (`\r\n\r\n`, or `\n\n` from a lax client).
    static func endOfHead(in bytes: [UInt8]) -> Int? {
        var index = bytes.startIndex
        while let newline = bytes[index...].firstIndex(of: 10) {
            let next = newline + 1
            if next < bytes.endIndex, bytes[next] == 10 { return next + 1 }
            if next + 1 < bytes.endIndex, bytes[next] == 13, bytes[next + 1] == 10 { return next + 2 }
            index = next
        }
        return nil
    }

    private static func parse(head: ArraySlice<UInt8>, rest: ArraySlice<UInt8>) -> Outcome {
        let lines = String(decoding: head, as: UTF8.self)
            .split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        guard let requestLine = lines.first else { return .closed }
        let fields = lines.dropFirst()
        guard fields.count <= RequestHeadGuard.maxHeaderLines, lines.allSatisfy({ $0.utf8.count <= RequestHeadGuard.maxLineBytes }) else {
            return .tooLarge
        }
        func values(_ name: String) -> [String] {
            fields.compactMap { line in
                guard let colon = line.firstIndex(of: ":"), line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == name else { return nil }
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
            }
        }
        let isUpgrade = values("upgrade").contains("websocket")
            && values("connection").contains { $0.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == "upgrade" } }
        let kept = isUpgrade ? Array(fields) : closing(Array(fields))
        let text = ([requestLine] + kept + ["", ""]).joined(separator: "\r\n")
        return .head(RequestHead(forwarded: Data(text.utf8) + Data(rest), isUpgrade: isUpgrade))
    }
}

/// Ends both directions of a socket when `limit` has passed, waking whoever waits to read it,
/// unless `disarm()` came first; never after it, so a descriptor that has since been closed
/// and handed to another connection is never touched.
final class SocketDeadline: @unchecked Sendable {
    // @unchecked: `armed` is read and written under `lock` only.
    private let lock = NSLock()
    private var armed = true
    private var timer: Task<Void, Never>?

    init(_ limit: Duration, _ socket: AsyncSocket) {
        let descriptor = socket.socket.file.rawValue
        timer = Task { [weak self] in
            guard (try? await Task.sleep(for: limit)) != nil else { return }
            self?.fire(descriptor)
        }
    }

    private func fire(_ descriptor: Int32) {
        lock.withLock {
            if armed { _ = shutdown(descriptor, Int32(SHUT_RDWR)) }
        }
    }

    func disarm() {
        lock.withLock { armed = false }
        timer?.cancel()
    }
}
