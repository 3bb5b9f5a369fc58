import Foundation
import GuideContent
import GuideMarkdown
import GuideSupport

/// The on-disk form of a `BuildCache`, the folder that `certguide build --incremental` leaves
/// beside the output folder. Entries and Markdown documents are kept whole; of the output files
/// only the fingerprint of their inputs and the stamp of the file as written, since their bytes
/// are in the output folder already: a file is reused only while its stamp is unchanged there.
///
/// It is cut into shards by name, read on every core and written only where something changed:
/// one JSON file of a guide of 10,000 entries took seconds to read and write again.
/// `index.json` is written last and removed first, so a folder without it is no cache.
enum StoredCache {
    /// Bumped when the cache's shape or the meaning of a fingerprint changes.
    static let format = 4
    /// A one-file edit rewrites a few shards: with 256, a few hundred KB each on a guide of
    /// 10,000 entries (with 32, it was 0.7 s of such a build re-encoding 35 MB).
    static let shardCount = 256

    struct Index: Codable {
        var format: Int
        /// Of the build's options: a cache made with other options is not used.
        var options: Fingerprint
        /// Every file of the output folder as the build wrote it.
        var outputPaths: [String]
    }

    struct Shard: Codable {
        var files: [String: File] = [:]
        var documents: [String: Document] = [:]
        var outputs: [String: Output] = [:]
        /// Lists of numbers the site model keeps (each certification's similar ones).
        var numberLists: [String: NumberLists] = [:]
    }

    struct NumberLists: Codable {
        var key: Fingerprint
        var lists: [[Int]]
    }

    struct File: Codable {
        var stamp: FileStamp?
        var readAt: Int
        var content: Fingerprint
        var certification: Certification?
        var faq: FAQ?
        var page: Page?
    }

    struct Document: Codable {
        var key: Fingerprint
        var document: MarkdownDocument
    }

    struct Output: Codable {
        var key: Fingerprint
        var files: [String: FileStamp]
        /// For the search index.
        var manifestURL: String?
    }

    static func shard(of name: String) -> Int {
        Int(Fingerprint(name).value % UInt64(shardCount))
    }

    static func index(in folder: URL) -> URL { folder.appendingPathComponent("index.json") }

    static func shard(_ number: Int, in folder: URL) -> URL { folder.appendingPathComponent("shard-\(number).json") }
}

extension BuildCache {
    /// The cache a previous incremental build saved in `folder`, or nil when there is none or
    /// it cannot be used (another format, other options, unreadable).
    static func load(from folder: URL, options: Fingerprint, output: URL) -> BuildCache? {
        guard let data = try? Data(contentsOf: StoredCache.index(in: folder)),
              let index = try? JSONDecoder().decode(StoredCache.Index.self, from: data),
              index.format == StoredCache.format, index.options == options
        else { return nil }
        let shards = Array(0..<StoredCache.shardCount).parallelMap { number -> StoredCache.Shard? in
            guard let data = try? Data(contentsOf: StoredCache.shard(number, in: folder), options: .alwaysMapped) else { return nil }
            return try? JSONDecoder().decode(StoredCache.Shard.self, from: data)
        }
        guard shards.allSatisfy({ $0 != nil }) else { return nil }
        let cache = BuildCache()
        for shard in shards.compactMap({ $0 }) {
            for (path, file) in shard.files {
                let result: (any Sendable)? = file.certification.map { Result<Certification, DiagnosticsError>.success($0) }
                    ?? file.faq.map { Result<FAQ, DiagnosticsError>.success($0) }
                    ?? file.page.map { Result<Page, DiagnosticsError>.success($0) }
                guard let result else { continue }
                cache.files[path] = LoadedFile(stamp: file.stamp, readAt: file.readAt, content: file.content, result: result)
            }
            for (name, stored) in shard.documents { cache.values[name] = (stored.key, stored.document, 0) }
            for (name, stored) in shard.numberLists { cache.values[name] = (stored.key, stored.lists, 0) }
        }
        // An output file is reused from the folder only while it is as this cache wrote it.
        let outputs = Array(shards.compactMap { $0 }.flatMap(\.outputs)).parallelMap { name, stored -> (String, Fingerprint, any Sendable)? in
            var files: [OutputFile] = []
            for (path, stamp) in stored.files.sorted(by: { $0.key < $1.key }) {
                let file = output.appendingPathComponent(path)
                guard FileStamp.of(path: file.path) == stamp, let data = try? Data(contentsOf: file, options: .alwaysMapped) else { return nil }
                files.append(OutputFile(path: path, contents: data))
            }
            if let manifestURL = stored.manifestURL { return (name, stored.key, SearchOutput(files: files, manifestURL: manifestURL)) }
            guard files.count == 1 else { return nil }
            return (name, stored.key, files[0])
        }
        for case let (name, key, value)? in outputs { cache.values[name] = (key, value, 0) }
        cache.outputPaths = index.outputPaths
        cache.dirtyShards = []
        cache.onDisk = true
        return cache
    }

