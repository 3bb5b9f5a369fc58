import Foundation
import GuideBuild

/// One line on a terminal's standard error that says which stage a build is in, rewritten in
/// place and erased at the end: a 10,000-entry build takes a minute, and silence looks like a
/// hang. Not shown when standard error is a file or a CI log, which keep only the summary.
final class StatusLine: Sendable {
    private let start = Date()

    static var standardError: StatusLine? {
        isatty(2) == 1 && ProcessInfo.processInfo.environment["CI"] == nil ? StatusLine() : nil
    }

    func show(_ stage: BuildStage) {
        let text = switch stage {
        case .loading: "Loading entries…"
        case .rendering(let entries): "Rendering \(entries) entries…"
        case .writing(let files): "Writing \(files) files…"
        }
        let seconds = String(format: "%.1f s", Date().timeIntervalSince(start))
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text) (\(seconds))".utf8))
    }

    func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
