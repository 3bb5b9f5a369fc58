import CSystem
import DefaultTemplates
import Foundation
import GuideCheck
import GuideContent
import GuideRender
import GuideSearch
import GuideSite
import GuideSupport

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
    /// Pages name each asset with a hash of its content (`/assets/site.css?v=…`, `SiteLinks`).
    /// The preview turns this off: there a stylesheet edit restyles the open pages without
    /// rendering every page again, and it serves nothing to cache.
    public var versionedAssets = true
    /// The templates a file missing from `templatesDirectory` (or the whole folder) is taken
    /// from: by default the project's `Templates/`, built into certguide.
    public var defaultTemplates: [String: Data]

    public init(
        contentDirectory: URL, templatesDirectory: URL, outputDirectory: URL,
        includeDrafts: Bool = false, baseURL: String? = nil, fileSystem: FileSystem = .local,
        search: SearchIndexOptions = .init(), defaultTemplates: [String: Data] = DefaultTemplates.files
    ) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.fileSystem = fileSystem
        self.search = search
        self.defaultTemplates = defaultTemplates
    }

    /// `fileSystem` with the default templates under `templatesDirectory`, file by file: what
    /// templates, assets and the checks of templates are read through.
    public var templateFiles: FileSystem {
        fileSystem.overlaying(defaultTemplates, at: templatesDirectory)
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
    /// Where `milliseconds` went, stage by stage.
    public var timings: BuildTimings
    /// The part of `milliseconds` spent building the search index.
    public var searchIndexMilliseconds: Int { timings.milliseconds[.searchIndex] ?? 0 }
    public var output: URL
    /// Files written: all of them, or with `--incremental` those that changed.
    public var written: Int
    /// What loading found that does not stop a build (a file name published at another slug).
    public var warnings: [Diagnostic]
}

/// A site built in memory.
public struct GeneratedSite: Sendable {
    public var site: Site
    /// Every file, sorted by path.
    public var files: [OutputFile]
    /// Paths of the files made by this build; the others were reused unchanged from the cache.
    public var fresh: Set<String>
    /// How long loading, the site model, the search index and rendering took.
    public var timings: BuildTimings
    /// The search files are the previous build's (`generate(cache:deferSearch:)`).
    public var searchIsStale = false
    /// Files that changed but still hold their last version (`generate(cache:renderFirst:)`),
    /// until `completeDeferred` makes them.
    public var deferred = Set<String>()
    /// What loading found that does not stop a build.
    public var warnings: [Diagnostic] = []
    /// What `patchEntries` needs to render pages again without loading anything else.
    var templates: TemplateLibrary?
    var links = SiteLinks(searchManifest: "", assets: [])
}

extension GeneratedSite {
    /// Puts `made` in place of the files of the same paths, if all of them are in `files`;
    /// otherwise changes nothing and returns false.
    mutating func replace(_ made: [OutputFile]) -> Bool {
        // `files` is sorted by path.
        let positions = made.map { file in files.partitioningIndex { $0.path >= file.path } }
        guard zip(positions, made).allSatisfy({ $0 < files.count && files[$0].path == $1.path }) else { return false }
        for (position, file) in zip(positions, made) { files[position] = file }
        return true
    }
}

private extension Array {
    /// The first index whose element satisfies `belongs`, in an array where every element that
    /// does comes after every one that does not (binary search).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// The whole pipeline: load -> model -> render -> write. Never prints, never exits.
public struct Builder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site in memory: every file that `build()` would write.
    public func generate() throws(DiagnosticsError) -> (Site, [OutputFile]) {
        let generated = try generate(cache: nil)
        return (generated.site, generated.files)
    }

