import ArgumentParser
import CertGuideServer
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the guide with live reload while you edit.",
        discussion: """
        Builds the site, serves it at http://127.0.0.1:8080/ and watches the content and \
        templates folders. Each save rebuilds what it touched and reloads the open pages it \
        changed: an edit of an entry's text renders only the pages showing it, in milliseconds \
        even on a guide of thousands; a change of a fact such as a cost or a summary shows the \
        entry's own page just as fast and makes the long lists after; a change that reorders \
        entries (a title, a level, topics) renders the open pages first and the rest after. A \
        stylesheet change restyles pages without a reload. Every entry page has an Edit link to a \
        form for that entry: Save checks it as the build does and rewrites only the lines that \
        changed (the editor is on for loopback addresses only, or with --allow-edit). When a save \
        breaks the build, the last good site stays up and every open page shows the errors \
        until you fix them.

        Examples:
          certguide serve --open
          certguide serve --port 0          (any free port; the address is printed)
          certguide serve --drafts
        """
    )

    @OptionGroup var location: SiteLocationOptions

    @Option(help: ArgumentHelp("Address to listen on. Anything but loopback exposes the preview to the network.", valueName: "ip"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("Port to listen on; 0 picks a free one.", valueName: "port"))
    var port: UInt16 = 8080

    @Flag(help: "Open the preview in the default browser.")
    var open = false

    @Flag(help: "Watch files by polling instead of inotify (for network drives).")
    var poll = false

    @Flag(help: ArgumentHelp("Keep the editor on with --host set to a network address: anyone who can reach the preview could then rewrite Content/ files (each write still needs the run's secret token)."))
    var allowEdit = false

    func run() async throws {
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            DiagnosticPrinter.standardError.warning(
                "listening on \(host): anyone who can reach this machine can read the preview, drafts included")
        }
        let options = PreviewServer.Options(build: location.buildOptions(), host: host, port: port, pollFiles: poll, allowEdit: allowEdit)
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            DiagnosticPrinter.standardError.warning(allowEdit
                ? "--allow-edit: the editor is on at \(host); anyone who can reach this address and obtain a form can change files under \(location.source.content)/"
                : "the editor is off while listening on \(host); add --allow-edit to turn it on")
        }
        let printer = DiagnosticPrinter.standardError
        let server = PreviewServer(options: options) { event in
            switch event {
            case .built(let files, let changed, let milliseconds):
                say("Built \(files) files in \(milliseconds) ms (\(changed) changed)")
            case .failed(let diagnostics, _):
                printer.print(diagnostics)
                printer.summary("build failed; still serving the last good site until the next save fixes it")
            case .openPagesServed(let changed, let milliseconds):
                say("Open pages rendered first in \(milliseconds) ms (\(changed) files changed); rendering the rest")
            case .searchIndexUpdated(let changed, let milliseconds):
                if changed > 0 { say("Search index updated in \(milliseconds) ms (\(changed) files changed)") }
            case .outputFailed(let problem):
                printer.print([problem])
            }
        }
        let url: URL
        do {
            url = try await server.start()
        } catch {
            printer.summary("\(error)")
            throw ExitCode(1)
        }
        // Before saying so, so that a signal from whoever read the line is handled.
        let stopping = Self.stopOnSignals(server)
        say("Serving \(location.source.content)/ at \(url.absoluteString)  (Ctrl-C to stop)")
        if options.editorEnabled {
            say("Editor on: every entry page has an Edit link; saves rewrite only the lines you changed")
        }
        if open { Self.openInBrowser(url) }
        while !Task.isCancelled {
            try await Task.sleep(for: .seconds(3600))
        }
        withExtendedLifetime(stopping) {}
    }

    /// Ctrl-C or a kill stops the server before the process ends, so its socket's folder goes
    /// with it and the output folder holds the last build.
    private static func stopOnSignals(_ server: PreviewServer) -> [DispatchSourceSignal] {
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                Task {
                    await server.stop()
                    Foundation.exit(0)
                }
            }
            source.resume()
            return source
        }
        #if os(Linux)
        // libdispatch installs its handler in place of SIG_IGN a moment after `resume()`; a
        // signal in between was lost (seen in tests that signal as soon as the address is out).
        for number in [SIGINT, SIGTERM] {
            for _ in 0..<200 where Self.isIgnored(number) { usleep(5_000) }
        }
        #endif
        return sources
    }

    #if os(Linux)
    private static func isIgnored(_ number: Int32) -> Bool {
        var current = sigaction()
        sigaction(number, nil, &current)
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
    #endif

    private static func openInBrowser(_ url: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        #if os(macOS)
        process.arguments = ["open", url.absoluteString]
        #else
        process.arguments = ["xdg-open", url.absoluteString]
        #endif
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            say("Open \(url.absoluteString) in your browser.")
        }
    }
}

/// One line to standard output, unbuffered: serve's output is read live, often through a pipe.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
