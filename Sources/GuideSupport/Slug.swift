import Foundation

/// Turns headings and topic names into URL-safe identifiers: lowercase ASCII letters, digits and
/// single hyphens, with accents folded (`Catalogación` -> `catalogacion`).
public enum Slug {
    public static func make(_ text: String) -> String {
        // ASCII has nothing to fold, and Foundation's folding and character sets are slow enough
        // to show on a guide of thousands of entries.
        let folded = text.utf8.allSatisfy({ $0 < 0x80 }) ? text
            : text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "A"..."Z":
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            case "'", "\u{2019}":
                continue // "What's new" -> whats-new, as readers would type it
            default:
                pendingHyphen = true
            }
        }
        return slug.lowercased()
    }

    /// The slug of an entry file named `stem.md`: the name itself when it is already one, else
    /// its ASCII form (`bibliothécaire-certifié` -> `bibliothecaire-certifie`), or nil when
    /// nothing of it can be (`???`).
    public static func ofFile(named stem: String) -> String? {
        // By bytes: character properties, for every file of a large guide, showed in its loading.
        if !stem.isEmpty, stem.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }) { return stem }
        let slug = make(stem)
        return slug.isEmpty ? nil : slug
    }

    /// `ofFile(named:)` of a path's last part, without its `.md`.
    public static func ofFile(atPath path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return ofFile(named: name.hasSuffix(".md") ? String(name.dropLast(3)) : name)
    }
}

/// Hands out unique ids within one page: the second "Cost" heading becomes `cost-2`.
public struct SlugAllocator {
    private var used: Set<String>

    public init(reserved: Set<String> = []) {
        used = reserved
    }

    public mutating func unique(for text: String) -> String {
        let slug = Slug.make(text)
        let base = slug.isEmpty ? "section" : slug
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