    /// Builds the site in memory, reusing from `cache` whatever the last build with it made
    /// from inputs that have not changed since, and leaving in it what this build made. The
    /// files are those a build without a cache makes, byte for byte.
    /// - Parameter deferSearch: with a cache that holds a search index, use that one as it is
    ///   and say so in `searchIsStale`, so the pages can be served before the index is redone
    ///   with `updatedSearchIndex`. Pages do not depend on the index's content.
    /// - Parameter renderFirst: with a cache, make only these files (and new ones) now, and
    ///   leave the other changed ones at their last version, listed in `deferred`, for
    ///   `completeDeferred` (`SiteRenderer.render(_:links:first:)`).
    public func generate(cache: BuildCache?, deferSearch: Bool = false, renderFirst: Set<String>? = nil) throws(DiagnosticsError) -> GeneratedSite {
        cache?.startBuild()
        let loader = ContentLoader(contentDirectory: options.contentDirectory, displayRoot: options.contentDirectory.relativePath,
                                   includeDrafts: options.includeDrafts, fileSystem: options.fileSystem, cache: cache)
        // Load content and templates both before failing, so one run shows every problem.
        var diagnostics: [Diagnostic] = []
        options.progress?(.loading)
        var timings = BuildTimings()
        let (content, loadProblems) = timings.time(.loading) { loader.loadPartially() }
        diagnostics += loadProblems
        var templates: TemplateLibrary?
        do {
            templates = try TemplateLibrary(directory: options.templatesDirectory, displayRoot: options.templatesDirectory.relativePath,
                                            fileSystem: options.templateFiles)
        } catch { diagnostics += error.diagnostics }
        if let baseURL = options.baseURL, URL(string: baseURL)?.scheme?.hasPrefix("http") != true {
            diagnostics.append(.error("--base-url", .start, "`\(baseURL)` is not an absolute http(s) URL"))
        }
        var site: Site?
        if let content {
            do {
                site = try timings.time(.siteModel) { () throws(DiagnosticsError) in
                    try SiteBuilder(baseURLOverride: options.baseURL, cache: cache).build(content)
                }
            } catch { diagnostics += error.diagnostics }
        }
        guard let site, let templates, !diagnostics.hasErrors else { throw DiagnosticsError(diagnostics) }

        let lastSearch = cache?.latest("search", as: SearchOutput.self)
        let deferred = deferSearch ? lastSearch : nil
        let lastSearchFiles = Set(lastSearch?.files.map(\.path) ?? [])
        let (search, searchIsNew) = if let deferred { (deferred, false) } else {
            try timings.time(.searchIndex) { () throws(DiagnosticsError) in try searchIndex(site, cache: cache) }
        }
        options.progress?(.rendering(entries: site.certifications.count + site.faqs.count + site.pages.count))
        let start = DispatchTime.now()
        let assets = try assets()
        let links = SiteLinks(searchManifest: search.manifestURL, assets: assets, versioned: options.versionedAssets)
        var (files, fresh, later) = try SiteRenderer(templates: templates, cache: cache)
            .render(site, links: links, first: renderFirst)
        files += search.files
        // Every search file but the manifest is named by a hash of its bytes: one the last build
        // made already holds these bytes, and need not be read back and compared (a one-body
        // edit at 10,000 certifications changes a few of 12,000).
        if searchIsNew {
            fresh.formUnion(search.files.map(\.path).filter { !lastSearchFiles.contains($0) || $0 == SearchIndexFiles.manifestPath })
        }
        for asset in assets {
            let (file, made) = cache.stage.value("file:\(asset.path)", key: Self.fingerprint(of: asset)) { asset }
            files.append(file)
            if made { fresh.insert(asset.path) }
        }
        cache?.finishBuild()
        files.sort { $0.path < $1.path }
        timings.set(.rendering, BuildTimings.milliseconds(since: start))
        return GeneratedSite(site: site, files: files, fresh: fresh, timings: timings,
                             searchIsStale: deferred != nil, deferred: later, warnings: diagnostics.sortedForDisplay(), templates: templates, links: links)
    }

    /// Makes the files `generate(cache:renderFirst:)` left at their last version, puts them in
    /// `generated`, and returns them. Made a few at a time: when `stop()` turns true in
    /// between (a newer save is waiting), it returns what it made, and the others stay in
    /// `deferred` for the next build, which would make them again anyway.
    public func completeDeferred(_ generated: inout GeneratedSite, cache: BuildCache, stop: () -> Bool = { false }) throws(DiagnosticsError) -> [OutputFile] {
        guard let templates = generated.templates else { return [] }
        let renderer = SiteRenderer(templates: templates, cache: cache)
        var made: [OutputFile] = []
        // Pages, two at a time (one a core: a list of 10,000 cards takes a second), then the rest.
        let site = generated.site
        let pages = PageKind.all(in: site).filter { generated.deferred.contains($0.outputPath(in: site)) }
        for start in stride(from: 0, to: pages.count, by: 2) where !stop() {
            let chunk = Array(pages[start..<min(start + 2, pages.count)])
            made += try renderer.render(chunk, of: site, links: generated.links)
            generated.deferred.subtract(chunk.map { $0.outputPath(in: site) })
        }
        if !stop() {
            let (files, fresh, _) = try renderer.render(generated.site, links: generated.links)
            made += files.filter { fresh.contains($0.path) && !made.map(\.path).contains($0.path) }
            generated.deferred = []
        }
        guard generated.replace(made) else {
            throw DiagnosticsError([.error(options.outputDirectory.relativePath, .start,
                "a page made late is not a file of the site; build again (a bug of certguide: please report it)")])
        }
        generated.fresh.formUnion(made.map(\.path))
        return made
    }

