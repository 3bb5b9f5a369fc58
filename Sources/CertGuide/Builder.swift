import Foundation

/// Where a build reads and writes, and how.
public struct BuildOptions: Sendable {
    public var contentDirectory: URL
    public var templatesDirectory: URL
    public var outputDirectory: URL
    public var includeDrafts: Bool
    /// Replaces `base_url` of `site.yml` (for previews and staging hosts).
    public var baseURL: String?
    public var fileSystem: FileSystem
    /// When the search index is split into shards.
    public var search: SearchIndexOptions
    /// Told as each stage starts, so a long build can show where it is. Never called for
    /// results: those are returned.
    public var progress: (@Sendable (BuildStage) -> Void)?

    public init(
        contentDirectory: URL, templatesDirectory: URL, outputDirectory: URL,
        includeDrafts: Bool = false, baseURL: String? = nil, fileSystem: FileSystem = .local,
        search: SearchIndexOptions = .init()
    ) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.fileSystem = fileSystem
        self.search = search
    }
}

/// The stages of a build, in order, as `BuildOptions.progress` reports them.
public enum BuildStage: Sendable, Equatable {
    case loading
    case rendering(entries: Int)
    case writing(files: Int)
}

/// What a finished build did, for the one-line summary.
public struct BuildReport: Sendable {
    public var pages: Int
    public var files: Int
    public var certifications: Int
    public var faqs: Int
    public var freePages: Int
    public var milliseconds: Int
    /// The part of `milliseconds` spent building the search index.
    public var searchIndexMilliseconds: Int
    public var output: URL
}

/// The whole pipeline: load -> model -> render -> write. Never prints, never exits.
public struct Builder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site in memory: every file that `build()` would write.
    public func generate() throws(DiagnosticsError) -> (Site, [OutputFile]) {
        let (site, files, _) = try generateTimed()
        return (site, files)
    }

    /// `generate()`, with the milliseconds the search index took.
    private func generateTimed() throws(DiagnosticsError) -> (Site, [OutputFile], Int) {
        let loader = ContentLoader(contentDirectory: options.contentDirectory, displayRoot: options.contentDirectory.relativePath,
                                   includeDrafts: options.includeDrafts, fileSystem: options.fileSystem)
        // Load content and templates both before failing, so one run shows every problem.
        var diagnostics: [Diagnostic] = []
        options.progress?(.loading)
        let (content, loadProblems) = loader.loadPartially()
        diagnostics += loadProblems
        var templates: TemplateLibrary?
        do {
            templates = try TemplateLibrary(directory: options.templatesDirectory, displayRoot: options.templatesDirectory.relativePath,
                                            fileSystem: options.fileSystem)
        } catch { diagnostics += error.diagnostics }
        if let baseURL = options.baseURL, URL(string: baseURL)?.scheme?.hasPrefix("http") != true {
            diagnostics.append(.error("--base-url", .start, "`\(baseURL)` is not an absolute http(s) URL"))
        }
        var site: Site?
        if let content {
            do { site = try SiteBuilder(baseURLOverride: options.baseURL).build(content) } catch { diagnostics += error.diagnostics }
        }
        guard let site, let templates, !diagnostics.hasErrors else { throw DiagnosticsError(diagnostics) }

        let start = DispatchTime.now()
        let search = SearchIndexFiles(site: site, options: options.search)
        let searchTime = Self.milliseconds(since: start)
        options.progress?(.rendering(entries: site.certifications.count + site.faqs.count + site.pages.count))
        var files = try SiteRenderer(templates: templates).render(site, search: search)
        files += try assets()
        return (site, files.sorted { $0.path < $1.path }, searchTime)
    }

    /// Builds and swaps the result into the output folder. With `strictCheckAsOf`, the checks
    /// of `certguide check` run first, as of that day, and any error or warning stops the build
    /// before anything is written.
    public func build(strictCheckAsOf today: Day? = nil) throws -> BuildReport {
        let start = DispatchTime.now()
        try checkOutputIsSafe()
        let (site, files, searchTime) = try generateTimed()
        if let today {
            let report = SiteChecker(options: options, today: today).check(site: site, files: files)
            if report.failed(strict: true) { throw DiagnosticsError(report.diagnostics) }
        }
        options.progress?(.writing(files: files.count))
        try OutputWriter(output: options.outputDirectory).write(files)
        return BuildReport(pages: files.filter(\.isPage).count, files: files.count,
                           certifications: site.certifications.count, faqs: site.faqs.count, freePages: site.pages.count,
                           milliseconds: Self.milliseconds(since: start), searchIndexMilliseconds: searchTime,
                           output: options.outputDirectory)
    }

    private static func milliseconds(since start: DispatchTime) -> Int {
        Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
    }

    /// `Templates/assets/**` is copied to `assets/**`, scripts without their comment lines.
    private func assets() throws(DiagnosticsError) -> [OutputFile] {
        let folder = options.templatesDirectory.appendingPathComponent("assets")
        guard options.fileSystem.exists(folder) else { return [] }
        do {
            return try options.fileSystem.listFiles(folder).map { path in
                Self.asset(path, try options.fileSystem.read(folder.appendingPathComponent(path)))
            }
        } catch {
            throw DiagnosticsError([.error(options.templatesDirectory.relativePath + "/assets", .start,
                                          "cannot copy assets: \(ContentLoader.reason(error))")])
        }
    }

    /// The published form of `Templates/assets/<path>`: scripts lose their comment lines.
    public static func asset(_ path: String, _ data: Data) -> OutputFile {
        if path.hasSuffix(".js"), let source = String(data: data, encoding: .utf8) {
            return OutputFile(path: "assets/\(path)", text: ScriptCompactor.compact(source))
        }
        return OutputFile(path: "assets/\(path)", contents: data)
    }

    /// The output folder is replaced whole: refuse one that holds the sources.
    private func checkOutputIsSafe() throws(DiagnosticsError) {
        let output = options.outputDirectory.standardizedFileURL.path
        for (name, source) in [("content", options.contentDirectory), ("templates", options.templatesDirectory)] {
            let path = source.standardizedFileURL.path
            if path == output || path.hasPrefix(output + "/") || output == "/" {
                throw DiagnosticsError([.error("--output", .start,
                    "output folder `\(options.outputDirectory.relativePath)` holds the \(name) folder and would be replaced; choose another")])
            }
        }
    }
}
