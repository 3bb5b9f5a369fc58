import FlyingFox
import Foundation

/// Answers GET and HEAD from a snapshot the way a careful static host would: MIME types,
/// `index.html` for folders, a redirect from `/faq` to `/faq/`, the site's own 404 page with
/// status 404, ETag and Last-Modified with 304, and nothing outside the built site.
struct StaticResponder: Sendable {
    /// Adds the live-reload script to HTML pages.
    var injectLiveReload: Bool
    /// Adds the editor's Edit and New links to HTML pages when the editor is on.
    var editBar: EditBar? = nil

    func respond(to request: HTTPRequest, from snapshot: SiteSnapshot) -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: [HTTPHeader("Allow"): "GET, HEAD"] as HTTPHeaders)
        }
        let path: String
        do {
            path = try RequestPath.resolve(request.target.path(percentEncoded: true))
        } catch .badRequest {
            return plain(.badRequest, "Bad request\n", request)
        } catch {
            return notFound(request, snapshot)
        }
        guard let (resolved, file) = snapshot.lookup(path) else {
            if snapshot.hasFolder(path) {
                let query = request.target.query(percentEncoded: true)
                return HTTPResponse(statusCode: .movedPermanently,
                                    headers: [.location: "/\(path)/" + (query.isEmpty ? "" : "?\(query)")] as HTTPHeaders)
            }
            return notFound(request, snapshot)
        }
        var headers: HTTPHeaders = [
            .contentType: MIMEType.forPath(resolved),
            .eTag: file.etag,
            .lastModified: HTTPDate.format(file.modified),
            .cacheControl: "no-cache",
        ]
        if isFresh(request, file) {
            return HTTPResponse(statusCode: .notModified, headers: headers)
        }
        var body = injectLiveReload && resolved.hasSuffix(".html") ? LiveReloadScript.inject(into: file.contents) : file.contents
        if let editBar, resolved.hasSuffix(".html") { body = editBar.inject(into: body, at: resolved) }
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: .ok, headers: headers)
        }
        return HTTPResponse(statusCode: .ok, headers: headers, body: body)
    }

    private func isFresh(_ request: HTTPRequest, _ file: SiteSnapshot.File) -> Bool {
        if let tags = request.headers[.ifNoneMatch] {
            return tags.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == file.etag || $0.trimmingCharacters(in: .whitespaces) == "*" }
        }
        if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
            return file.modified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }

    private func notFound(_ request: HTTPRequest, _ snapshot: SiteSnapshot) -> HTTPResponse {
        guard let page = snapshot.lookup("404.html")?.file.contents else { return plain(.notFound, "Not found\n", request) }
        let body = injectLiveReload ? LiveReloadScript.inject(into: page) : page
        var headers: HTTPHeaders = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"]
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: .notFound, headers: headers)
        }
        return HTTPResponse(statusCode: .notFound, headers: headers, body: body)
    }

    private func plain(_ status: HTTPStatusCode, _ text: String, _ request: HTTPRequest) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"] as HTTPHeaders,
                     body: request.method == .HEAD ? Data() : Data(text.utf8))
    }
}

/// RFC 9110 dates: `Sun, 06 Nov 1994 08:49:37 GMT`.
enum HTTPDate {
    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }

    static func format(_ date: Date) -> String { formatter().string(from: date) }
    static func parse(_ text: String) -> Date? { formatter().date(from: text) }
}
