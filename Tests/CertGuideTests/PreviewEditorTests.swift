import CertGuideServer
import Foundation
import GuideBuild
import GuideContent
import GuideSupport
import Testing

/// The preview's editor through a real server on 127.0.0.1 writing real files: saves that
/// change only their lines, problems at their fields, and every request that must not write.
/// An extension of the preview server suite, so these never run beside its timed tests.
extension PreviewServerTests {
    static let entry = "Content/certifications/alpha-technician.md"

    private func withEditor(host: String = "127.0.0.1", allowEdit: Bool = false,
                            _ body: (Running, [String: String]) async throws -> Void) async throws {
        let site = try TestSite()
        let server = PreviewServer(options: .init(build: site.options(versionedAssets: false), host: host, port: 0, allowEdit: allowEdit))
        let url = try await server.start()
        let client = RawHTTPClient(port: UInt16(url.port!))
        let running = Running(site: site, server: server, client: client)
        let headers = ["Content-Type": "application/json", "Origin": "http://127.0.0.1:\(client.port)", "X-CertGuide-Token": server.editorToken]
        do {
            try await body(running, headers)
        } catch {
            await finish(running)
            throw error
        }
        await finish(running)
    }

    private func text(_ site: TestSite, _ path: String) throws -> String {
        try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
    }

    /// What the form sends for the file as it is, changed by `change`.
    private func form(_ site: TestSite, _ path: String = entry, _ change: (inout FieldValue) -> Void = { _ in }) throws -> [String: Any] {
        let data = try Data(contentsOf: site.root.appendingPathComponent(path))
        var values = try FrontMatterRewriter.current(String(decoding: data, as: UTF8.self)).values
        change(&values)
        let parts = path.split(separator: "/")
        return ["folder": String(parts[1]), "slug": String(parts[2].dropLast(3)), "base": Fingerprint(raw: data).description,
                "values": Self.json(values)]
    }

    private static func json(_ value: FieldValue) -> Any {
        switch value {
        case .text(let text): text
        case .list(let items): items.map(json)
        case .mapping(let fields): Dictionary(fields.map { ($0.key, json($0.value)) }, uniquingKeysWith: { a, _ in a })
        }
    }

    private func post(_ client: RawHTTPClient, _ headers: [String: String], _ object: Any, path: String = "/__certguide/save") async throws -> RawHTTPClient.Response {
        try await client.fetch(path, method: "POST", headers: headers, body: try JSONSerialization.data(withJSONObject: object))
    }

    private func problems(_ response: RawHTTPClient.Response) -> [(field: String, message: String)] {
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        return ((object?["problems"] as? [[String: String]]) ?? []).map { ($0["field"] ?? "", $0["message"] ?? "") }
    }

