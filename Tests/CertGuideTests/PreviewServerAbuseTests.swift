import CertGuideServer
import Foundation
import Glibc
import Testing

#if canImport(Glibc)
#endif

/// The preview server under requests no browser sends: it must keep answering everyone else.
/// An extension of the preview server suite, so these never run beside its timed tests.
extension PreviewServerTests {
    private func withAbuseServer(headTimeout: Duration = .seconds(30), _ body: (RawHTTPClient) async throws -> Void) async throws {
        let site = try TestSite()
        var options = PreviewServer.Options(build: site.options(), port: 0)
        options.headTimeout = headTimeout
        let server = PreviewServer(options: options)
        let url = try await server.start()
        do {
            try await body(RawHTTPClient(port: UInt16(url.port!)))
        } catch {
            await server.stop()
            site.cleanUp()
            throw error
        }
        await server.stop()
        site.cleanUp()
    }

    /// A plain connected socket, for requests written byte by byte.
    private static func connectRaw(_ port: UInt16) -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return descriptor
    }

    @Test func oversizedHeadersDoNotTakeTheServerDown() async throws {
        try await withAbuseServer { client in
            let huge = String(repeating: "a", count: 256_000)
            let response = try await client.fetch("/", headers: ["X-Huge": huge])
            #expect(response.status == 431, "\(response.status) \(response.text)")
            let next = try await client.fetch("/compare/")
            #expect(next.status == 200)
        }
    }

    /// FlyingFox reads a head of any size into memory; the guard in front of it stops at 16 KB,
    /// 64 lines or a line of 8 KB, on every route, and lets a head just inside the limits through.
    @Test func aRequestHeadPastTheLimitsIsRefusedOnEveryRoute() async throws {
        try await withAbuseServer { client in
            var inside: [String: String] = [:]
            for index in 0..<15 { inside["X-Filler-\(index)"] = String(repeating: "x", count: 990) }
            let justInside = try await client.fetch("/", headers: inside)
            #expect(justInside.status == 200)
            // One line past 8 KB, in a head of 9 KB; a line of 7 KB passes.
            let longLine = try await client.fetch("/", headers: ["X-Filler": String(repeating: "x", count: 8_300)])
            #expect(longLine.status == 431)
            let line = try await client.fetch("/", headers: ["X-Filler": String(repeating: "x", count: 7_000)])
            #expect(line.status == 200)
            for target in ["/", "/faq/", "/__certguide/save", "/__certguide/live"] {
                let long = try await client.fetch(target, headers: ["X-Filler": String(repeating: "x", count: 17_000)])
                #expect(long.status == 431, "\(target): \(long.status)")
                #expect(long.text.contains("16 KB"))
                #expect(long.headers["connection"] == "close")
            }
            // With the client's Host and Connection lines: 65 lines, then 64.
            var many: [String: String] = [:]
            for index in 0..<63 { many["X-Line-\(index)"] = "1" }
            #expect(try await client.fetch("/", headers: many).status == 431)
            many["X-Line-62"] = nil
            #expect(try await client.fetch("/", headers: many).status == 200)
        }
    }

    /// Each connection carries one checked head, so the browser is told not to send another on it.
    @Test func everyAnswerClosesItsConnection() async throws {
        try await withAbuseServer { client in
            let response = try await client.fetch("/", headers: ["Connection": "keep-alive"])
            #expect(response.status == 200)
            #expect(response.headers["connection"] == "close")
            #expect(response.text.contains("</html>"))
        }
    }

    @Test func aSlowClientDoesNotHoldUpOthers() async throws {
        try await withAbuseServer { client in
            let slow = Self.connectRaw(client.port)
            defer { close(slow) }
            let request = Array("GET /faq/ HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8)
            let trickle = Task.detached {
                for byte in request.prefix(12) {
                    var value = byte
                    _ = send(slow, &value, 1, Int32(MSG_NOSIGNAL))
                    try? await Task.sleep(for: .milliseconds(250))
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            let started = Date()
            let response = try await client.fetch("/certifications/")
            #expect(response.status == 200)
            #expect(Date().timeIntervalSince(started) < 2, "a request waited behind the slow client")
            await trickle.value
        }
    }

    /// A client that never finishes its request head is let go, and the others are answered.
    @Test func aHeadNotFinishedInTimeIsLetGo() async throws {
        try await withAbuseServer(headTimeout: .milliseconds(500)) { client in
            let slow = Self.connectRaw(client.port)
            defer { close(slow) }
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(slow, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let partial = Array("GET /faq/ HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8)
            _ = send(slow, partial, partial.count, Int32(MSG_NOSIGNAL))
            let started = Date()
            var byte: UInt8 = 0
            let read = recv(slow, &byte, 1, 0)
            let waited = Date().timeIntervalSince(started)
            #expect(read == 0, "the connection was not closed (recv returned \(read))")
            #expect(waited > 0.3 && waited < 3, "closed after \(waited) s")
            let next = try await client.fetch("/faq/")
            #expect(next.status == 200)
        }
    }

    @Test func abandonedConnectionsLeaveTheServerAnswering() async throws {
        try await withAbuseServer { client in
            let sockets = (0..<1000).map { _ in Self.connectRaw(client.port) }
            #expect(sockets.allSatisfy { $0 >= 0 })
            try await Task.sleep(for: .milliseconds(200))
            let response = try await client.fetch("/")
            #expect(response.status == 200)
            for descriptor in sockets { close(descriptor) }
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await client.fetch("/faq/").status == 200)
        }
    }
}
