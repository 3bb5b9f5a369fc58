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
        // Through a buffer: over `Data` itself, validating and scanning went byte by byte
        // through its iterator, a tenth of loading a guide of 10,000 entries.
        let (decoded, hasReturn) = bytes.withUnsafeBytes { raw in
            let utf8 = raw.bindMemory(to: UInt8.self)
            return (String(validating: utf8, as: UTF8.self), raw.count > 0 && memchr(raw.baseAddress!, 0x0D, raw.count) != nil)
        }
        guard let text = decoded else {
            return .failure(.error(path, firstInvalidByte(in: bytes), "file is not valid UTF-8; save it with UTF-8 encoding"))
        }
        guard hasReturn else { return .success(SourceText(text: text)) }
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
