import Foundation
import GuideSupport

/// Reads `Content/` into typed entries: `site.yml`, then every Markdown file under
/// `certifications/`, `faq/` and `pages/`. Collects every problem of every file before failing.
public struct ContentLoader: Sendable {
    /// Page slugs the generator needs for its own URLs (the content model lists them; a test
    /// holds them to the site's `SiteURL.generatedPages`, which the site stage owns).
    public static let reservedSlugs: Set<String> = ["certifications", "faq", "compare", "topics", "search", "a-z", "sources", "api", "assets", "404"]

    public var contentDirectory: URL
    /// How the content folder is named in messages (as the user typed it).
    public var displayRoot: String
    public var includeDrafts: Bool
    public var fileSystem: FileSystem
    /// Entries of files unchanged since the last load come from here instead of being decoded.
    public var cache: (any StageCache)?

    public init(contentDirectory: URL, displayRoot: String? = nil, includeDrafts: Bool = false, fileSystem: FileSystem = .local,
                cache: (any StageCache)? = nil) {
        self.contentDirectory = contentDirectory
        self.displayRoot = displayRoot ?? contentDirectory.relativePath
        self.includeDrafts = includeDrafts
        self.fileSystem = fileSystem
        self.cache = cache
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
        let (config, configFingerprint) = loadConfig(into: &diagnostics)
        var certifications = loadEntries("certifications", CertificationFrontMatter.self, schema: CertificationFrontMatter.schema, paths: &paths, into: &diagnostics)
        var faqs = loadEntries("faq", FAQFrontMatter.self, schema: FAQFrontMatter.schema, paths: &paths, into: &diagnostics)
        var pages = loadEntries("pages", PageFrontMatter.self, schema: PageFrontMatter.schema, paths: &paths, into: &diagnostics)

        if !includeDrafts {
            certifications.removeAll { $0.frontMatter.draft == true }
            faqs.removeAll { $0.frontMatter.draft == true }
            pages.removeAll { $0.frontMatter.draft == true }
        }
        let certificationSlugs = Set(paths.filter { $0.hasPrefix("certifications/") }.compactMap { Slug.ofFile(atPath: $0) })
        diagnostics += RelationValidator(certifications: certifications, faqs: faqs, pages: pages, certificationSlugs: certificationSlugs).problems()
        cache?.keepFiles(paths)
        return (config.map { SiteContent(config: $0, certifications: certifications, faqs: faqs, pages: pages, allPaths: paths,
                                         configFingerprint: configFingerprint) }, diagnostics)
    }

    private func display(_ relative: String) -> String {
        displayRoot.isEmpty || displayRoot == "." ? relative : "\(displayRoot)/\(relative)"
    }

    private func readBytes(_ relative: String, into diagnostics: inout [Diagnostic]) -> Data? {
        do {
            return try fileSystem.read(contentDirectory.appendingPathComponent(relative))
        } catch {
            diagnostics.append(.error(display(relative), .start, "cannot read file: \(FileSystem.reason(error))"))
            return nil
        }
    }

    private func decodeSource(_ data: Data, _ relative: String, into diagnostics: inout [Diagnostic]) -> SourceText? {
        switch SourceText.decode(data, path: display(relative)) {
        case .success(let source): return source
        case .failure(let problem): diagnostics.append(problem); return nil
        }
    }

