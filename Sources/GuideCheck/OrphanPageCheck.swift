import GuideSite

/// Pages no other page links to, on the built site: readers can only reach them by search or
/// by knowing the address. Entries are listed by the templates (home, indexes), so this finds
/// pages that templates or menus leave out, and pages only reachable through a draft. The A–Z
/// page links everything, like a sitemap, so its links do not count.
struct OrphanPageCheck: SiteCheck {
    static let exhaustiveListings: Set<String> = [SiteURL.outputPath(for: SiteURL.alphabetical)]

    func run(_ context: CheckContext) -> [CheckFinding] {
        var linked: Set<String> = []
        for (outputPath, page) in context.pages where !context.redirects.contains(outputPath) && !Self.exhaustiveListings.contains(outputPath) {
            let pageURL = CheckContext.url(ofOutputPath: outputPath)
            for reference in page.references where reference.tag == "a" || reference.tag == "form" {
                guard case .local(let path, _) = context.resolve(reference.value, from: pageURL),
                      let target = context.outputPath(for: path), target != outputPath else { continue }
                linked.insert(target)
            }
        }
        let candidates = context.pages.keys.filter {
            !linked.contains($0) && !context.redirects.contains($0) && $0 != "index.html" && $0 != "404.html"
        }
        return candidates.sorted().map { outputPath in
            let url = CheckContext.url(ofOutputPath: outputPath)
            let advice = "; link it from a related entry or list it in `nav` of site.yml"
            if let index = context.entryByOutputPath[outputPath] {
                let entry = context.entries[index]
                return CheckFinding(.orphanPage, entry.displayPath, entry.location(of: entry.titleKey), "no page links to `\(url)`\(advice)")
            }
            return CheckFinding(.orphanPage, "\(context.templatesRoot)/pages/\(PageKind.template(forURL: url)).mustache", .start,
                                "no page links to `\(url)`; link it from a template or `nav` of site.yml")
        }
    }
}
