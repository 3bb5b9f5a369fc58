import FlyingFox
import Foundation

/// Who may use the editor, which writes files: only a page of this very preview, asking with
/// this run's secret. Every refusal says why, so a user who meets one knows what to do.
struct EditorGate: Sendable {
    /// Largest JSON body a save may send (a long body is a few hundred KB).
    static let maxBody = 2 * 1024 * 1024

    struct Refusal: Error {
        var status: HTTPStatusCode
        var message: String
    }

    /// A fresh secret per run: 32 random bytes, in hex.
    let token: String
    /// `Host` values the preview answers to (`127.0.0.1:8080`, `localhost:8080`).
    let hosts: Set<String>

    init(token: String = EditorGate.makeToken(), host: String, port: UInt16) {
        self.token = token
        var names: Set<String> = ["127.0.0.1", "localhost", "[::1]"]
        if !["127.0.0.1", "localhost", "::1", "0.0.0.0"].contains(host) { names.insert(host) }
        hosts = Set(names.map { "\($0):\(port)" })
    }

    static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Any editor request: addressed to this preview by name (a page of another site that
    /// points its own name at 127.0.0.1 sends its own `Host`). The head's size was checked
    /// before FlyingFox read it (`RequestHeadGuard`).
    func admit(_ request: HTTPRequest) throws(Refusal) {
        guard let host = request.headers[.host], hosts.contains(host.lowercased()) else {
            throw Refusal(status: .forbidden, message: "the editor answers only to the preview's own address (\(hosts.sorted().joined(separator: ", ")))")
        }
    }

    /// A write, or anything that spends the server's time: also from a page of this preview
    /// (`Origin`), with this run's token, as JSON of a stated length within the limit.
    func admitWrite(_ request: HTTPRequest) throws(Refusal) {
        try admit(request)
        guard request.method == .POST else { throw Refusal(status: .methodNotAllowed, message: "use POST") }
        let host = request.headers[.host]?.lowercased() ?? ""
        guard let origin = request.headers[HTTPHeader("Origin")]?.lowercased(), origin == "http://\(host)" else {
            throw Refusal(status: .forbidden, message: "refused: the request does not come from a page of this preview (Origin)")
        }
        if let site = request.headers[HTTPHeader("Sec-Fetch-Site")], site != "same-origin" {
            throw Refusal(status: .forbidden, message: "refused: the request does not come from a page of this preview (Sec-Fetch-Site)")
        }
        guard let given = request.headers[HTTPHeader("X-CertGuide-Token")], Self.same(given, token) else {
            throw Refusal(status: .forbidden, message: "refused: missing or wrong editor token; reload the form (the token changes each time certguide serve starts)")
        }
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw Refusal(status: .unsupportedMediaType, message: "send the form as application/json")
        }
        guard request.headers[.transferEncoding] == nil, let length = request.headers[.contentLength].flatMap({ Int($0) }), length >= 0 else {
            throw Refusal(status: .lengthRequired, message: "state the body's Content-Length")
        }
        guard length <= Self.maxBody else {
            throw Refusal(status: .payloadTooLarge, message: "the form is larger than \(Self.maxBody / 1024 / 1024) MB")
        }
    }

    /// Compares in time that does not depend on where the texts differ.
    private static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
