import Foundation
import GuideCheck
import GuideSupport
import Testing

/// `check --external` against a real HTTP server on 127.0.0.1.
@Suite struct ExternalLinkTests {
    func link(_ url: String, line: Int = 1) -> ExternalLink {
        ExternalLink(url: url, path: "Content/faq/x.md", location: SourceLocation(line: line, column: 1))
    }

    @Test func goneIsAWarningAndNetworkFailuresAreNotes() async throws {
        let server = try LocalHTTPServer(routes: [
            "/ok": .init(status: 200), "/moved-on": .init(status: 301), "/gone": .init(status: 410),
            "/no-head": .init(status: 200, headStatus: 405), "/busy": .init(status: 503), "/slow": .init(status: 200, delay: 4),
        ])
        defer { server.stop() }
        let refused = "http://127.0.0.1:\(try LocalHTTPServer.closedPort())/"
        let links = ["/ok", "/gone", "/missing", "/no-head", "/busy", "/slow", "/ok#section"].enumerated().map { link(server.url($1), line: $0 + 1) }
            + [link(refused, line: 8)]
        // The slow server answers after 4 s: only the time limit turns it into a note.
        let findings = await ExternalLinkChecker(timeout: 1, concurrency: 4).check(links)
        #expect(findings.map(\.diagnostic.description).sorted() == [
            "Content/faq/x.md:2:1: warning: external link `\(server.url("/gone"))` answers HTTP 410 Gone; update or remove it",
            "Content/faq/x.md:3:1: warning: external link `\(server.url("/missing"))` answers HTTP 404 Not Found; update or remove it",
            "Content/faq/x.md:5:1: note: external link `\(server.url("/busy"))` not confirmed: the server answers HTTP 503 Service Unavailable",
            "Content/faq/x.md:6:1: note: external link `\(server.url("/slow"))` not confirmed: no answer within 1 s",
            "Content/faq/x.md:8:1: note: external link `\(refused)` not confirmed: connection refused",
        ])
        // HEAD first, GET only when HEAD is refused; one request per address, fragments aside.
        #expect(server.requests.filter { $0.hasSuffix(" /no-head") } == ["HEAD /no-head", "GET /no-head"])
        #expect(server.requests.filter { $0.hasSuffix(" /ok") } == ["HEAD /ok"])
    }

    @Test func noMoreRequestsAtOnceThanTheLimit() async throws {
        let paths = (1...6).map { "/page-\($0)" }
        let server = try LocalHTTPServer(routes: Dictionary(uniqueKeysWithValues: paths.map { ($0, LocalHTTPServer.Route(status: 200, delay: 0.3)) }))
        defer { server.stop() }
        let findings = await ExternalLinkChecker(timeout: 5, concurrency: 2).check(paths.map { link(server.url($0)) })
        #expect(findings.isEmpty)
        #expect(server.requests.count == 6)
        // Never more than the limit at once (fewer when the machine is busy starting them).
        #expect((1...2).contains(server.maxActive), "\(server.maxActive) requests at once")
    }
}
