import Foundation
import GuideContent
import GuideSite
import GuideSupport

/// Everything the checks look at, worked out once: the built files, every HTML page scanned,
/// the entries, and the template and settings sources that diagnostics point into.
struct CheckContext: Sendable {
    /// A source file that is not an entry (a template, `site.yml`), for locating what it writes.
    struct SourceFile: Sendable {
        var displayPath: String
        var text: String
    }

    let site: Site
    let today: Day
    /// Every output path (`faq/x/index.html`, `assets/site.css`).
    let files: Set<String>
    /// Every HTML page, scanned, by output path.
    let pages: [String: ScannedHTML]
    /// Output paths of the alias redirect pages: not pages of their own.
    let redirects: Set<String>
    let entries: [CheckedEntry]
    /// Which entry each output path comes from.
    let entryByOutputPath: [String: Int]
    let templates: [SourceFile]
    let templatesRoot: String
    let settings: SourceFile?
    /// Where each value of `site.yml` is (`nav[2].url`, `description`).
    let settingsLocations: [String: SourceLocation]

    init(site: Site, files: [OutputFile], today: Day, templates: [SourceFile], templatesRoot: String,
         settings: SourceFile?, settingsLocations: [String: SourceLocation]) {
        self.site = site
        self.today = today
        self.files = Set(files.map(\.path))
        var pages: [String: ScannedHTML] = [:]
        for file in files where file.isPage {
            pages[file.path] = ScannedHTML(String(decoding: file.contents, as: UTF8.self))
        }
        self.pages = pages
        let aliases = site.certifications.flatMap { $0.entry.frontMatter.aliases ?? [] }
            + site.faqs.flatMap { $0.entry.frontMatter.aliases ?? [] } + site.pages.flatMap { $0.entry.frontMatter.aliases ?? [] }
        redirects = Set(aliases.map { SiteURL.outputPath(for: URLPath.normalizedFolder($0)) })
        entries = CheckedEntry.all(in: site)
        entryByOutputPath = Dictionary(entries.enumerated().map { (SiteURL.outputPath(for: $1.url), $0) }, uniquingKeysWith: { a, _ in a })
        self.templates = templates
        self.templatesRoot = templatesRoot
        self.settings = settings
        self.settingsLocations = settingsLocations
    }

    func resolve(_ address: String, from pageURL: String) -> SiteAddress {
        SiteAddress.resolve(address, from: pageURL, baseURL: site.baseURL)
    }

    /// The output file a site path is served from, if there is one. `/faq/x` is served by
    /// `faq/x/index.html` too, as static hosts redirect a folder without its slash.
    func outputPath(for path: String) -> String? {
        let candidate = SiteURL.outputPath(for: path)
        if files.contains(candidate) { return candidate }
        if !path.hasSuffix("/"), files.contains(candidate + "/index.html") { return candidate + "/index.html" }
        return nil
    }

    /// The URL a page is read at (`faq/x/index.html` -> `/faq/x/`), to resolve its relative links.
    static func url(ofOutputPath path: String) -> String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
        return "/" + path
    }

    /// Where a template or `site.yml` writes `text` as an attribute value, for diagnostics.
    func sourceLocation(ofAttributeValue text: String) -> (String, SourceLocation)? {
        for template in templates {
            for quoted in ["\"\(text)\"", "'\(text)'"] {
                if let location = Self.find(quoted, in: template.text) {
                    return (template.displayPath, SourceLocation(line: location.line, column: location.column + 1))
                }
            }
        }
        return nil
    }

    /// The 1-based line and column of the first occurrence of `needle`.
    static func find(_ needle: String, in text: String) -> SourceLocation? {
        guard let range = text.range(of: needle) else { return nil }
        let before = text[..<range.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return SourceLocation(line: line, column: before.distance(from: lineStart, to: before.endIndex) + 1)
    }
}
