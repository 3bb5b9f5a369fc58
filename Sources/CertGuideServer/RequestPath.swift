/// The path of a request, decoded once and checked strictly before it is looked up: the
/// preview must never hand out anything but the built site, whatever the URL spells.
enum RequestPath {
    enum Problem: Error, Equatable {
        /// Malformed: bad percent-encoding, NUL, backslash, not starting with `/`.
        case badRequest
        /// Well-formed but climbing out (`..`) or naming a hidden file.
        case notFound
    }

    /// `/faq/x/` -> `faq/x/`, `/a%20b.css` -> `a b.css`; throws for anything suspicious.
    static func resolve(_ raw: String) throws(Problem) -> String {
        guard raw.hasPrefix("/"), let decoded = raw.removingPercentEncoding else { throw .badRequest }
        // Decoding twice would turn %252e into `.`: whatever still looks encoded is refused.
        if decoded.contains("%") || decoded.contains("\\") || decoded.contains("\0") || decoded.contains("\r") || decoded.contains("\n") {
            throw .badRequest
        }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for segment in segments where segment == ".." || segment == "." || (segment.hasPrefix(".") && !segment.isEmpty) {
            throw .notFound
        }
        if decoded.contains("//") { throw .notFound }
        return String(decoded.dropFirst())
    }
}

import Foundation
