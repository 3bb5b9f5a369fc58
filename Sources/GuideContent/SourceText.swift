import Foundation
import GuideSupport

/// A source file decoded as UTF-8 with a BOM dropped and CRLF turned into LF, so every later
/// stage counts lines the way the editor shows them.
struct SourceText {
    var text: String

    /// Decodes `data`, or returns the position of the first byte that is not UTF-8.
    static func decode(_ data: Data, path: String) -> Result<SourceText, Diagnostic> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(.error(path, firstInvalidByte(in: bytes), "file is not valid UTF-8; save it with UTF-8 encoding"))
        }
        // A byte scan: Foundation's string search was a visible share of loading a large guide.
        guard bytes.contains(0x0D) else { return .success(SourceText(text: text)) }
        return .success(SourceText(text: text.replacingOccurrences(of: "\r\n", with: "\n")))
    }

    private static func firstInvalidByte(in bytes: Data.SubSequence) -> SourceLocation {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if UTF8.decode(encoded) == "\n" { line += 1; column = 1 } else { column += 1 }
            case .error, .emptyInput:
                return SourceLocation(line: line, column: column)
            }
        }
    }
}
