import Foundation

/// Runs every check over a site built in memory. Never prints, never exits, never reads the
/// clock: `today` decides what is stale, so the same input gives the same report.
public struct SiteChecker: Sendable {
    public var options: BuildOptions
    public var today: Day

    public init(options: BuildOptions, today: Day) {
        self.options = options
        self.today = today
    }

    static let checks: [any SiteCheck] = [
        InternalLinkCheck(), TemplateLinkCheck(), ImageAltTextCheck(), StaleEntryCheck(), FutureVerifiedCheck(),
        MissingSourcesCheck(), OrphanPageCheck(), DuplicateTitleCheck(), SummaryLengthCheck(),
    ]

    /// Builds the site in memory and checks it; a site that does not build is reported with
    /// its build errors, since the other checks need the built pages.
    public func run() -> CheckReport {
        do {
            return check(try Builder(options: options).generate(cache: nil))
        } catch {
            return CheckReport(findings: error.diagnostics.map { CheckFinding($0.severity == .error ? .buildError : .buildWarning, $0) },
                               externalLinks: [], size: nil)
        }
    }

    /// Checks a site already built (by `build --strict`, which then writes the same files),
    /// with the warnings of its build.
    public func check(_ generated: GeneratedSite) -> CheckReport {
        var report = check(site: generated.site, files: generated.files)
        report.findings = (generated.warnings.map { CheckFinding(.buildWarning, $0) } + report.findings)
            .sorted { Self.isOrdered($0.diagnostic, $1.diagnostic) }
        return report
    }

    public func check(site: Site, files: [OutputFile]) -> CheckReport {
        let (settings, settingsLocations) = loadSettings()
        let context = CheckContext(site: site, files: files, today: today, templates: loadTemplates(),
                                   templatesRoot: Self.display(options.templatesDirectory), settings: settings,
                                   settingsLocations: settingsLocations)
        let findings = Self.checks.flatMap { $0.run(context) }
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
        let folder = options.templatesDirectory
        let paths = (try? options.fileSystem.listFiles(folder)) ?? []
        return paths.filter { $0.hasSuffix(".mustache") }.compactMap { path in
            guard let data = try? options.fileSystem.read(folder.appendingPathComponent(path)) else { return nil }
            return CheckContext.SourceFile(displayPath: "\(Self.display(folder))/\(path)", text: String(decoding: data, as: UTF8.self))
        }
    }

    /// `site.yml` again, for the locations of its values (the build keeps only the values).
    private func loadSettings() -> (CheckContext.SourceFile?, [String: SourceLocation]) {
        let url = options.contentDirectory.appendingPathComponent("site.yml")
        let root = Self.display(options.contentDirectory)
        let displayPath = root == "." ? "site.yml" : "\(root)/site.yml"
        guard let data = try? options.fileSystem.read(url) else { return (nil, [:]) }
        let text = String(decoding: data, as: UTF8.self)
        let decoded = FrontMatterDecoder(path: displayPath, firstLine: 1).decode(SiteConfig.self, from: text, schema: SiteConfig.schema)
        let locations = (try? decoded.get().locations) ?? [:]
        return (CheckContext.SourceFile(displayPath: displayPath, text: text), locations)
    }
}
