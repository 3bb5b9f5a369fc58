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
    /// - Parameter fresh: when given, only these files can differ from `previous`: the others
    ///   were reused unchanged from the build that made it, so they are not compared.
    init(files outputFiles: [OutputFile], fresh: Set<String>? = nil, previous: SiteSnapshot? = nil, built: Date = Date()) {
        let base = previous ?? SiteSnapshot()
        let kept = Set(outputFiles.map(\.path))
        let changed = fresh.map { fresh in outputFiles.filter { fresh.contains($0.path) || base.files[$0.path] == nil } } ?? outputFiles
        self = base.updating(changed, removing: Set(base.files.keys.filter { !kept.contains($0) }), at: built)
    }

    private init() {}

    /// This snapshot with some files replaced or added and others removed.
    func updating(_ outputFiles: [OutputFile], removing removed: Set<String>, at date: Date = Date()) -> SiteSnapshot {
        var next = self
        // A removed folder takes the files under it along.
        // (A path that was a file is not scanned for: the search index replaces thousands of
        // files at a time, and scanning every path for each was quadratic.)
        for path in removed where next.files.removeValue(forKey: path) == nil {
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

    static func fingerprint(_ data: Data) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(bytes: data)
        return "\(fingerprint)-\(String(data.count, radix: 16))"
    }
}
