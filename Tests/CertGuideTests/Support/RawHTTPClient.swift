import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately dumb HTTP/1.1 and WebSocket client over a plain socket: it sends the request
/// target byte for byte, so traversal spellings reach the server exactly as an attacker's would
/// (URLSession would normalise them first).
struct RawHTTPClient: Sendable {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let port: UInt16

    /// `headers` may replace `Host`; a `body` is sent with its `Content-Length` unless the
    /// headers state one.
    func request(_ target: String, method: String = "GET", headers: [String: String] = [:], body: Data? = nil) throws -> Response {
        let socket = try connect()
        defer { close(socket) }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: \(headers["Host"] ?? "127.0.0.1:\(port)")\r\n"
        if headers["Connection"] == nil { head += "Connection: close\r\n" }
        for (name, value) in headers where name != "Host" { head += "\(name): \(value)\r\n" }
        if let body, headers["Content-Length"] == nil, headers["Transfer-Encoding"] == nil { head += "Content-Length: \(body.count)\r\n" }
        try send(socket, Data((head + "\r\n").utf8) + (body ?? Data()))
        var data = Data()
        while let chunk = receive(socket) { data += chunk }
        return try parse(data, method: method)
    }

    private func parse(_ data: Data, method: String) throws -> Response {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { throw ClientError.malformed(String(decoding: data, as: UTF8.self)) }
        let lines = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(data[split.upperBound...]))
    }

    /// Opens a WebSocket and returns a reader of its text messages.
    func openWebSocket(_ path: String) throws -> WebSocketReader {
        let socket = try connect()
        let key = Data((0..<16).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        let head = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: \(key)\r\nSec-WebSocket-Version: 13\r\n\r\n"
        try send(socket, Data(head.utf8))
        let reader = WebSocketReader(socket: socket)
        guard try reader.readHandshake().hasPrefix("HTTP/1.1 101") else { throw ClientError.malformed("no 101") }
        return reader
    }

    private func connect() throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(descriptor); throw ClientError.cannotConnect }
        return descriptor
    }

    private func send(_ socket: Int32, _ data: Data) throws {
        let sent = data.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == data.count else { throw ClientError.cannotConnect }
    }

    enum ClientError: Error {
        case cannotConnect
        case malformed(String)
        case timedOut
    }
}

func receive(_ socket: Int32, max: Int = 65536) -> Data? {
    var buffer = [UInt8](repeating: 0, count: max)
    let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
    return count > 0 ? Data(buffer[0..<count]) : nil
}

/// Reads text frames the server sends (servers never mask their frames).
final class WebSocketReader {
    let socket: Int32
    private var buffer = Data()

    init(socket: Int32) {
        self.socket = socket
    }

    deinit { close(socket) }

    func readHandshake() throws -> String {
        while buffer.range(of: Data("\r\n\r\n".utf8)) == nil {
            guard let chunk = receive(socket) else { throw RawHTTPClient.ClientError.timedOut }
            buffer += chunk
        }
        let end = buffer.range(of: Data("\r\n\r\n".utf8))!
        let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
        buffer = Data(buffer[end.upperBound...])
        return head
    }

    /// The next text message, or nil if none arrives within `seconds`.
    func nextText(within seconds: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let message = takeFrame() { return message }
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000))) > 0, let chunk = receive(socket) else { continue }
            buffer += chunk
        }
        return takeFrame()
    }

    /// Sends a short text message, masked as browsers must.
    func sendText(_ text: String) {
        let payload = [UInt8](text.utf8), mask: [UInt8] = [0x1F, 0x2E, 0x3D, 0x4C]
        precondition(payload.count < 126, "short messages only")
        let frame = [0x81, 0x80 | UInt8(payload.count)] + mask + payload.enumerated().map { $1 ^ mask[$0 % 4] }
        _ = frame.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, frame.count, Int32(MSG_NOSIGNAL)) }
    }

    private func takeFrame() -> String? {
        let bytes = [UInt8](buffer)
        guard bytes.count >= 2 else { return nil }
        var length = Int(bytes[1] & 0x7F), offset = 2
        if length == 126 {
            guard bytes.count >= 4 else { return nil }
            length = Int(bytes[2]) << 8 | Int(bytes[3]); offset = 4
        }
        guard bytes.count >= offset + length else { return nil }
        buffer = Data(bytes[(offset + length)...])
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }
}

/// Blocking socket calls run on a Dispatch thread, so a waiting test never holds one of the few
/// threads the server under test needs to answer it.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}

extension RawHTTPClient {
    func webSocket(_ path: String) async throws -> WebSocketReader {
        try await offThePool { try openWebSocket(path) }
    }

    func fetch(_ target: String, method: String = "GET", headers: [String: String] = [:], body: Data? = nil) async throws -> Response {
        try await offThePool { try request(target, method: method, headers: headers, body: body) }
    }
}

extension RawHTTPClient.Response: @unchecked Sendable {}
extension WebSocketReader: @unchecked Sendable {
    func next(within seconds: TimeInterval) async -> String? {
        (try? await offThePool { self.nextText(within: seconds) }) ?? nil
    }
}
