import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Requests every external link once, a few at a time, each with a time limit. A page that is
/// gone (404, 410) is a warning; a network failure, a timeout or a server that refuses robots
/// is only a note, so a flaky connection never fails a run.
public struct ExternalLinkChecker: Sendable {
    public var timeout: Double
    public var concurrency: Int

    public init(timeout: Double = 10, concurrency: Int = 8) {
        self.timeout = timeout
        self.concurrency = max(1, concurrency)
    }

    enum Outcome: Sendable, Equatable {
        case reachable
        case gone(String)
        case unconfirmed(String)
    }

    public func check(_ links: [ExternalLink]) async -> [CheckFinding] {
        let urls = Array(Set(links.map { Self.withoutFragment($0.url) })).sorted()
        let outcomes = await probeAll(urls)
        return links.compactMap { link in
            switch outcomes[Self.withoutFragment(link.url)] ?? .reachable {
            case .reachable:
                return nil
            case .gone(let reason):
                return CheckFinding(.deadExternalLink, link.path, link.location, "external link `\(link.url)` \(reason); update or remove it")
            case .unconfirmed(let reason):
                return CheckFinding(.unconfirmedExternalLink, link.path, link.location, "external link `\(link.url)` not confirmed: \(reason)")
            }
        }
    }

    private func probeAll(_ urls: [String]) async -> [String: Outcome] {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpMaximumConnectionsPerHost = concurrency
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        var outcomes: [String: Outcome] = [:]
        await withTaskGroup(of: (String, Outcome).self) { group in
            var pending = urls.makeIterator()
            for _ in 0..<concurrency {
                guard let url = pending.next() else { break }
                group.addTask { (url, await probe(url, session: session)) }
            }
            while let (url, outcome) = await group.next() {
                outcomes[url] = outcome
                if let next = pending.next() { group.addTask { (next, await probe(next, session: session)) } }
            }
        }
        return outcomes
    }

    /// HEAD first; servers that refuse or mishandle HEAD get a GET.
    func probe(_ address: String, session: URLSession) async -> Outcome {
        guard let url = URL(string: address), url.host != nil else { return .gone("is not a valid URL") }
        let head = await request(url, method: "HEAD", session: session)
        if case .unconfirmed(let reason) = head, reason.hasPrefix("no answer") { return head }
        if head == .reachable { return head }
        return await request(url, method: "GET", session: session)
    }

    private func request(_ url: URL, method: String, session: URLSession) async -> Outcome {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("certguide-link-check", forHTTPHeaderField: "User-Agent")
        let (response, error): (URLResponse?, Error?) = await withCheckedContinuation { continuation in
            session.dataTask(with: request) { _, response, error in continuation.resume(returning: (response, error)) }.resume()
        }
        if let status = (response as? HTTPURLResponse)?.statusCode {
            let text = "HTTP \(status) \(HTTPURLResponse.localizedString(forStatusCode: status).capitalized)"
            switch status {
            case 200..<400: return .reachable
            case 404, 410: return .gone("answers \(text)")
            default: return .unconfirmed("the server answers \(text)")
            }
        }
        return .unconfirmed(describe(error))
    }

    private func describe(_ error: Error?) -> String {
        guard let error = error as? URLError else { return error.map { "\($0.localizedDescription)" } ?? "no response" }
        switch error.code {
        case .timedOut: return "no answer within \(Self.seconds(timeout))"
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .cannotConnectToHost: return "connection refused"
        case .notConnectedToInternet, .networkConnectionLost: return "no network connection"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate: return "secure connection failed"
        default: return error.localizedDescription
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    private static func withoutFragment(_ url: String) -> String {
        url.firstIndex(of: "#").map { String(url[..<$0]) } ?? url
    }
}
