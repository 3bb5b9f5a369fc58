import CertGuideServer
import Foundation
import Testing

/// Whatever a content file holds, and whatever the disk refuses, the preview keeps answering:
/// pages show the error and the terminal prints it, and the next good save is served.
extension PreviewServerTests {
    /// Events the server told the terminal, in order.
    final class EventLog: @unchecked Sendable {
        // @unchecked: every access goes through `lock`.
        private let lock = NSLock()
        private var events: [PreviewEvent] = []

        func append(_ event: PreviewEvent) { lock.withLock { events.append(event) } }

        var failures: [String] {
            lock.withLock {
                events.flatMap { event -> [String] in
                    switch event {
                    case .failed(let diagnostics, _): diagnostics.map(\.description)
                    case .outputFailed(let problem): [problem.description]
                    default: []
                    }
                }
            }
        }
    }

    private static let alpha = "Content/certifications/alpha-technician.md"

    @Test(arguments: ["min: 900\n  max: 180", "min: 1e19", "min: 1\n  max: 9223372036854775807"])
    func aFigureThatUsedToKillTheServerShowsItsErrorAndTheFixIsServed(_ figures: String) async throws {
        let events = EventLog()
        let running = try await start(log: events.append)
        let socket = try await running.client.webSocket("/__certguide/live")
        try await Task.sleep(for: .milliseconds(100))
        let original = try String(contentsOf: running.site.root.appendingPathComponent(Self.alpha), encoding: .utf8)
        try running.site.write(Self.alpha, original.replacingOccurrences(of: "min: 175\n  max: 225", with: figures))
        let message = try #require(await socket.next(within: 3))
        #expect(message.contains(#""type":"errors""#) && message.contains("alpha-technician.md:"), "\(message)")
        #expect(events.failures.contains { $0.hasPrefix("\(Self.alpha):") && $0.contains(": error: `cost.") }, "\(events.failures)")
        // Still answering, with the last good site.
        let page = try await running.client.fetch("/certifications/alpha-technician/")
        #expect(page.status == 200 && page.text.contains("$175–$225"))
        try running.site.write(Self.alpha, original.replacingOccurrences(of: "min: 175\n  max: 225", with: "min: 300\n  max: 400"))
        #expect(await socket.next(within: 3) == #"{"type":"reload"}"#)
        #expect(try await running.client.fetch("/certifications/alpha-technician/").text.contains("$300–$400"))
        await finish(running)
    }

    @Test func anOutputFolderThatCannotBeWrittenIsShownAndTheEditIsStillServed() async throws {
        let events = EventLog()
        let running = try await start(log: events.append)
        await running.server.waitForOutput()
        // A file where the page's folder belongs: no user, root included, can write the page there.
        let folder = running.site.output.appendingPathComponent("certifications/alpha-technician")
        try FileManager.default.removeItem(at: folder)
        try Data("in the way".utf8).write(to: folder)
        let socket = try await running.client.webSocket("/__certguide/live")
        try await Task.sleep(for: .milliseconds(100))
        let original = try String(contentsOf: running.site.root.appendingPathComponent(Self.alpha), encoding: .utf8)
        try running.site.write(Self.alpha, original.replacingOccurrences(of: "Study the handbook.", with: "Study the new handbook."))
        let told = await eventually { events.failures.contains { $0.contains("cannot update the output folder") } }
        #expect(told, "\(events.failures)")
        var messages: [String] = []
        while let message = await socket.next(within: 2) { messages.append(message); if message.contains("errors") { break } }
        #expect(messages.contains { $0.contains(#""type":"errors""#) && $0.contains("cannot update the output folder") }, "\(messages)")
        #expect(try await running.client.fetch("/certifications/alpha-technician/").text.contains("Study the new handbook."))
        await finish(running)
    }
}