    /// The search index files of a site generated with `deferSearch` (or patched), made for
    /// its content.
    public func updatedSearchIndex(for site: Site, cache: BuildCache) throws(DiagnosticsError) -> [OutputFile] {
        try searchIndex(site, cache: cache).0.files
    }

    /// The search index, from the cache while no entry has changed.
    func searchIndex(_ site: Site, cache: BuildCache?) throws(DiagnosticsError) -> (SearchOutput, fresh: Bool) {
        do {
            return try cache.stage.value("search", key: searchInputs(site)) {
                let index = try SearchIndexFiles(site: site, options: options.search, cache: cache.stage)
                return SearchOutput(files: index.files, manifestURL: index.manifestURL)
            }
        } catch {
            let message = (error as? CompactNumbers.NegativeNumber)?.message ?? "\(error)"
            throw DiagnosticsError([.error(SearchIndexFiles.manifestPath, .start, "\(message) (a bug of certguide: please report it)")])
        }
    }

    /// What the search index is made from: every entry's facts and body, and its options.
    private func searchInputs(_ site: Site) -> Fingerprint {
        var inputs = site.fingerprint
        // A cache kept from a certguide that wrote another format must not reuse its files:
        // the script published with them reads this one.
        inputs.add(SearchIndexFiles.formatVersion)
        inputs.add(options.search.shardThreshold)
        inputs.add(options.search.shardTarget)
        inputs.add(options.search.textPagesPerFile)
        for entry in site.certifications.map(\.entry.frontMatterFingerprint) + site.faqs.map(\.entry.frontMatterFingerprint)
            + site.pages.map(\.entry.frontMatterFingerprint) { inputs.add(entry) }
        for entry in site.certifications.map(\.entry.bodyFingerprint) + site.faqs.map(\.entry.bodyFingerprint)
            + site.pages.map(\.entry.bodyFingerprint) { inputs.add(entry) }
        return inputs
    }

    private static func fingerprint(of asset: OutputFile) -> Fingerprint {
        var bytes = Fingerprint(asset.path)
        bytes.add(bytes: asset.contents)
        return bytes
    }

    /// Builds and swaps the result into the output folder. With `strictCheckAsOf`, the checks
    /// of `certguide check` run first, as of that day, and any error or warning stops the build
    /// before anything is written.
    public func build(strictCheckAsOf today: Day? = nil) throws -> BuildReport {
        let start = DispatchTime.now()
        try checkOutputIsSafe()
        var generated = try generate(cache: nil)
        try strictCheck(generated, asOf: today)
        options.progress?(.writing(files: generated.files.count))
        try generated.timings.time(.writing) { try OutputWriter(output: options.outputDirectory).write(generated.files) }
        return report(generated, since: start, written: generated.files.count)
    }

