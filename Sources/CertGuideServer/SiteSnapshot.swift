import CertGuide
import Foundation

/// One successful build, held in memory and served as is. Serving from this table rather than
/// the disk is what makes traversal impossible: a path is either a built file or a 404.
struct SiteSnapshot: Sendable {
    struct File: Sendable {
        var contents: Data
        var etag: String
        var modified: Date
    }

    private(set) var files: [String: File] = [:]

    /// A build's files; those unchanged since `previous` keep their date, so browsers'
    /// If-Modified-Since keeps matching.
    init(files outputFiles: [OutputFile], previous: SiteSnapshot? = nil, built: Date = Date()) {
        let base = previous ?? SiteSnapshot()
        let kept = Set(outputFiles.map(\.path))
        self = base.updating(outputFiles, removing: Set(base.files.keys.filter { !kept.contains($0) }), at: built)
    }

    private init() {}

    /// This snapshot with some files replaced or added and others removed.
    func updating(_ outputFiles: [OutputFile], removing removed: Set<String>, at date: Date = Date()) -> SiteSnapshot {
        var next = self
        // A removed folder takes the files under it along.
        for path in removed {
            next.files.removeValue(forKey: path)
            for key in next.files.keys where key.hasPrefix(path + "/") { next.files.removeValue(forKey: key) }
        }
        for file in outputFiles {
            let etag = "\"\(Self.fingerprint(file.contents))\""
            next.files[file.path] = File(contents: file.contents, etag: etag, modified: files[file.path]?.etag == etag ? files[file.path]!.modified : date)
        }
        return next
    }

    /// The file for a decoded request path: `faq/` -> `faq/index.html`, `faq` -> redirect hint.
    func lookup(_ path: String) -> (path: String, file: File)? {
        if path.isEmpty || path.hasSuffix("/") {
            let index = path + "index.html"
            return files[index].map { (index, $0) }
        }
        return files[path].map { (path, $0) }
    }

    func hasFolder(_ path: String) -> Bool {
        files["\(path)/index.html"] != nil
    }

    /// Paths whose bytes differ between two builds, including files added or removed.
    func changedPaths(since other: SiteSnapshot) -> Set<String> {
        var changed = Set<String>()
        for (path, file) in files where other.files[path]?.etag != file.etag { changed.insert(path) }
        for path in other.files.keys where files[path] == nil { changed.insert(path) }
        return changed
    }

    /// FNV-1a, 64 bit: stable across runs (unlike `Hasher`) and fast enough for every file.
    static func fingerprint(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16) + "-" + String(data.count, radix: 16)
    }
}
