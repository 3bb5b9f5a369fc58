import Foundation
import GuideContent
import GuideSite
import GuideSupport

/// Runs every check over a site built in memory. Never prints, never exits, never reads the
/// clock: `today` decides what is stale, so the same input gives the same report.
public struct SiteChecker: Sendable {
    /// Where `site.yml` and the templates are read again, for the locations of their values.
    public var contentDirectory: URL
    public var templatesDirectory: URL
    public var fileSystem: FileSystem
    public var today: Day

    public init(contentDirectory: URL, templatesDirectory: URL, fileSystem: FileSystem = .local, today: Day) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.fileSystem = fileSystem
        self.today = today
    }

    static let checks: [any SiteCheck] = [
        InternalLinkCheck(), TemplateLinkCheck(), ImageAltTextCheck(), StaleEntryCheck(), FutureVerifiedCheck(),
        MissingSourcesCheck(), IssuerSourceCheck(), ArticleOnlyFactCheck(), SourceAddressCheck(), OrphanPageCheck(), DuplicateTitleCheck(), SummaryLengthCheck(),
    ]

    /// Checks a site built in memory from its pages, with the warnings of its build.
    public func check(site: Site, files: [OutputFile], buildWarnings: [Diagnostic] = []) -> CheckReport {
        let (settings, settingsLocations) = loadSettings()
        let context = CheckContext(site: site, files: files, today: today, templates: loadTemplates(),
                                   templatesRoot: Self.display(templatesDirectory), settings: settings,
                                   settingsLocations: settingsLocations)
        let findings = buildWarnings.map { CheckFinding(.buildWarning, $0) } + Self.checks.flatMap { $0.run(context) }
        let size = CheckReport.Size(pages: files.filter(\.isPage).count - context.redirects.count, certifications: site.certifications.count,
                                    faqs: site.faqs.count, freePages: site.pages.count)
        return CheckReport(findings: findings.sorted { Self.isOrdered($0.diagnostic, $1.diagnostic) },
                           externalLinks: ExternalLink.all(in: context), size: size)
    }

    private static func isOrdered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if a.location != b.location { return a.location < b.location }
        return a.message < b.message
    }

    private static func display(_ folder: URL) -> String {
        let path = folder.relativePath
        return path.isEmpty ? "." : path
    }

    private func loadTemplates() -> [CheckContext.SourceFile] {
        let folder = templatesDirectory
        let paths = (try? fileSystem.listFiles(folder)) ?? []
        return paths.filter { $0.hasSuffix(".mustache") }.compactMap { path in
            guard let data = try? fileSystem.read(folder.appendingPathComponent(path)) else { return nil }
            return CheckContext.SourceFile(displayPath: "\(Self.display(folder))/\(path)", text: String(decoding: data, as: UTF8.self))
        }
    }

    /// `site.yml` again, for the locations of its values (the build keeps only the values).
    private func loadSettings() -> (CheckContext.SourceFile?, [String: SourceLocation]) {
        let url = contentDirectory.appendingPathComponent("site.yml")
        let root = Self.display(contentDirectory)
        let displayPath = root == "." ? "site.yml" : "\(root)/site.yml"
        guard let data = try? fileSystem.read(url) else { return (nil, [:]) }
        let text = String(decoding: data, as: UTF8.self)
        let decoded = FrontMatterDecoder(path: displayPath, firstLine: 1).decode(SiteConfig.self, from: text, schema: SiteConfig.schema)
        let locations = (try? decoded.get().locations) ?? [:]
        return (CheckContext.SourceFile(displayPath: displayPath, text: text), locations)
    }
}
