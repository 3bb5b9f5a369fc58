import FlyingFox
import Foundation
import GuideBuild
import GuideEditor

/// The editor's addresses under `/__certguide/`: the forms, their script and style, the body
/// preview, and Save. Every request passes the gate first; nothing is written unless every
/// check of `EditorGate.admitWrite` passed and the build's loader accepted the file.
struct EditorRoutes: Sendable {
    static let prefix = "/__certguide/"
    /// The form allows scripts and styles of this preview only: no inline script, so markup
    /// that reaches the body preview cannot run.
    static let policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'none'; base-uri 'none'; frame-ancestors 'none'"

    let gate: EditorGate
    let editor: EntryEditor
    let includeDrafts: Bool
    /// Rebuilds the preview after a save, before the answer sends the browser to the page.
    let rebuild: @Sendable (URL) async -> Void

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        let path = request.path
        do {
            switch (request.method, path) {
            case (.GET, EditorPage.scriptPath):
                try gate.admit(request)
                return asset(EditorScript.source, type: "text/javascript; charset=utf-8")
            case (.GET, EditorPage.stylePath):
                try gate.admit(request)
                return asset(EditorStyle.source, type: "text/css; charset=utf-8")
            case (.GET, _) where path.hasPrefix(Self.prefix + "edit/"):
                try gate.admit(request)
                let parts = path.dropFirst((Self.prefix + "edit/").count).split(separator: "/", omittingEmptySubsequences: false)
                guard parts.count == 2, let entry = EditableEntry(folder: String(parts[0]), slug: String(parts[1])),
                      let html = EditorPage(editor: editor).html(for: entry, token: gate.token) else {
                    return text(.notFound, "No entry file here: the editor opens Content/certifications, faq and pages files by their name.\n")
                }
                return page(html)
            case (.GET, _) where path.hasPrefix(Self.prefix + "new/"):
                try gate.admit(request)
                guard let kind = EntryKind(rawValue: String(path.dropFirst((Self.prefix + "new/").count))) else {
                    return text(.notFound, "New entries are certification, faq or page.\n")
                }
                return page(EditorPage(editor: editor).html(new: kind, token: gate.token))
            case (.POST, Self.prefix + "save"):
                try gate.admitWrite(request)
                return await save(try await json(request))
            case (.POST, Self.prefix + "preview"):
                try gate.admitWrite(request)
                let form = try await json(request)
                let entry = EditableEntry(folder: form["folder"] as? String ?? "", slug: form["slug"] as? String ?? "")
                let html = editor.previewHTML(form["body"] as? String ?? "", of: entry?.relativePath ?? "pages/new.md")
                return HTTPResponse(statusCode: .ok, headers: headers("text/html; charset=utf-8"), body: Data(html.utf8))
            default:
                return text(.notFound, "Not found\n")
            }
        } catch {
            return text(error.status, error.message + "\n")
        }
    }

    private func json(_ request: HTTPRequest) async throws(EditorGate.Refusal) -> [String: Any] {
        let data: Data
        do { data = try await request.bodyData } catch { throw .init(status: .badRequest, message: "could not read the request body") }
        guard data.count <= EditorGate.maxBody else { throw .init(status: .payloadTooLarge, message: "the form is too large") }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .init(status: .badRequest, message: "the body is not a JSON object")
        }
        return object
    }

    private func save(_ form: [String: Any]) async -> HTTPResponse {
        let entry: EditableEntry?
        let kind: EntryKind
        if let new = form["new"] as? String {
            guard let newKind = EntryKind(rawValue: new) else { return reply(.badRequest, ["message": "unknown kind of entry `\(new)`"]) }
            (entry, kind) = (nil, newKind)
        } else {
            guard let existing = EditableEntry(folder: form["folder"] as? String ?? "", slug: form["slug"] as? String ?? "") else {
                return reply(.badRequest, ["message": "refused: not an entry file of the content folder"])
            }
            (entry, kind) = (existing, existing.kind)
        }
        let schema = EditableEntry(kind: kind, slug: "x")!.schema
        let values = FormValues.read(form["values"], schema: schema) ?? .mapping([])
        let outcome = editor.save(entry, kind: kind, base: form["base"] as? String ?? "", values: values, body: form["body"] as? String)
        switch outcome {
        case .saved(let saved, let draft):
            await rebuild(editor.contentDirectory.appendingPathComponent(saved.relativePath))
            let shown = includeDrafts || !draft
            return reply(.ok, ["message": "Saved \(editor.display(saved.relativePath))"
                                   + (shown ? "" : "; it is a draft, shown only with certguide serve --drafts"),
                               "location": shown ? saved.pageURL : saved.editURL])
        case .unchanged(let same):
            return reply(.ok, ["message": "Nothing changed; the file was left as it is.", "location": same.pageURL])
        case .invalid(let problems):
            let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
            return reply(.unprocessableContent, [
                "message": "Not saved: \(count), shown at \(problems.count == 1 ? "its field" : "their fields"). The file is unchanged.",
                "problems": problems.map { ["field": $0.field ?? "", "message": $0.message] },
            ])
        case .stale(let message):
            return reply(.conflict, ["message": message])
        case .failed(let message):
            return reply(.internalServerError, ["message": "Not saved: \(message)"])
        }
    }

    private func headers(_ type: String) -> HTTPHeaders {
        [.contentType: type, .cacheControl: "no-store", HTTPHeader("Content-Security-Policy"): Self.policy,
         HTTPHeader("X-Content-Type-Options"): "nosniff", HTTPHeader("Referrer-Policy"): "no-referrer"]
    }

    private func page(_ html: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: headers("text/html; charset=utf-8"), body: Data(html.utf8))
    }

    private func asset(_ source: String, type: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: headers(type), body: Data(source.utf8))
    }

    private func text(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers("text/plain; charset=utf-8"), body: Data(message.utf8))
    }

    private func reply(_ status: HTTPStatusCode, _ object: [String: Any]) -> HTTPResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return HTTPResponse(statusCode: status, headers: headers("application/json"), body: data)
    }
}
