import Foundation

/// Turns headings and topic names into URL-safe identifiers: lowercase ASCII letters, digits and
/// single hyphens, with accents folded (`Catalogación` -> `catalogacion`).
public enum Slug {
    public static func make(_ text: String) -> String {
        // ASCII has nothing to fold, and Foundation's folding and character sets are slow enough
        // to show on a guide of thousands of entries.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return ascii(text) }
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue // "What's new" -> whats-new, as readers would type it
            } else {
                pendingHyphen = true
            }
        }
        return slug.lowercased()
    }

    /// `make` for ASCII text, byte by byte.
    private static func ascii(_ text: String) -> String {
        var slug: [UInt8] = []
        var pendingHyphen = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingHyphen, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                slug.append(byte | (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? 0x20 : 0))
            case UInt8(ascii: "'"):
                continue
            default:
                pendingHyphen = true
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }
}

/// Hands out unique ids within one page: the second "Cost" heading becomes `cost-2`.
struct SlugAllocator {
    private var used: Set<String>

    init(reserved: Set<String> = []) {
        used = reserved
    }

    mutating func unique(for text: String) -> String {
        let base = Slug.make(text).isEmpty ? "section" : Slug.make(text)
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
