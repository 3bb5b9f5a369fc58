import Foundation
import GuideBuild
import GuideSearch
import GuideSite
import GuideSupport

/// The preview's builds and what they leave served: each turns a change on disk into a new
/// snapshot and the same files in the output folder. Not thread-safe: `PreviewServer` calls it
/// from its build queue alone, which keeps builds and snapshot changes in order.
final class PreviewBuilder: @unchecked Sendable {
    // @unchecked: confined to the build queue (the search index is computed elsewhere from
    // values, and published back on the queue).
    enum Outcome: Sendable {
        /// `staleSearch` is the site whose search index is to be made, when the one served
        /// is older.
        case built(staleSearch: Site?, changed: Set<String>, files: Int, milliseconds: Int)
        case failed([Diagnostic], milliseconds: Int)
    }

    let options: BuildOptions
    let snapshot: SnapshotBox
    /// What the last builds made, so a save re-renders only the pages it touches.
    let cache = BuildCache()
    /// The site served, while the last build succeeded.
    private var last: GeneratedSite?
    /// `last` has entries' facts patched in that pages other than their own still lack.
    private var incomplete = false
    /// Changes waiting for the build queue: a build in its second step stops for them.
    let waiting = WaitingChanges()
    /// Every change to the output folder, in the order of the builds that made them.
    private let disk = DispatchQueue(label: "certguide.preview.disk")
    /// Told, on the disk queue, when the output folder could not be made to match what is
    /// served (a full disk, a read-only folder): the preview goes on from memory.
    var outputFailed: @Sendable (Diagnostic) -> Void = { _ in }

    /// Assets keep their bare paths here (`BuildOptions.versionedAssets`): a stylesheet edit
    /// is copied and restyles the open pages, with no page to render again.
    init(options: BuildOptions, snapshot: SnapshotBox) {
        var options = options
        options.versionedAssets = false
        self.options = options
        self.snapshot = snapshot
    }

    /// A change only to `Templates/assets/` copies those files; an edit of entries' bodies
    /// alone renders the pages that show them; an edit of their other facts renders their own
    /// pages first (`early`), then builds the guide again; anything else, or anything after a
    /// failed build, builds the guide again.
    /// - Parameters:
    ///   - open: the output files of pages open in browsers, rendered first.
    ///   - early: told when the open pages are served, if the rest takes another step.
    func update(changed paths: Set<String>, open: Set<String> = [], early: (Outcome) -> Void = { _ in }) -> Outcome {
        let start = DispatchTime.now()
        let assets = options.templatesDirectory.appendingPathComponent("assets").standardizedFileURL.path + "/"
        guard last != nil, !paths.isEmpty else { return rebuild(open: open, early: early) }
        if paths.allSatisfy({ $0.hasPrefix(assets) }) {
            let outcome = publish(assets: paths, from: assets, since: start)
            // A patch left the rest to the build of this change.
            guard incomplete, waiting.count == 0, case .built(_, let copied, _, _) = outcome else { return outcome }
            let rest = rebuild(open: open, early: early)
            guard case .built(let search, let changed, let files, _) = rest else { return rest }
            return .built(staleSearch: search, changed: changed.union(copied), files: files, milliseconds: Self.milliseconds(since: start))
        }
        // (No copy of `last` is kept meanwhile: the patch changes its files in place.)
        guard let patch = Builder(options: options).patchEntries(of: &last!, changed: paths, cache: cache) else {
            return rebuild(open: open, early: early)
        }
        let changed = apply(patch.files, removing: [])
        let milliseconds = Self.milliseconds(since: start)
        // Pages left at their last version by a build cut short, or facts shown elsewhere:
        // a whole build makes them, after the edited pages are served.
        guard patch.factsChanged || incomplete || !last!.deferred.isEmpty else {
            return .built(staleSearch: last!.site, changed: changed, files: last!.files.count, milliseconds: milliseconds)
        }
        let told = !open.isDisjoint(with: changed)
        if told { early(.built(staleSearch: nil, changed: changed, files: last!.files.count, milliseconds: milliseconds)) }
        // A newer save is waiting: its build will make them, and the editor sees it sooner.
        if waiting.count > 0 {
            incomplete = true
            return .built(staleSearch: nil, changed: told ? [] : changed, files: last!.files.count, milliseconds: milliseconds)
        }
        // The build's own first step tells only of open pages it changed.
        return rebuild(open: open) { outcome in
            if case .built(_, let more, _, _) = outcome, !more.isEmpty { early(outcome) }
        }
    }

