import Foundation
import GuideSupport

/// Addresses in the built pages that no entry body wrote, so templates or `site.yml` did: a
/// stylesheet, script or image that is not in `assets/`, a menu link to a page that does not
/// exist. Reported once per address, at the template or setting that writes it.
struct TemplateLinkCheck: SiteCheck {
    private struct Problem: Hashable {
        var value: String
        var tag: String
        /// The missing path, or nil when the page exists but lacks the anchor.
        var missingPath: String?
        var anchorProblem: String?
    }

    func run(_ context: CheckContext) -> [CheckFinding] {
        let bodyAddresses = Set(context.entries.flatMap { $0.document.links.map(\.url) })
        var pagesWith: [Problem: [String]] = [:]
        for (outputPath, page) in context.pages {
            let pageURL = CheckContext.url(ofOutputPath: outputPath)
            for reference in Set(page.references) where !bodyAddresses.contains(reference.value) {
                guard case .local(let path, let fragment) = context.resolve(reference.value, from: pageURL) else { continue }
                guard let target = context.outputPath(for: path) else {
                    pagesWith[Problem(value: reference.value, tag: reference.tag, missingPath: path), default: []].append(outputPath)
                    continue
                }
                if !fragment.isEmpty, reference.tag == "a", let targetPage = context.pages[target], !targetPage.ids.contains(fragment) {
                    let place = target == outputPath ? "the page" : "`\(CheckContext.url(ofOutputPath: target))`"
                    pagesWith[Problem(value: reference.value, tag: reference.tag, anchorProblem: "\(place) has no anchor `#\(fragment)`"),
                              default: []].append(outputPath)
                }
            }
        }
        return pagesWith.map { problem, pages in
            let (path, location) = locate(problem.value, pages: pages.sorted(), context: context)
            let on = pages.count == 1 ? "on `\(CheckContext.url(ofOutputPath: pages[0]))`" : "on \(pages.count) pages"
            let isFile = Self.isFile(problem.tag)
            let message: String
            if let anchorProblem = problem.anchorProblem {
                message = "link `\(problem.value)` (\(on)): \(anchorProblem)"
            } else if let missing = problem.missingPath, isFile {
                let advice = missing.hasPrefix("/assets/") ? "; add it as `\(context.templatesRoot)\(missing)`" : ""
                message = "`\(problem.value)` (\(on)) does not exist: the site has no file at `\(missing)`\(advice)"
            } else {
                message = "link `\(problem.value)` (\(on)) leads nowhere: the site has no page at `\(problem.missingPath ?? problem.value)`"
            }
            return CheckFinding(isFile ? .missingFile : .brokenLink, path, location, message)
        }
    }

    private static func isFile(_ tag: String) -> Bool { tag != "a" && tag != "area" }

    /// The template that writes the address, else the `site.yml` menu entry, else the first
    /// entry page it appears on, else the templates folder.
    private func locate(_ value: String, pages: [String], context: CheckContext) -> (String, SourceLocation) {
        if let found = context.sourceLocation(ofAttributeValue: value) { return found }
        if let settings = context.settings,
           let index = (context.site.config.nav ?? []).firstIndex(where: { $0.url == value }),
           let location = context.settingsLocations["nav[\(index)].url"] {
            return (settings.displayPath, location)
        }
        if let entry = pages.lazy.compactMap({ context.entryByOutputPath[$0] }).first {
            return (context.entries[entry].displayPath, .start)
        }
        return (context.templatesRoot, .start)
    }
}
