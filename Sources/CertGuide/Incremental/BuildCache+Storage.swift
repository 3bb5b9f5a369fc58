import Foundation

/// The on-disk form of a `BuildCache`, which `certguide build --incremental` leaves beside the
/// output folder. Entries and Markdown documents are kept whole; of the output files only the
/// fingerprint of their inputs and the stamp of the file as written, since their bytes are in
/// the output folder already: a file is reused only while its stamp is unchanged there.
struct StoredCache: Codable {
    /// Bumped when the cache's shape or the meaning of a fingerprint changes.
    static let format = 1

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

    var format: Int
    /// Of the build's options: a cache made with other options is not used.
    var options: Fingerprint
    var files: [String: File]
    var documents: [String: Document]
    var outputs: [String: Output]
    /// Every file of the output folder as the build wrote it.
    var outputPaths: [String]
}

extension MarkdownDocument: Codable {
    private enum CodingKeys: String, CodingKey { case html, headings, sections, links }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(html: try container.decode(String.self, forKey: .html), headings: try container.decode([Heading].self, forKey: .headings),
                  sections: try container.decode([Section].self, forKey: .sections), links: try container.decode([Link].self, forKey: .links),
                  problems: [])
    }

    /// Only documents without problems are stored: a body with problems fails the build.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(html, forKey: .html)
        try container.encode(headings, forKey: .headings)
        try container.encode(sections, forKey: .sections)
        try container.encode(links, forKey: .links)
    }
}

extension BuildCache {
    /// The cache a previous incremental build saved at `url`, or nil when there is none or it
    /// cannot be used (another format, other options, unreadable).
    static func load(from url: URL, options: Fingerprint, output: URL) -> BuildCache? {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped),
              let stored = try? JSONDecoder().decode(StoredCache.self, from: data),
              stored.format == StoredCache.format, stored.options == options
        else { return nil }
        let cache = BuildCache()
        for (path, file) in stored.files {
            let result: (any Sendable)? = file.certification.map { Result<Certification, DiagnosticsError>.success($0) }
                ?? file.faq.map { Result<FAQ, DiagnosticsError>.success($0) }
                ?? file.page.map { Result<Page, DiagnosticsError>.success($0) }
            guard let result else { continue }
            cache.files[path] = LoadedFile(stamp: file.stamp, readAt: file.readAt, content: file.content, result: result)
        }
        for (name, stored) in stored.documents { cache.values[name] = (stored.key, stored.document, 0) }
        // An output file is reused from the folder only while it is as this cache wrote it.
        let outputs = Array(stored.outputs).parallelMap { name, stored -> (String, Fingerprint, any Sendable)? in
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
        cache.outputPaths = stored.outputPaths
        cache.changed = false
        return cache
    }

    /// Writes the cache to `url` after a build that wrote `paths` into `output`.
    func save(to url: URL, options: Fingerprint, output: URL, paths: [String]) throws {
        let stored: StoredCache = lock.withLock {
            var files: [String: StoredCache.File] = [:]
            for (path, file) in self.files {
                var stored = StoredCache.File(stamp: file.stamp, readAt: file.readAt, content: file.content)
                switch file.result {
                case let result as Result<Certification, DiagnosticsError>: stored.certification = try? result.get()
                case let result as Result<FAQ, DiagnosticsError>: stored.faq = try? result.get()
                case let result as Result<Page, DiagnosticsError>: stored.page = try? result.get()
                default: continue
                }
                files[path] = stored
            }
            var documents: [String: StoredCache.Document] = [:]
            var outputs: [String: StoredCache.Output] = [:]
            for (name, value) in values {
                switch value.value {
                case let document as MarkdownDocument where document.problems.isEmpty:
                    documents[name] = .init(key: value.key, document: document)
                case let file as OutputFile:
                    outputs[name] = .init(key: value.key, files: [file.path: FileStamp(size: 0, modified: 0, inode: 0)])
                case let search as SearchOutput:
                    outputs[name] = .init(key: value.key, files: Dictionary(uniqueKeysWithValues: search.files.map { ($0.path, FileStamp(size: 0, modified: 0, inode: 0)) }),
                                          manifestURL: search.manifestURL)
                default:
                    continue
                }
            }
            return StoredCache(format: StoredCache.format, options: options, files: files, documents: documents, outputs: outputs, outputPaths: paths)
        }
        // The stamps of the files as they are now on disk, after writing.
        var withStamps = stored
        for (name, entry) in stored.outputs {
            var files: [String: FileStamp] = [:]
            for path in entry.files.keys {
                guard let stamp = FileStamp.of(path: output.appendingPathComponent(path).path) else { continue }
                files[path] = stamp
            }
            if files.count == entry.files.count { withStamps.outputs[name]!.files = files } else { withStamps.outputs[name] = nil }
        }
        try JSONEncoder().encode(withStamps).write(to: url, options: .atomic)
    }
}
