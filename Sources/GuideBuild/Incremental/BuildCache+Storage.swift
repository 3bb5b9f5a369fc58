import Foundation
import GuideContent
import GuideMarkdown
import GuideSearch
import GuideSupport

/// The on-disk form of a `BuildCache`, the folder that `certguide build --incremental` leaves
/// beside the output folder. Entries and Markdown documents are kept whole; of the output files
/// only the fingerprint of their inputs and the stamp of the file as written, since their bytes
/// are in the output folder already: a file is reused only while its stamp is unchanged there.
///
/// It is cut into shards by name, read on every core and written only where something changed:
/// one JSON file of a guide of 10,000 entries took seconds to read and write again. A shard is
/// in the binary form of `BinaryWriter`; the index is JSON.
/// `index.json` is written last and removed first, so a folder without it is no cache.
enum StoredCache {
    /// Bumped when the cache's shape or the meaning of a fingerprint changes.
    static let format = 8
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

    struct Shard {
        var files: [String: File] = [:]
        var documents: [String: Document] = [:]
        var outputs: [String: Output] = [:]
        /// Lists of numbers the site model keeps (each certification's similar ones).
        var numberLists: [String: NumberLists] = [:]
        var searchBlocks: [String: SearchBlocks] = [:]
    }

    /// The search index's documents, text and words of a run of entries.
    struct SearchBlocks {
        var key: Fingerprint
        var block: SearchBlock
    }

    struct File {
        var stamp: FileStamp?
        var readAt: Int
        var content: Fingerprint
        var certification: Certification?
        var faq: FAQ?
        var page: Page?
    }

    struct Document {
        var key: Fingerprint
        var document: MarkdownDocument
    }

    struct Output {
        var key: Fingerprint
        var files: [String: FileStamp]
        /// For the search index.
        var manifestURL: String?
    }

    struct NumberLists {
        var key: Fingerprint
        var lists: [[Int]]
    }

    static func shard(of name: String) -> Int {
        Int(Fingerprint(name).value % UInt64(shardCount))
    }

    static func index(in folder: URL) -> URL { folder.appendingPathComponent("index.json") }

    static func shard(_ number: Int, in folder: URL) -> URL { folder.appendingPathComponent("shard-\(number).bin") }
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
            return try? data.withUnsafeBytes { bytes in
                var reader = BinaryReader(bytes)
                return try StoredCache.Shard(reading: &reader)
            }
        }
        guard shards.allSatisfy({ $0 != nil }) else { return nil }
        let cache = BuildCache()
        let loaded = shards.compactMap { $0 }
        cache.files.reserveCapacity(loaded.reduce(0) { $0 + $1.files.count })
        cache.values.reserveCapacity(loaded.reduce(0) { $0 + $1.documents.count + $1.outputs.count + $1.numberLists.count + $1.searchBlocks.count })
        for shard in loaded {
            for (path, file) in shard.files {
                let result: (any Sendable)? = file.certification.map { Result<Certification, DiagnosticsError>.success($0) }
                    ?? file.faq.map { Result<FAQ, DiagnosticsError>.success($0) }
                    ?? file.page.map { Result<Page, DiagnosticsError>.success($0) }
                guard let result else { continue }
                cache.files[path] = LoadedFile(stamp: file.stamp, readAt: file.readAt, content: file.content, result: result)
            }
            for (name, stored) in shard.documents { cache.values[name] = (stored.key, stored.document, 0) }
            for (name, stored) in shard.numberLists { cache.values[name] = (stored.key, stored.lists, 0) }
            for (name, stored) in shard.searchBlocks { cache.values[name] = (stored.key, stored.block, 0) }
        }
        // An output file is reused from the folder only while it is as this cache wrote it.
        let outputPath = output.path
        let outputs = Array(loaded.flatMap(\.outputs)).parallelMap { name, stored -> (String, Fingerprint, any Sendable)? in
            var files: [OutputFile] = []
            for (path, stamp) in stored.files.sorted(by: { $0.key < $1.key }) {
                // Paths joined as text: `URL.appendingPathComponent` was a third of this loop.
                let file = outputPath + "/" + path
                guard FileStamp.of(path: file) == stamp else { return nil }
                files.append(OutputFile(path: path, writtenAt: file))
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
                case let block as SearchBlock:
                    shards[number]!.searchBlocks[name] = .init(key: value.key, block: block)
                default:
                    continue
                }
            }
        }
        // The stamps of the files as they are now on disk, after writing; then each shard out.
        let outputPath = output.path
        _ = try Array(shards).parallelMap { number, shard in
            var shard = shard
            for entry in outputs[number] ?? [] {
                let stamps = entry.paths.compactMap { path in FileStamp.of(path: outputPath + "/" + path).map { (path, $0) } }
                guard stamps.count == entry.paths.count else { continue }
                shard.outputs[entry.name] = .init(key: entry.key, files: Dictionary(uniqueKeysWithValues: stamps), manifestURL: entry.manifestURL)
            }
            var writer = BinaryWriter()
            try shard.write(to: &writer)
            try Data(writer.bytes).write(to: StoredCache.shard(number, in: folder), options: .atomic)
        }
        let index = StoredCache.Index(format: StoredCache.format, options: options, outputPaths: paths)
        try JSONEncoder().encode(index).write(to: StoredCache.index(in: folder), options: .atomic)
        lock.withLock {
            dirtyShards = []
            onDisk = true
        }
    }
}