    private func loadConfig(into diagnostics: inout [Diagnostic]) -> (SiteConfig?, Fingerprint) {
        let name = "site.yml"
        guard fileSystem.exists(contentDirectory.appendingPathComponent(name)) else {
            diagnostics.append(.error(display(name), .start,
                "no site settings: create `\(display(name))` with at least `title`, `base_url` and `description`"))
            return (nil, Fingerprint())
        }
        guard let data = readBytes(name, into: &diagnostics), let source = decodeSource(data, name, into: &diagnostics) else {
            return (nil, Fingerprint())
        }
        let decoder = FrontMatterDecoder(path: display(name), firstLine: 1)
        switch decoder.decode(SiteConfig.self, from: source.text, schema: SiteConfig.schema) {
        case .success(let decoded):
            return (decoded.value, Fingerprint(source.text))
        case .failure(let error):
            diagnostics += error.diagnostics
            return (nil, Fingerprint())
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
            diagnostics.append(.error(display(folder), .start, "cannot list folder: \(FileSystem.reason(error))"))
            return []
        }
        var seen: [String: String] = [:]
        var candidates: [(relative: String, slug: String)] = []
        for file in files {
            let relative = "\(folder)/\(file)"
            let name = String(file.split(separator: "/").last?.dropLast(3) ?? "")
            guard let slug = Slug.ofFile(named: name) else {
                diagnostics.append(.error(display(relative), .start,
                    "file name `\(name).md` cannot be a URL; use lowercase letters, digits and hyphens"))
                continue
            }
            // An accent or a capital is no reason to refuse an entry: it is published at the
            // name's ASCII form, and the warning says so, since the two now differ.
            if slug != name {
                diagnostics.append(.warning(display(relative), .start,
                    "file name `\(name).md` is published at the URL slug `\(slug)`; rename the file `\(slug).md` so the name and the URL agree"))
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
        let root = contentDirectory.path
        for result in candidates.parallelMap({ loadEntryReusing($0.relative, slug: $0.slug, type, schema: schema, root: root) }) {
            switch result {
            case .success(let entry): entries.append(entry)
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        return entries
    }

    /// One entry file read again, as `loadPartially` reads it (the cache learns of it too):
    /// the preview's way to take in the edit of one body without listing the folders.
    public func reload<Front: Decodable & Sendable>(_ relative: String, as type: Front.Type, schema: KeySchema) -> Result<Entry<Front>, DiagnosticsError> {
        return loadEntryReusing(relative, slug: Slug.ofFile(atPath: relative) ?? "", type, schema: schema, root: contentDirectory.path)
    }

    /// The entry of a file, from the cache when the file is unchanged since it was last read.
    /// A stamp newer than a second before that read is not trusted (a write in the same clock
    /// tick keeps the stamp): then the bytes are read and compared.
    /// - Parameter root: `contentDirectory.path`, made once for all the files.
    private func loadEntryReusing<Front: Decodable & Sendable>(
        _ relative: String, slug: String, _ type: Front.Type, schema: KeySchema, root: String
    ) -> Result<Entry<Front>, DiagnosticsError> {
        guard let cache else { return loadEntry(relative, slug: slug, type, schema: schema, data: nil) }
        let stamp = fileSystem.stamp(root + "/" + relative)
        let old = cache.loadedFile(relative)
        if let old, let stamp, old.stamp == stamp, stamp.modified < old.readAt - 1_000_000_000,
           let result = old.result as? Result<Entry<Front>, DiagnosticsError> {
            return result
        }
        let readAt = Int(Date().timeIntervalSince1970 * 1_000_000_000)
        var problems: [Diagnostic] = []
        guard let data = readBytes(relative, into: &problems) else { return .failure(DiagnosticsError(problems)) }
        var content = Fingerprint()
        content.add(bytes: data)
        if let old, old.content == content, let result = old.result as? Result<Entry<Front>, DiagnosticsError> {
            cache.remember(file: relative, .init(stamp: stamp, readAt: readAt, content: content, result: result))
            return result
        }
        let result = loadEntry(relative, slug: slug, type, schema: schema, data: data)
        cache.remember(file: relative, .init(stamp: stamp, readAt: readAt, content: content, result: result))
        return result
    }

    private func loadEntry<Front: Decodable & Sendable>(
        _ relative: String, slug: String, _ type: Front.Type, schema: KeySchema, data: Data?
    ) -> Result<Entry<Front>, DiagnosticsError> {
        var problems: [Diagnostic] = []
        guard let data = data ?? readBytes(relative, into: &problems), let source = decodeSource(data, relative, into: &problems) else {
            return .failure(DiagnosticsError(problems))
        }
        let split: FrontMatter
        switch FrontMatter.split(source, path: display(relative)) {
        case .success(let value): split = value
        case .failure(let problem): return .failure(DiagnosticsError([problem]))
        }
        return FrontMatterDecoder(path: display(relative), firstLine: split.yamlFirstLine)
            .decode(type, from: split.yaml, schema: schema)
            .map { decoded in
                var entry = Entry(slug: slug, path: relative, displayPath: display(relative), frontMatter: decoded.value,
                                  body: split.body, bodyFirstLine: split.bodyFirstLine, locations: decoded.locations)
                entry.frontMatterFingerprint = Fingerprint(relative, String(split.yamlFirstLine), split.yaml)
                entry.bodyFingerprint = Fingerprint(relative, String(split.bodyFirstLine), split.body)
                return entry
            }
    }

}
