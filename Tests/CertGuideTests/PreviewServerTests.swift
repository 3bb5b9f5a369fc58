import CertGuideServer
import Foundation
import GuideBuild
import Testing

/// `certguide serve` for real: a server on 127.0.0.1, a free port, real files edited on disk.
@Suite(.serialized) struct PreviewServerTests {
    final class Running: Sendable {
        let site: TestSite
        let server: PreviewServer
        let client: RawHTTPClient

        init(site: TestSite, server: PreviewServer, client: RawHTTPClient) {
            self.site = site
            self.server = server
            self.client = client
        }
    }

    func start(poll: Bool = false, log: @escaping @Sendable (PreviewEvent) -> Void = { _ in }) async throws -> Running {
        let site = try TestSite()
        let server = PreviewServer(options: .init(build: site.options(versionedAssets: false), port: 0, pollFiles: poll), log: log)
        let url = try await server.start()
        return Running(site: site, server: server, client: RawHTTPClient(port: UInt16(url.port!)))
    }

    func finish(_ running: Running) async {
        await running.server.stop()
        running.site.cleanUp()
    }

    /// Polls until `condition` holds or `seconds` pass.
    func eventually(_ seconds: TimeInterval = 5, _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }

    @Test func everyPageKindWithStatusAndType() async throws {
        let running = try await start()
        let client = running.client
        for (path, type) in [("/", "text/html"), ("/certifications/", "text/html"), ("/certifications/alpha-technician/", "text/html"),
                             ("/compare/", "text/html"), ("/faq/", "text/html"), ("/faq/how-long/", "text/html"), ("/about/", "text/html"),
                             ("/topics/", "text/html"), ("/topics/cataloging/", "text/html"), ("/sitemap.xml", "application/xml"),
                             ("/feed.xml", "application/atom+xml"), ("/robots.txt", "text/plain"), ("/api/certifications.json", "application/json"),
                             ("/assets/site.css", "text/css"), ("/certs/alt/", "text/html")] {
            let response = try await client.fetch(path)
            #expect(response.status == 200, "\(path)")
            #expect(response.headers["content-type"]?.hasPrefix(type) == true, "\(path): \(response.headers["content-type"] ?? "-")")
        }
        let page = try await client.fetch("/faq/how-long/")
        #expect(page.text.contains(#"<script src="/__certguide/live.js" defer></script>"#), "preview pages carry the live-reload script")
        let missing = try await client.fetch("/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.text.contains("Page not found"), "the site's own 404 page is served")
        let folder = try await client.fetch("/faq")
        #expect(folder.status == 301 && folder.headers["location"] == "/faq/")
        #expect(try await client.fetch("/", method: "POST").status == 405)
        await finish(running)
    }

    @Test func conditionalRequestsAndHead() async throws {
        let running = try await start()
        let client = running.client
        let first = try await client.fetch("/compare/")
        let etag = try #require(first.headers["etag"])
        #expect(try await client.fetch("/compare/", headers: ["If-None-Match": etag]).status == 304)
        let modified = try #require(first.headers["last-modified"])
        #expect(try await client.fetch("/compare/", headers: ["If-Modified-Since": modified]).status == 304)
        let head = try await client.fetch("/compare/", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.headers["content-length"] == String(first.body.count))
        await finish(running)
    }

    @Test func traversalIsRefusedInEverySpelling() async throws {
        let running = try await start()
        let secret = "base_url" // in Content/site.yml, which must never be served
        let attempts = [
            "/../Content/site.yml", "/%2e%2e/Content/site.yml", "/%2E%2E%2FContent%2Fsite.yml", "/..%2fContent%2fsite.yml",
            "/..%5cContent%5csite.yml", "/..\\Content\\site.yml", "/%252e%252e/Content/site.yml", "/./../Content/site.yml",
            "/assets/../../Content/site.yml", "/assets/%2e%2e/%2e%2e/Content/site.yml", "//etc/passwd", "/%00/../site.yml",
            "/.%2e/Content/site.yml", "/%c0%ae%c0%ae/Content/site.yml", "/etc/passwd", "/.git/config",
        ]
        for attempt in attempts {
            let response = try await running.client.fetch(attempt)
            #expect([400, 404].contains(response.status), "\(attempt) -> \(response.status)")
            #expect(!response.text.contains(secret) && !response.text.contains("root:"), "\(attempt) leaked a file")
        }
        await finish(running)
    }

    @Test func editingAnEntryReloadsOpenPagesWithinASecond() async throws {
        let running = try await start()
        let socket = try await running.client.webSocket("/__certguide/live")
        try await Task.sleep(for: .milliseconds(100))
        let path = "Content/certifications/beta-archivist.md"
        let original = try String(contentsOf: running.site.root.appendingPathComponent(path), encoding: .utf8)
        let saved = Date()
        try running.site.write(path, original.replacingOccurrences(of: "Beta body.", with: "Freshly edited body."))
        let message = await socket.next(within: 1.0)
        #expect(message == #"{"type":"reload"}"#, "no reload event within a second of the save")
        #expect(Date().timeIntervalSince(saved) < 1.0)
        #expect(try await running.client.fetch("/certifications/beta-archivist/").text.contains("Freshly edited body."))
        await finish(running)
    }

    @Test func onlyPagesWhoseFileChangedReload() async throws {
        let running = try await start()
        let edited = try await running.client.webSocket("/__certguide/live")
        edited.sendText(#"{"page":"/certifications/beta-archivist/"}"#)
        let other = try await running.client.webSocket("/__certguide/live")
        other.sendText(#"{"page":"/topics/"}"#)
        let unknown = try await running.client.webSocket("/__certguide/live")
        try await Task.sleep(for: .milliseconds(150))
        let path = "Content/certifications/beta-archivist.md"
        let original = try String(contentsOf: running.site.root.appendingPathComponent(path), encoding: .utf8)
        try running.site.write(path, original.replacingOccurrences(of: "Beta body.", with: "Edited for one page."))
        #expect(await edited.next(within: 2) == #"{"type":"reload"}"#, "the page showing the entry")
        #expect(await unknown.next(within: 1) == #"{"type":"reload"}"#, "a page that has not said which it is")
        #expect(await other.next(within: 0.5) == nil, "the topics page shows no body")
        await finish(running)
    }

    @Test func aFactEditReloadsTheOpenPageBeforeTheListsAreDone() async throws {
        let running = try await start()
        let socket = try await running.client.webSocket("/__certguide/live")
        socket.sendText(#"{"page":"/certifications/beta-archivist/"}"#)
        try await Task.sleep(for: .milliseconds(150))
        let path = "Content/certifications/beta-archivist.md"
        let original = try String(contentsOf: running.site.root.appendingPathComponent(path), encoding: .utf8)
        try running.site.write(path, original.replacingOccurrences(of: "\nsummary: ", with: "\nsummary: Now cheaper. "))
        #expect(await socket.next(within: 2) == #"{"type":"reload"}"#)
        #expect(try await running.client.fetch("/certifications/beta-archivist/").text.contains("Now cheaper."))
        #expect(try await eventually { try await running.client.fetch("/certifications/").text.contains("Now cheaper.") }, "the lists follow")
        try await Task.sleep(for: .milliseconds(400))
        await running.server.waitForOutput()
        let clean = try Builder(options: running.site.options(versionedAssets: false)).generate().1
        let written = try running.site.snapshot()
        #expect(Set(written.keys) == Set(clean.map(\.path)))
        for file in clean where written[file.path] != file.contents { Issue.record("\(file.path) differs from a clean build") }
        await finish(running)
    }

    @Test func stylesheetChangeRestylesWithoutReload() async throws {
        let running = try await start()
        let socket = try await running.client.webSocket("/__certguide/live")
        try await Task.sleep(for: .milliseconds(100))
        let css = try String(contentsOf: running.site.templates.appendingPathComponent("assets/site.css"), encoding: .utf8)
        try running.site.write("Templates/assets/site.css", css + "\n.certguide-test { color: red; }\n")
        #expect(await socket.next(within: 2) == #"{"type":"css"}"#)
        #expect(try await running.client.fetch("/assets/site.css").text.contains(".certguide-test"))
        // Only the asset was republished, and the output is what a clean build gives.
        await running.server.waitForOutput()
        let clean = try Builder(options: running.site.options(versionedAssets: false)).generate().1
        let written = try running.site.snapshot()
        #expect(Set(written.keys) == Set(clean.map(\.path)))
        #expect(clean.allSatisfy { written[$0.path] == $0.contents })
        await finish(running)
    }

    @Test func brokenBuildShowsErrorsAndKeepsServingTheLastGoodSite() async throws {
        let running = try await start()
        let socket = try await running.client.webSocket("/__certguide/live")
        try await Task.sleep(for: .milliseconds(100))
        try running.site.write("Content/certifications/beta-archivist.md", "---\ntitle: Beta\nisuer: X\n---\n")
        let message = try #require(await socket.next(within: 3))
        let decoded = try JSONSerialization.jsonObject(with: Data(message.utf8)) as? [String: Any]
        #expect(decoded?["type"] as? String == "errors")
        let errors = decoded?["errors"] as? [String] ?? []
        #expect(errors.contains { $0.hasPrefix("Content/certifications/beta-archivist.md:3:1: error: unknown key `isuer`") }, "\(errors)")
        let page = try await running.client.fetch("/certifications/beta-archivist/")
        #expect(page.status == 200 && page.text.contains("Beta body."), "the last good page is still served")
        // A page opened while the build is broken is told at once.
        let late = try await running.client.webSocket("/__certguide/live")
        #expect(await late.next(within: 1)?.contains(#""type":"errors""#) == true)
        await finish(running)
    }

    @Test func deletedEntryPageIsGone() async throws {
        let running = try await start()
        #expect(try await running.client.fetch("/about/").status == 200)
        try running.site.remove("Content/pages/about.md")
        let gone = try await eventually { try await running.client.fetch("/about/").status == 404 }
        #expect(gone)
        // The new snapshot is served before the output folder is updated: give the disk its turn.
        let removed = await eventually { !FileManager.default.fileExists(atPath: running.site.output.appendingPathComponent("about/index.html").path) }
        #expect(removed)
        await finish(running)
    }

    @Test func burstOfSavesEndsIdenticalToACleanBuild() async throws {
        let running = try await start()
        let path = "Content/certifications/alpha-technician.md"
        let original = try String(contentsOf: running.site.root.appendingPathComponent(path), encoding: .utf8)
        for save in 1...50 {
            try running.site.write(path, original.replacingOccurrences(of: "Study the handbook.", with: "Study the handbook, pass \(save)."))
        }
        let settled = try await eventually(10) {
            try await running.client.fetch("/certifications/alpha-technician/").text.contains("pass 50.")
        }
        #expect(settled)
        try await Task.sleep(for: .milliseconds(400))
        await running.server.waitForOutput()
        let clean = try Builder(options: running.site.options(versionedAssets: false)).generate().1
        let served = try running.site.snapshot()
        #expect(Set(served.keys) == Set(clean.map(\.path)))
        for file in clean {
            #expect(served[file.path] == file.contents, "\(file.path) differs from a clean build")
        }
        await finish(running)
    }

    @Test func pollingWatcherAlsoRebuilds() async throws {
        let running = try await start(poll: true)
        try running.site.write("Content/faq/what-cost.md", "---\nquestion: What does it cost now?\n---\nMore.\n")
        #expect(try await eventually { try await running.client.fetch("/faq/what-cost/").text.contains("What does it cost now?") })
        await finish(running)
    }

    @Test func portInUseIsExplained() async throws {
        let running = try await start()
        let second = PreviewServer(options: .init(build: running.site.options(versionedAssets: false), port: running.client.port))
        await #expect {
            _ = try await second.start()
        } throws: { error in
            "\(error)".contains("port \(running.client.port) is already in use")
        }
        await finish(running)
    }
}
