/// Pages with the same title: search results, tabs and bookmarks cannot tell them apart.
/// Compared on the built pages' `<title>`, so an entry that repeats the title of a generated
/// page (`Compare certifications`, a topic) is found too.
struct DuplicateTitleCheck: SiteCheck {
    func run(_ context: CheckContext) -> [CheckFinding] {
        var byTitle: [String: [String]] = [:]
        for (outputPath, page) in context.pages where !context.redirects.contains(outputPath) && outputPath != "404.html" {
            guard let title = page.title, !title.isEmpty else { continue }
            byTitle[Self.normalized(title), default: []].append(outputPath)
        }
        var found: [CheckFinding] = []
        for paths in byTitle.values where paths.count > 1 {
            for path in paths.sorted() {
                guard let index = context.entryByOutputPath[path] else { continue }
                let entry = context.entries[index]
                let others = paths.sorted().filter { $0 != path }.map { other in
                    context.entryByOutputPath[other].map { "`\(context.entries[$0].displayPath)`" }
                        ?? "the page `\(CheckContext.url(ofOutputPath: other))`"
                }
                found.append(CheckFinding(.duplicateTitle, entry.displayPath, entry.location(of: entry.titleKey),
                    "title `\(entry.title)` is also the title of \(others.joined(separator: ", ")); give each page its own"))
            }
        }
        return found
    }

    private static func normalized(_ title: String) -> String {
        title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
