import Foundation
import GuideSite

/// Every certification, question and page from A to Z, for the A–Z page: the way in when
/// JavaScript is off and search with it, and something to browse.
struct AlphabeticalIndex {
    let site: Site

    func groups() -> [Record] {
        var entries: [(key: String, record: Record)] = []
        for page in site.certifications {
            let front = page.entry.frontMatter
            entries.append((sortKey(front.title), Record(["title": front.title, "url": page.url, "kind": "Certification",
                                                          "abbreviation": front.abbreviation ?? false])))
        }
        for page in site.faqs {
            entries.append((sortKey(page.entry.frontMatter.question), Record(["title": page.entry.frontMatter.question, "url": page.url,
                                                                              "kind": "FAQ", "abbreviation": false])))
        }
        for page in site.pages {
            entries.append((sortKey(page.entry.frontMatter.title), Record(["title": page.entry.frontMatter.title, "url": page.url,
                                                                           "kind": "Page", "abbreviation": false])))
        }
        entries.sort { $0.key < $1.key }
        var groups: [(letter: String, records: [Record])] = []
        for entry in entries {
            let first = entry.key.first.map(String.init)?.uppercased() ?? "#"
            let letter = ("A"..."Z").contains(first) && first.count == 1 ? first : "#"
            if groups.last?.letter == letter { groups[groups.count - 1].records.append(entry.record) } else { groups.append((letter, [entry.record])) }
        }
        return groups.map { group in
            Record(["letter": group.letter, "id": group.letter == "#" ? "az-other" : "az-\(group.letter.lowercased())", "entries": group.records])
        }
    }

    /// Accents and case do not move an entry: "Éducation" sorts with "education".
    private func sortKey(_ title: String) -> String {
        title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }
}