    @Test func entryPagesHaveAnEditLinkAndTheFormAPolicy() async throws {
        try await withEditor { running, _ in
            let page = try await running.client.fetch("/certifications/alpha-technician/")
            #expect(page.text.contains("href=\"/__certguide/edit/certifications/alpha-technician\""))
            #expect(try await running.client.fetch("/faq/how-long/").text.contains("href=\"/__certguide/edit/faq/how-long\""))
            #expect(try await !running.client.fetch("/compare/").text.contains("/__certguide/edit/"))
            await running.server.waitForOutput()
            let built = try text(running.site, "Public/certifications/alpha-technician/index.html")
            #expect(!built.contains("__certguide"), "the build output must not carry the editor's links")

            let form = try await running.client.fetch("/__certguide/edit/certifications/alpha-technician")
            #expect(form.status == 200)
            let policy = try #require(form.headers["content-security-policy"])
            #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
            #expect(!form.text.contains("<script>") && !form.text.contains(" style=\""))
            // Every control has a label.
            let ids = form.text.matches(of: /<(?:input|select|textarea) [^>]*id="([^"]+)"/).map { String($0.1) }
            #expect(ids.count > 20)
            for id in ids where !id.hasSuffix("--") {
                #expect(form.text.contains("for=\"\(id)\"") || form.text.contains("id=\"\(id)\"") && form.text.contains("type=\"checkbox\" value="), "\(id)")
            }
            #expect(form.text.contains("Who awards it"), "the help `certguide new` writes beside `issuer`")
        }
    }

    @Test func aSaveRewritesOnlyTheChangedLinesAndRebuilds() async throws {
        try await withEditor { running, headers in
            let before = try text(running.site, Self.entry)
            let response = try await post(running.client, headers, try form(running.site) {
                $0.set("cost", "min", to: .text("180"))
                $0.set("eligibility", to: .list($0["eligibility"]!.items! + [.text("A reference from a supervisor")]))
            })
            #expect(response.status == 200, "\(response.text)")
            let after = try text(running.site, Self.entry)
            #expect(after == before.replacingOccurrences(of: "  min: 175\n", with: "  min: 180\n")
                .replacingOccurrences(of: "  - Two years of library work\n", with: "  - Two years of library work\n  - A reference from a supervisor\n"))
            let page = try await running.client.fetch("/certifications/alpha-technician/")
            #expect(page.text.contains("A reference from a supervisor"))
            #expect(page.text.contains("180"))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: running.site.content.appendingPathComponent("certifications").path)
            #expect(leftovers.allSatisfy { !$0.hasPrefix(".") }, "no temporary file left: \(leftovers)")
        }
    }

    @Test func invalidValuesAreShownAtTheirFieldsAndNothingIsWritten() async throws {
        try await withEditor { running, headers in
            let before = try text(running.site, Self.entry)
            let cases: [(String, (inout FieldValue) -> Void, String, String)] = [
                ("cost.min", { $0.set("cost", "min", to: .text("17o")) }, ":10:8: error: ", "`cost.min` must be a number from 0 to 1,000,000, not `17o`"),
                ("topics[1]", { $0.set("topics", to: .list([.text("cataloging"), .text("referense services")])) }, ":8:22: error: ",
                 "unknown topic `referense services`; did you mean `reference services`?"),
                ("issuer", { $0.set("issuer", to: nil) }, ":2:1: error: ", "missing required field `issuer`"),
            ]
            for (field, change, place, message) in cases {
                let response = try await post(running.client, headers, try form(running.site, Self.entry, change))
                #expect(response.status == 422, "\(field): \(response.text)")
                let found = problems(response)
                #expect(found.count == 1 && found.first?.field == field, "\(found)")
                #expect(found.first?.message.hasPrefix(Self.entry + place) == true, "\(found)")
                #expect(found.first?.message.contains(message) == true, "\(found)")
                #expect(try text(running.site, Self.entry) == before)
            }
        }
    }

    @Test func theBuildPrintsTheSameMessageTheFormShows() async throws {
        try await withEditor { running, headers in
            let response = try await post(running.client, headers, try form(running.site) { $0.set("cost", "min", to: .text("-5")) })
            let shown = try #require(problems(response).first?.message)
            // The same value written by hand: `certguide build` reports it with the same line.
            let edited = try text(running.site, Self.entry).replacingOccurrences(of: "  min: 175", with: "  min: -5")
            try running.site.write(Self.entry, edited)
            let build = try CommandRunner.run(["build"], in: running.site.root)
            #expect(build.status == 1)
            #expect(build.errors.contains(shown), "\(build.errors)")
        }
    }

    @Test func aFileChangedSinceTheFormOpenedIsNotOverwritten() async throws {
        try await withEditor { running, headers in
            let opened = try form(running.site) { $0.set("summary", to: .text("From the form.")) }
            let edited = try text(running.site, Self.entry).replacingOccurrences(of: "issuer: Alpha Society", with: "issuer: Alpha Society International")
            try running.site.write(Self.entry, edited)
            let response = try await post(running.client, headers, opened)
            #expect(response.status == 409)
            #expect(response.text.contains("changed on disk since this form was opened"))
            #expect(try text(running.site, Self.entry) == edited)
        }
    }

    @Test func aFileThatIsNotUTF8IsNotOpenedAsAForm() async throws {
        try await withEditor { running, _ in
            // `Café` saved as Latin-1: the é is the single byte E9.
            try running.site.write(Self.entry, Data("---\ntitle: Caf".utf8) + Data([0xE9]) + Data("\n---\n".utf8))
            let form = try await running.client.fetch("/__certguide/edit/certifications/alpha-technician")
            #expect(form.status == 200 && form.text.contains("is not valid UTF-8") && !form.text.contains("entry-form"))
        }
    }

    @Test func everyRequestWithoutTheRightCredentialsIsRefusedAndWritesNothing() async throws {
        try await withEditor { running, headers in
            let before = try text(running.site, Self.entry)
            let valid = try form(running.site) { $0.set("summary", to: .text("Changed by an attacker.")) }
            var refusals: [(String, [String: String], Any, Int)] = []
            var noToken = headers
            noToken["X-CertGuide-Token"] = nil
            refusals.append(("no token", noToken, valid, 403))
            refusals.append(("wrong token", headers.merging(["X-CertGuide-Token": String(repeating: "0", count: 64)]) { $1 }, valid, 403))
            refusals.append(("foreign Origin", headers.merging(["Origin": "http://evil.example"]) { $1 }, valid, 403))
            var noOrigin = headers
            noOrigin["Origin"] = nil
            refusals.append(("no Origin", noOrigin, valid, 403))
            refusals.append(("cross-site fetch", headers.merging(["Sec-Fetch-Site": "cross-site"]) { $1 }, valid, 403))
            refusals.append(("rebound Host", headers.merging(["Host": "evil.example:\(running.client.port)", "Origin": "http://evil.example:\(running.client.port)"]) { $1 }, valid, 403))
            refusals.append(("form encoding", headers.merging(["Content-Type": "application/x-www-form-urlencoded"]) { $1 }, valid, 415))
            for (folder, slug) in [("certifications", "../../../escaped"), ("..", "alpha-technician"), ("certifications/..", "site"),
                                   ("certifications", "alpha-technician.md"), ("certifications", "%2e%2e"), ("certifications", ".hidden"),
                                   ("Public", "index"), ("certifications", "Alpha-Technician")] {
                var escaping = valid
                escaping["folder"] = folder
                escaping["slug"] = slug
                refusals.append(("path \(folder)/\(slug)", headers, escaping, 400))
            }
            for (name, requestHeaders, body, status) in refusals {
                let response = try await post(running.client, requestHeaders, body)
                #expect(response.status == status, "\(name): \(response.status) \(response.text)")
            }
            let huge = try await running.client.fetch("/__certguide/save", method: "POST",
                                                      headers: headers.merging(["Content-Length": "50000000"]) { $1 }, body: Data("{}".utf8))
            #expect(huge.status == 413)
            let chunked = try await running.client.fetch("/__certguide/save", method: "POST",
                                                         headers: headers.merging(["Transfer-Encoding": "chunked"]) { $1 }, body: Data("2\r\n{}\r\n0\r\n\r\n".utf8))
            #expect(chunked.status == 411)
            var many = headers
            for index in 0..<40 { many["X-Filler-\(index)"] = String(repeating: "x", count: 1000) }
            #expect(try await post(running.client, many, valid).status == 431)
            let get = try await running.client.fetch("/__certguide/edit/certifications/alpha-technician", headers: ["Host": "evil.example"])
            #expect(get.status == 403)
            #expect(try text(running.site, Self.entry) == before)
            let files = FileManager.default.enumerator(atPath: running.site.root.path)!.compactMap { $0 as? String }
            #expect(!files.contains { $0.contains("escaped") || $0.hasSuffix("site.md") || $0.hasSuffix("index.md") })
        }
    }

    @Test func aNewEntryIsTheFileNewWouldWrite() async throws {
        try await withEditor { running, headers in
            let request: [String: Any] = ["new": "faq", "base": "", "values": ["question": "How do I renew?", "verified": Day.today().description, "topics": ["cataloging"], "draft": true]]
            let response = try await post(running.client, headers, request)
            #expect(response.status == 200, "\(response.text)")
            let written = try text(running.site, "Content/faq/how-do-i-renew.md")
            let scaffold = EntryScaffold(kind: .faq, title: "How do I renew?", today: Day.today()).text
            #expect(written == scaffold.replacingOccurrences(of: "# topics: [cost]                           # the first",
                                                             with: "topics: [cataloging]                       # the first"))
            let again = try await post(running.client, headers, request)
            #expect(again.status == 422 && again.text.contains("already exists"))
        }
    }

    @Test func theEditorIsOffOnANetworkAddressUnlessAllowed() async throws {
        let nowhere = URL(fileURLWithPath: "/nonexistent")
        let build = BuildOptions(contentDirectory: nowhere, templatesDirectory: nowhere, outputDirectory: nowhere)
        #expect(PreviewServer.Options(build: build, host: "0.0.0.0").editorEnabled == false)
        #expect(PreviewServer.Options(build: build, host: "192.168.1.5").editorEnabled == false)
        #expect(PreviewServer.Options(build: build, host: "0.0.0.0", allowEdit: true).editorEnabled)
        #expect(PreviewServer.Options(build: build, host: "127.0.0.1").editorEnabled)
        try await withEditor(host: "0.0.0.0") { running, headers in
            #expect(try await !running.client.fetch("/certifications/alpha-technician/").text.contains("__certguide/edit"))
            #expect(try await running.client.fetch("/__certguide/edit/certifications/alpha-technician").status == 404)
            let response = try await post(running.client, headers, try form(running.site) { $0.set("summary", to: .text("x")) })
            #expect(response.status == 404)
        }
    }
}
