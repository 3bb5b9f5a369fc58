/// A position in a source file, 1-based, as editors and compilers count.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = SourceLocation(line: 1, column: 1)

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// One problem found in the input, printed the way compilers print them so that editors and CI
/// annotate the right line: `path:line:col: error: message`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        /// Worth knowing, never a failure (an external site that did not answer).
        case note
        case warning
        case error

        public static func < (a: Severity, b: Severity) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public var path: String
    public var location: SourceLocation
    public var severity: Severity
    public var message: String

    public init(path: String, location: SourceLocation = .start, severity: Severity = .error, message: String) {
        self.path = path
        self.location = location
        self.severity = severity
        self.message = message
    }

    public static func error(_ path: String, _ location: SourceLocation = .start, _ message: String) -> Diagnostic {
        Diagnostic(path: path, location: location, severity: .error, message: message)
    }

    public static func warning(_ path: String, _ location: SourceLocation = .start, _ message: String) -> Diagnostic {
        Diagnostic(path: path, location: location, severity: .warning, message: message)
    }

    public var description: String {
        "\(path):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Diagnostics in a stable order: by file, then position, so output never depends on scheduling.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { a, b in
            if a.path != b.path { return a.path < b.path }
            if a.location != b.location { return a.location < b.location }
            return a.message < b.message
        }
    }

    public var hasErrors: Bool { contains { $0.severity == .error } }

    public func count(of severity: Diagnostic.Severity) -> Int { filter { $0.severity == severity }.count }
}

/// Thrown when a stage cannot go on; carries every problem found, not only the first.
public struct DiagnosticsError: Error, CustomStringConvertible, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sortedForDisplay()
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
