import Foundation
import GuideSupport

/// Prints diagnostics as compilers do; in colour on a terminal, and as workflow commands under
/// GitHub Actions (`::error file=…,line=…,col=…::`) so that each problem is annotated on its
/// line in the pull request.
struct DiagnosticPrinter {
    var colour: Bool
    var githubActions: Bool

    static var standardError: DiagnosticPrinter {
        let environment = ProcessInfo.processInfo.environment
        return DiagnosticPrinter(colour: isatty(2) == 1 && environment["NO_COLOR"] == nil,
                                 githubActions: environment["GITHUB_ACTIONS"] == "true")
    }

    func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics.sortedForDisplay() {
            write(format(diagnostic))
            if githubActions {
                let message = diagnostic.message.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\n", with: "%0A")
                let command = diagnostic.severity == .note ? "notice" : diagnostic.severity.rawValue
                write("::\(command) file=\(diagnostic.path),line=\(diagnostic.location.line),col=\(diagnostic.location.column)::\(message)")
            }
        }
    }

    func warning(_ text: String) {
        write(colour ? "\u{1B}[1;35mwarning:\u{1B}[0m \(text)" : "warning: \(text)")
    }

    func summary(_ text: String) {
        write(colour ? "\u{1B}[1;31merror:\u{1B}[0m \(text)" : "error: \(text)")
    }

    private func format(_ diagnostic: Diagnostic) -> String {
        guard colour else { return diagnostic.description }
        let tint = switch diagnostic.severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;35m"
        case .note: "\u{1B}[1;36m"
        }
        return "\u{1B}[1m\(diagnostic.path):\(diagnostic.location.line):\(diagnostic.location.column):\u{1B}[0m "
            + "\(tint)\(diagnostic.severity.rawValue):\u{1B}[0m \(diagnostic.message)"
    }

    private func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