    /// Makes the cache in `folder` unusable, before the output folder is changed in place.
    static func invalidate(_ folder: URL) {
        try? FileManager.default.removeItem(at: StoredCache.index(in: folder))
    }

    /// Writes the shards that changed (all of them for a cache not loaded from `folder`), then
    /// the index, after a build that wrote `paths` into `output`.
    func save(to folder: URL, options: Fingerprint, output: URL, paths: [String]) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        Self.invalidate(folder)
        var shards: [Int: StoredCache.Shard] = [:]
        // Output files by value name, stamped below once they are known to be on disk.
        var outputs: [Int: [(name: String, key: Fingerprint, paths: [String], manifestURL: String?)]] = [:]
        lock.withLock {
            let wanted = onDisk ? dirtyShards : Set(0..<StoredCache.shardCount)
            for number in wanted { shards[number] = StoredCache.Shard() }
            for (path, file) in self.files {
                let number = StoredCache.shard(of: path)
                guard shards[number] != nil else { continue }
                var stored = StoredCache.File(stamp: file.stamp, readAt: file.readAt, content: file.content)
                switch file.result {
                case let result as Result<Certification, DiagnosticsError>: stored.certification = try? result.get()
                case let result as Result<FAQ, DiagnosticsError>: stored.faq = try? result.get()
                case let result as Result<Page, DiagnosticsError>: stored.page = try? result.get()
                default: continue
                }
                shards[number]!.files[path] = stored
            }
            for (name, value) in values {
                let number = StoredCache.shard(of: name)
                guard shards[number] != nil else { continue }
                switch value.value {
                case let document as MarkdownDocument where document.problems.isEmpty:
                    shards[number]!.documents[name] = .init(key: value.key, document: document)
                case let file as OutputFile:
                    outputs[number, default: []].append((name, value.key, [file.path], nil))
                case let search as SearchOutput:
                    outputs[number, default: []].append((name, value.key, search.files.map(\.path), search.manifestURL))
                case let lists as [[Int]]:
                    shards[number]!.numberLists[name] = .init(key: value.key, lists: lists)
                default:
                    continue
                }
            }
        }
        // The stamps of the files as they are now on disk, after writing; then each shard out.
        let failures = Array(shards).parallelMap { number, shard -> Error? in
            var shard = shard
            for entry in outputs[number] ?? [] {
                let stamps = entry.paths.compactMap { path in FileStamp.of(path: output.appendingPathComponent(path).path).map { (path, $0) } }
                guard stamps.count == entry.paths.count else { continue }
                shard.outputs[entry.name] = .init(key: entry.key, files: Dictionary(uniqueKeysWithValues: stamps), manifestURL: entry.manifestURL)
            }
            do { try JSONEncoder().encode(shard).write(to: StoredCache.shard(number, in: folder), options: .atomic) } catch { return error }
            return nil
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        let index = StoredCache.Index(format: StoredCache.format, options: options, outputPaths: paths)
        try JSONEncoder().encode(index).write(to: StoredCache.index(in: folder), options: .atomic)
        lock.withLock {
            dirtyShards = []
            onDisk = true
        }
    }
}
