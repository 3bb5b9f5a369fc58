import Foundation

/// Reads `Content/` into typed entries: `site.yml`, then every Markdown file under
/// `certifications/`, `faq/` and `pages/`. Collects every problem of every file before failing.
public struct ContentLoader: Sendable {
    /// Page slugs the generator needs for its own URLs.
    public static let reservedSlugs: Set<String> = ["certifications", "faq", "compare", "topics", "search", "api", "assets", "404"]

    public var contentDirectory: URL
    /// How the content folder is named in messages (as the user typed it).
    public var displayRoot: String
    public var includeDrafts: Bool
    public var fileSystem: FileSystem

    public init(contentDirectory: URL, displayRoot: String? = nil, includeDrafts: Bool = false, fileSystem: FileSystem = .local) {
        self.contentDirectory = contentDirectory
        self.displayRoot = displayRoot ?? contentDirectory.relativePath
        self.includeDrafts = includeDrafts
        self.fileSystem = fileSystem
    }

    /// Everything, or every problem.
    public func load() throws(DiagnosticsError) -> SiteContent {
        let (content, diagnostics) = loadPartially()
        guard let content, !diagnostics.hasErrors else { throw DiagnosticsError(diagnostics) }
        return content
    }

    /// The entries that loaded, with the problems of those that did not, so that later stages
    /// can still check the good ones and a build reports all its problems in one run. The
    /// content is nil only when `site.yml` itself is unusable.
    public func loadPartially() -> (SiteContent?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var paths = Set<String>()
        let config = loadConfig(into: &diagnostics)
        var certifications = loadEntries("certifications", CertificationFrontMatter.self, schema: CertificationFrontMatter.schema, paths: &paths, into: &diagnostics)
        var faqs = loadEntries("faq", FAQFrontMatter.self, schema: FAQFrontMatter.schema, paths: &paths, into: &diagnostics)
        var pages = loadEntries("pages", PageFrontMatter.self, schema: PageFrontMatter.schema, paths: &paths, into: &diagnostics)

        if !includeDrafts {
            certifications.removeAll { $0.frontMatter.draft == true }
            faqs.removeAll { $0.frontMatter.draft == true }
            pages.removeAll { $0.frontMatter.draft == true }
        }
        let certificationSlugs = Set(paths.filter { $0.hasPrefix("certifications/") }.map { String($0.split(separator: "/").last!.dropLast(3)) })
        diagnostics += RelationValidator(certifications: certifications, faqs: faqs, pages: pages, certificationSlugs: certificationSlugs).problems()
        return (config.map { SiteContent(config: $0, certifications: certifications, faqs: faqs, pages: pages, allPaths: paths) }, diagnostics)
    }

    private func display(_ relative: String) -> String {
        displayRoot.isEmpty || displayRoot == "." ? relative : "\(displayRoot)/\(relative)"
    }

    private func readSource(_ relative: String, into diagnostics: inout [Diagnostic]) -> SourceText? {
        let url = contentDirectory.appendingPathComponent(relative)
        let data: Data
        do {
            data = try fileSystem.read(url)
        } catch {
            diagnostics.append(.error(display(relative), .start, "cannot read file: \(Self.reason(error))"))
            return nil
        }
        switch SourceText.decode(data, path: display(relative)) {
        case .success(let source): return source
        case .failure(let problem): diagnostics.append(problem); return nil
        }
    }

    private func loadConfig(into diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let name = "site.yml"
        guard fileSystem.exists(contentDirectory.appendingPathComponent(name)) else {
            diagnostics.append(.error(display(name), .start,
                "no site settings: create `\(display(name))` with at least `title`, `base_url` and `description`"))
            return nil
        }
        guard let source = readSource(name, into: &diagnostics) else { return nil }
        let decoder = FrontMatterDecoder(path: display(name), firstLine: 1)
        switch decoder.decode(SiteConfig.self, from: source.text, schema: SiteConfig.schema) {
        case .success(let decoded):
            return decoded.value
        case .failure(let error):
            diagnostics += error.diagnostics
            return nil
        }
    }

    private func loadEntries<Front: Decodable & Sendable>(
        _ folder: String, _ type: Front.Type, schema: KeySchema, paths: inout Set<String>, into diagnostics: inout [Diagnostic]
    ) -> [Entry<Front>] {
        let folderURL = contentDirectory.appendingPathComponent(folder)
        guard fileSystem.exists(folderURL) else { return [] }
        let files: [String]
        do {
            files = try fileSystem.listFiles(folderURL).filter { $0.hasSuffix(".md") }
        } catch {
            diagnostics.append(.error(display(folder), .start, "cannot list folder: \(Self.reason(error))"))
            return []
        }
        var seen: [String: String] = [:]
        var candidates: [(relative: String, slug: String)] = []
        for file in files {
            let relative = "\(folder)/\(file)"
            let slug = String(file.split(separator: "/").last!.dropLast(3))
            guard slug.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }), !slug.isEmpty else {
                diagnostics.append(.error(display(relative), .start,
                    "file name `\(slug).md` cannot be a URL; use lowercase letters, digits and hyphens"))
                continue
            }
            paths.insert(relative)
            if let other = seen[slug] {
                diagnostics.append(.error(display(relative), .start,
                    "duplicate slug `\(slug)`: `\(display(other))` already uses it; rename one file"))
                continue
            }
            seen[slug] = relative
            if folder == "pages", Self.reservedSlugs.contains(slug) {
                diagnostics.append(.error(display(relative), .start, "page slug `\(slug)` is a URL the generator uses itself; rename the file"))
                continue
            }
            candidates.append((relative, slug))
        }
        // Files are independent: read and decode them on every core, keep the listing's order.
        var entries: [Entry<Front>] = []
        for result in candidates.parallelMap({ loadEntry($0.relative, slug: $0.slug, type, schema: schema) }) {
            switch result {
            case .success(let entry): entries.append(entry)
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        return entries
    }

    private func loadEntry<Front: Decodable & Sendable>(
        _ relative: String, slug: String, _ type: Front.Type, schema: KeySchema
    ) -> Result<Entry<Front>, DiagnosticsError> {
        var problems: [Diagnostic] = []
        guard let source = readSource(relative, into: &problems) else { return .failure(DiagnosticsError(problems)) }
        let split: FrontMatter
        switch FrontMatter.split(source, path: display(relative)) {
        case .success(let value): split = value
        case .failure(let problem): return .failure(DiagnosticsError([problem]))
        }
        return FrontMatterDecoder(path: display(relative), firstLine: split.yamlFirstLine)
            .decode(type, from: split.yaml, schema: schema)
            .map { decoded in
                Entry(slug: slug, path: relative, displayPath: display(relative), frontMatter: decoded.value,
                      body: split.body, bodyFirstLine: split.bodyFirstLine, locations: decoded.locations)
            }
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoPermissionError { return "permission denied" }
        return nsError.localizedDescription
    }
}
