import Foundation
import GuideContent
import GuideMarkdown
import GuideSite
import GuideSupport

/// Any entry of the built site (certification, question or page), seen the same way by every
/// check: its file, URL, title and the facts that checks look at.
struct CheckedEntry: Sendable {
    var displayPath: String
    var url: String
    var title: String
    /// The front-matter key that holds the title (`title`, or `question` for a question).
    var titleKey: String
    var summary: String?
    var verified: Day?
    var sources: [SourceLink]?
    var isCertification: Bool { certification != nil }
    /// The front matter, for the checks of a certification's facts.
    var certification: CertificationFrontMatter?
    var locations: [String: SourceLocation]
    var document: MarkdownDocument
    var body: String
    var bodyFirstLine: Int

    init<Front>(_ entry: Entry<Front>, url: String, document: MarkdownDocument) {
        displayPath = entry.displayPath
        self.url = url
        self.document = document
        locations = entry.locations
        body = entry.body
        bodyFirstLine = entry.bodyFirstLine
        titleKey = "title"
        switch entry.frontMatter {
        case let front as CertificationFrontMatter:
            (title, summary, verified, sources, certification) = (front.title, front.summary, front.verified, front.sources, front)
        case let front as FAQFrontMatter:
            (title, titleKey, verified, sources) = (front.question, "question", front.verified, front.sources)
        case let front as PageFrontMatter:
            (title, summary, verified, sources) = (front.title, front.summary, front.verified, front.sources)
        default:
            title = entry.slug
        }
    }

    static func all(in site: Site) -> [CheckedEntry] {
        site.certifications.map { CheckedEntry($0.entry, url: $0.url, document: $0.document) }
            + site.faqs.map { CheckedEntry($0.entry, url: $0.url, document: $0.document) }
            + site.pages.map { CheckedEntry($0.entry, url: $0.url, document: $0.document) }
    }

    func location(of key: String) -> SourceLocation {
        locations[key] ?? .start
    }

    /// Where the address of the `index`th link of the body is written, so an editor lands on
    /// the address itself. cmark gives the position of the link's `[` (or of its paragraph, in
    /// older versions); the address is found from there.
    func location(ofLink index: Int) -> SourceLocation {
        let link = document.links[index]
        // Earlier links with the same address and position (a paragraph position) take the earlier matches.
        let earlier = document.links[..<index].filter { $0.destination == link.destination && $0.location == link.location }.count
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let firstLine = link.location.line - bodyFirstLine
        guard !link.destination.isEmpty, firstLine >= 0, firstLine < lines.count else { return link.location }
        let first = lines[firstLine]
        // cmark counts columns in bytes.
        let startColumn = first.utf8.index(first.startIndex, offsetBy: link.location.column - 1, limitedBy: first.endIndex) ?? first.startIndex
        for pattern in ["](\(link.destination)", "](<\(link.destination)", "]: \(link.destination)", link.destination] {
            var remaining = earlier
            for lineIndex in firstLine..<lines.count {
                let line = lines[lineIndex]
                var searchFrom = lineIndex == firstLine ? startColumn : line.startIndex
                while let found = line.range(of: pattern, range: searchFrom..<line.endIndex) {
                    if remaining == 0 {
                        let column = line.distance(from: line.startIndex, to: found.lowerBound) + pattern.count - link.destination.count + 1
                        return SourceLocation(line: lineIndex + bodyFirstLine, column: column)
                    }
                    remaining -= 1
                    searchFrom = found.upperBound
                }
            }
        }
        return link.location
    }
}