/// A shard in the cache's binary form: files, documents, outputs, lists and search words, each
/// a count then its items, sorted by name so a shard's bytes follow from its content.
extension StoredCache.Shard {
    private enum Kind: Int {
        case certification, faq, page
    }

    func write(to writer: inout BinaryWriter) throws {
        writer.unsigned(UInt64(files.count))
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.bool(file.stamp != nil)
            if let stamp = file.stamp { writer.stamp(stamp) }
            writer.int(file.readAt)
            writer.fingerprint(file.content)
            if let entry = file.certification {
                writer.int(Kind.certification.rawValue)
                try entry.write(to: &writer)
            } else if let entry = file.faq {
                writer.int(Kind.faq.rawValue)
                try entry.write(to: &writer)
            } else if let entry = file.page {
                writer.int(Kind.page.rawValue)
                try entry.write(to: &writer)
            } else {
                writer.int(-1)
            }
        }
        writer.array(documents.sorted(by: { $0.key < $1.key })) { writer, pair in
            writer.string(pair.key)
            writer.fingerprint(pair.value.key)
            pair.value.document.write(to: &writer)
        }
        writer.array(outputs.sorted(by: { $0.key < $1.key })) { writer, pair in
            writer.string(pair.key)
            writer.fingerprint(pair.value.key)
            writer.optional(pair.value.manifestURL)
            writer.array(pair.value.files.sorted(by: { $0.key < $1.key })) { writer, file in
                writer.string(file.key)
                writer.stamp(file.value)
            }
        }
        writer.array(numberLists.sorted(by: { $0.key < $1.key })) { writer, pair in
            writer.string(pair.key)
            writer.fingerprint(pair.value.key)
            writer.array(pair.value.lists) { writer, list in writer.array(list) { $0.int($1) } }
        }
        writer.array(searchBlocks.sorted(by: { $0.key < $1.key })) { writer, pair in
            writer.string(pair.key)
            writer.fingerprint(pair.value.key)
            pair.value.block.write(to: &writer)
        }
    }

    init(reading reader: inout BinaryReader) throws {
        for _ in 0..<(try reader.count()) {
            let path = try reader.string()
            let stamp = try reader.bool() ? try reader.stamp() : nil
            var file = StoredCache.File(stamp: stamp, readAt: try reader.int(), content: try reader.fingerprint())
            switch Kind(rawValue: try reader.int()) {
            case .certification: file.certification = try Certification(reading: &reader)
            case .faq: file.faq = try FAQ(reading: &reader)
            case .page: file.page = try Page(reading: &reader)
            case nil: break
            }
            files[path] = file
        }
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            documents[name] = StoredCache.Document(key: try reader.fingerprint(), document: try MarkdownDocument(reading: &reader))
        }
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            let key = try reader.fingerprint()
            let manifestURL = try reader.optional()
            let stamps = try reader.array { reader throws(BinaryReader.Truncated) in (try reader.string(), try reader.stamp()) }
            outputs[name] = StoredCache.Output(key: key, files: Dictionary(stamps, uniquingKeysWith: { first, _ in first }), manifestURL: manifestURL)
        }
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            let key = try reader.fingerprint()
            numberLists[name] = StoredCache.NumberLists(key: key, lists: try reader.array { reader throws(BinaryReader.Truncated) in
                try reader.array { reader throws(BinaryReader.Truncated) in try reader.int() }
            })
        }
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            searchBlocks[name] = StoredCache.SearchBlocks(key: try reader.fingerprint(), block: try SearchBlock(reading: &reader))
        }
        guard reader.isAtEnd else { throw BinaryReader.Truncated() }
    }
}