    /// `build()` that starts from what the last incremental build of the same output left in
    /// `cacheFolder`: only what changed is decoded, rendered and written, in place. Without a
    /// usable cache (first run, other options, another certguide) it builds whole and swaps the
    /// folder in as `build()` does. The output is the same as `build()`'s, byte for byte.
    public func buildIncrementally(cacheFolder: URL, strictCheckAsOf today: Day? = nil) throws -> BuildReport {
        let start = DispatchTime.now()
        try checkOutputIsSafe()
        let fingerprint = optionsFingerprint
        let readingStart = DispatchTime.now()
        let stored = FileManager.default.fileExists(atPath: options.outputDirectory.path)
            ? BuildCache.load(from: cacheFolder, options: fingerprint, output: options.outputDirectory) : nil
        let readingTime = BuildTimings.milliseconds(since: readingStart)
        let cache = stored ?? BuildCache()
        var generated = try generate(cache: cache)
        generated.timings.set(.readingCache, readingTime)
        try strictCheck(generated, asOf: today)
        // Nothing changed and nothing to write: the cache on disk describes this folder.
        let paths = generated.files.map(\.path)
        if stored != nil, !cache.changed, generated.fresh.isEmpty, paths == stored?.outputPaths {
            return report(generated, since: start, written: 0)
        }
        // Unusable first: a build killed while writing in place leaves no cache, so the next
        // one starts clean instead of trusting a half-written folder.
        BuildCache.invalidate(cacheFolder)
        let writer = OutputWriter(output: options.outputDirectory)
        var written = generated.files.count
        let writingStart = DispatchTime.now()
        if let stored {
            let paths = Set(generated.files.map(\.path))
            // Made anew is not always changed (the search index is redone whole): skip files
            // whose bytes are already there.
            let output = options.outputDirectory
            let fresh = Array(generated.files.filter { generated.fresh.contains($0.path) }).parallelMap { file -> OutputFile? in
                let url = output.appendingPathComponent(file.path)
                guard FileStamp.of(path: url.path)?.size == file.contents.count, let old = try? Data(contentsOf: url),
                      old == file.contents else { return file }
                return nil
            }.compactMap { $0 }
            options.progress?(.writing(files: fresh.count))
            try writer.replace(fresh, removing: Set(stored.outputPaths.filter { !paths.contains($0) }))
            written = fresh.count
        } else {
            options.progress?(.writing(files: generated.files.count))
            try writer.write(generated.files)
        }
        generated.timings.set(.writing, BuildTimings.milliseconds(since: writingStart))
        try generated.timings.time(.savingCache) {
            try cache.save(to: cacheFolder, options: fingerprint, output: options.outputDirectory, paths: paths)
        }
        return report(generated, since: start, written: written)
    }

    /// With `today`, the checks of `certguide check`: any error or warning stops the build.
    private func strictCheck(_ generated: GeneratedSite, asOf today: Day?) throws(DiagnosticsError) {
        guard let today else { return }
        let report = SiteChecker(options: options, today: today).check(generated)
        if report.failed(strict: true) { throw DiagnosticsError(report.diagnostics) }
    }

    private func report(_ generated: GeneratedSite, since start: DispatchTime, written: Int) -> BuildReport {
        let site = generated.site
        return BuildReport(pages: generated.files.filter(\.isPage).count, files: generated.files.count,
                           certifications: site.certifications.count, faqs: site.faqs.count, freePages: site.pages.count,
                           milliseconds: BuildTimings.milliseconds(since: start), timings: generated.timings,
                           output: options.outputDirectory, written: written, warnings: generated.warnings)
    }

    /// What a cache must have been made with to be reused: these options and this executable.
    private var optionsFingerprint: Fingerprint {
        var fingerprint = Fingerprint(String(StoredCache.format), options.contentDirectory.standardizedFileURL.path,
                                      options.templatesDirectory.standardizedFileURL.path, options.baseURL ?? "")
        fingerprint.add(options.includeDrafts)
        fingerprint.add(options.search.shardThreshold)
        fingerprint.add(options.search.shardTarget)
        fingerprint.add(options.search.textPagesPerFile)
        if let executable = Bundle.main.executablePath, let stamp = FileStamp.of(path: executable) {
            fingerprint.add(stamp.size)
            fingerprint.add(stamp.modified)
        }
        return fingerprint
    }

    /// `Templates/assets/**` is copied to `assets/**`, scripts compacted (`ScriptCompactor`).
    func assets() throws(DiagnosticsError) -> [OutputFile] {
        let folder = options.templatesDirectory.appendingPathComponent("assets")
        let files = options.templateFiles
        guard files.exists(folder) else { return [] }
        do {
            return try files.listFiles(folder).map { path in
                Self.asset(path, try files.read(folder.appendingPathComponent(path)))
            }
        } catch {
            throw DiagnosticsError([.error(options.templatesDirectory.relativePath + "/assets", .start,
                                          "cannot copy assets: \(FileSystem.reason(error))")])
        }
    }

    /// The published form of `Templates/assets/<path>`: scripts lose their comments and the spaces no token needs.
    public static func asset(_ path: String, _ data: Data) -> OutputFile {
        if path.hasSuffix(".js"), let source = String(data: data, encoding: .utf8) {
            return OutputFile(path: "assets/\(path)", text: ScriptCompactor.compact(source))
        }
        return OutputFile(path: "assets/\(path)", contents: data)
    }

    /// For a process that builds once and exits (`certguide build`): the allocator keeps 256 MB
    /// of headroom (reserved, not touched) when it grows or trims its heap.
    public static func reserveHeapHeadroom() {
        certguide_heap_headroom(256 << 20)
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
