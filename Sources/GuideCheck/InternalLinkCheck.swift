import GuideMarkdown
import GuideSite
import GuideSupport

/// Links and images in entry bodies that lead nowhere on the built site: a page or file that
/// does not exist, or an `#anchor` the target page does not have (heading ids included).
struct InternalLinkCheck: SiteCheck {
    func run(_ context: CheckContext) -> [CheckFinding] {
        var found: [CheckFinding] = []
        for entry in context.entries {
            for (index, link) in entry.document.links.enumerated() {
                guard case .local(let path, let fragment) = context.resolve(link.url, from: entry.url) else { continue }
                let location = entry.location(ofLink: index)
                guard let target = context.outputPath(for: path) else {
                    let problem = link.isImage ? "image `\(link.destination)` does not exist: the site has no file at `\(path)`"
                        : "link `\(link.destination)` leads nowhere: the site has no page at `\(path)`"
                    found.append(CheckFinding(link.isImage ? .missingFile : .brokenLink, entry.displayPath, location,
                                              problem + Self.hint(link, path: path, context: context, pageURL: entry.url)))
                    continue
                }
                guard !fragment.isEmpty, !link.isImage, let page = context.pages[target], !page.ids.contains(fragment) else { continue }
                let place = target == SiteURL.outputPath(for: entry.url) ? "this page" : "`\(CheckContext.url(ofOutputPath: target))`"
                found.append(CheckFinding(.brokenLink, entry.displayPath, location,
                    "link `\(link.destination)`: \(place) has no anchor `#\(fragment)`"
                        + (Suggestion.nearest(to: fragment, in: page.ids.sorted()).map { "; did you mean `#\($0)`?" } ?? "")))
            }
        }
        return found
    }

    private static func hint(_ link: MarkdownDocument.Link, path: String, context: CheckContext, pageURL: String) -> String {
        let relative = !link.destination.hasPrefix("/") && SiteAddress.scheme(of: link.destination) == nil
        if link.isImage || path.hasPrefix("/assets/") {
            let assets = "; files in `\(context.templatesRoot)/assets/` are published under `/assets/`"
            return relative ? "\(assets), so write `/assets/…` (a relative address is read from the page's URL `\(pageURL)`)" : assets
        }
        let pages = context.pages.keys.filter { !context.redirects.contains($0) }.map(CheckContext.url(ofOutputPath:))
        if let nearest = Suggestion.nearest(to: path, in: pages) { return "; did you mean `\(nearest)`?" }
        return relative ? "; link another entry by its file, like `../faq/how-long.md`" : ""
    }
}