    /// Builds the whole guide, reusing from the cache what its changes did not touch. The open
    /// pages are served (and `early` told) before the other files that changed are made.
    func rebuild(open: Set<String> = [], early: (Outcome) -> Void = { _ in }) -> Outcome {
        let start = DispatchTime.now()
        incomplete = false
        let builder = Builder(options: options)
        var generated: GeneratedSite
        do {
            generated = try builder.generate(cache: cache, deferSearch: true, renderFirst: last == nil || open.isEmpty ? nil : open)
        } catch {
            last = nil
            return .failed(error.diagnostics, milliseconds: Self.milliseconds(since: start))
        }
        let firstBuild = snapshot.current.files.isEmpty
        // After a failed build the cache may hold pages the served snapshot never got.
        let fresh = last == nil ? nil : generated.fresh
        var changed = snapshot.update { $0.replaceAll(with: generated.files, fresh: fresh) }
        writeToDisk(generated.files, changed: changed, firstBuild: firstBuild)
        if !generated.deferred.isEmpty {
            early(.built(staleSearch: nil, changed: changed, files: generated.files.count, milliseconds: Self.milliseconds(since: start)))
            do {
                let waiting = self.waiting
                changed = apply(try builder.completeDeferred(&generated, cache: cache) { waiting.count > 0 }, removing: [])
            } catch {
                last = nil
                return .failed(error.diagnostics, milliseconds: Self.milliseconds(since: start))
            }
        }
        last = generated
        return .built(staleSearch: generated.searchIsStale ? generated.site : nil, changed: changed, files: generated.files.count,
                      milliseconds: Self.milliseconds(since: start))
    }

    /// The search index files of `site`. Safe off the build queue: it reads the cache under its
    /// lock and nothing else of this object's.
    func searchIndex(for site: Site) throws(DiagnosticsError) -> [OutputFile] {
        try Builder(options: options).updatedSearchIndex(for: site, cache: cache)
    }

    /// Serves and writes a search index made by `searchIndex(for:)` in place of the old one.
    /// Returns how many of its files changed.
    func publishSearchIndex(_ files: [OutputFile]) -> Int {
        let folder = SearchIndexFiles.folder + "/"
        let paths = Set(files.map(\.path))
        let manifest = String(SearchIndexFiles.manifestPath)
        let (changed, removed) = snapshot.update { served in
            // The index is the JSON under search/; the search page lives there too.
            let removed = Set(served.files.keys.filter { $0.hasPrefix(folder) && $0.hasSuffix(".json") && !paths.contains($0) })
            // Files named by their content that are already served are the same bytes:
            // thousands on a large guide, and hashing them again kept the server from the next save.
            let added = files.filter { served.files[$0.path] == nil || $0.path == manifest }
            return (served.update(added, removing: removed), removed)
        }
        mirror(files.filter { changed.contains($0.path) }, removing: removed)
        return changed.count
    }

    private func publish(assets paths: Set<String>, from assets: String, since start: DispatchTime) -> Outcome {
        var files: [OutputFile] = [], removed = Set<String>()
        for path in paths.sorted() {
            let relative = String(path.dropFirst(assets.count))
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
                guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else { continue }
                files.append(Builder.asset(relative, data))
            } else if let data = try? options.templateFiles.read(URL(fileURLWithPath: path)) {
                // A guide's own asset deleted: the built-in one is published again.
                files.append(Builder.asset(relative, data))
            } else {
                removed.insert("assets/\(relative)")
            }
        }
        let changed = apply(files, removing: removed)
        return .built(staleSearch: nil, changed: changed, files: snapshot.current.files.count, milliseconds: Self.milliseconds(since: start))
    }

    /// Serves `files` in place of those of the same path and stops serving `removed`, and the
    /// output folder follows. Returns the paths whose bytes changed.
    private func apply(_ files: [OutputFile], removing removed: Set<String>) -> Set<String> {
        let changed = snapshot.update { $0.update(files, removing: removed) }
        mirror(files.filter { changed.contains($0.path) }, removing: removed)
        return changed
    }

    /// The output folder mirrors what is served, so other tools can look at it too.
    private func writeToDisk(_ files: [OutputFile], changed: Set<String>, firstBuild: Bool) {
        if firstBuild {
            let output = options.outputDirectory, failed = outputFailed
            disk.async {
                do { try OutputWriter(output: output).write(files) } catch { failed(Self.writeProblem(error, output)) }
            }
        } else {
            let paths = Set(files.map(\.path))
            mirror(files.filter { changed.contains($0.path) }, removing: changed.filter { !paths.contains($0) })
        }
    }

    /// Writes and removes files in the output folder after the builds before have, but without
    /// holding up the next build: the preview serves from memory, and on a guide of 10,000 a
    /// search index that renames thousands of files took the disk half a minute.
    private func mirror(_ files: [OutputFile], removing removed: Set<String>) {
        guard !files.isEmpty || !removed.isEmpty else { return }
        let output = options.outputDirectory, failed = outputFailed
        disk.async {
            do { try OutputWriter(output: output).replace(files, removing: removed) } catch { failed(Self.writeProblem(error, output)) }
        }
    }

    private static func writeProblem(_ error: Error, _ output: URL) -> Diagnostic {
        .error(output.relativePath, .start, "cannot update the output folder: \(FileSystem.reason(error)); "
            + "the preview still serves the new pages from memory, but the folder holds older files until a save writes it")
    }

    /// Waits until the output folder holds what is served.
    func waitForDisk() {
        disk.sync {}
    }

    private static func milliseconds(since start: DispatchTime) -> Int {
        Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
    }
}

/// How many changes wait for the build queue; read from the queue, counted from the server.
final class WaitingChanges: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var value = 0

    var count: Int { lock.withLock { value } }

    func add(_ change: Int) {
        lock.withLock { value += change }
    }
}
