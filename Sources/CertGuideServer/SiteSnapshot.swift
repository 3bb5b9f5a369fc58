import Foundation
import GuideSupport

/// The files being served, in memory. Serving from this table rather than the disk is what
/// makes traversal impossible: a path is either a built file or a 404.
struct SiteSnapshot: Sendable {
    struct File: Sendable {
        var contents: Data
        var etag: String
        var modified: Date
    }

    private(set) var files: [String: File] = [:]

    /// Serves a whole build: its files, and no others. Files whose bytes did not change keep
    /// their date, so browsers' If-Modified-Since keeps matching.
    /// - Parameter fresh: when given, only these files can differ from those served: the others
    ///   were reused unchanged from the build that made them, so they are not compared.
    /// - Returns: the paths whose bytes changed, including files added or removed.
    mutating func replaceAll(with outputFiles: [OutputFile], fresh: Set<String>?, at date: Date = Date()) -> Set<String> {
        let kept = Set(outputFiles.map(\.path))
        let candidates = fresh.map { fresh in outputFiles.filter { fresh.contains($0.path) || files[$0.path] == nil } } ?? outputFiles
        return update(candidates, removing: Set(files.keys.filter { !kept.contains($0) }), at: date)
    }

    /// Serves `outputFiles` in place of those of the same paths and stops serving `removed` (a
    /// folder takes the files under it along). Changes the table in place: copying a table of
    /// 25,000 files was a third of a preview's rebuild after a one-line edit.
    /// - Returns: the paths whose bytes changed, including files added or removed.
    mutating func update(_ outputFiles: [OutputFile], removing removed: Set<String>, at date: Date = Date()) -> Set<String> {
        var changed = Set<String>()
        // (A path that was a file is not scanned for: the search index replaces thousands of
        // files at a time, and scanning every path for each was quadratic.)
        for path in removed {
            if files.removeValue(forKey: path) != nil {
                changed.insert(path)
                continue
            }
            for key in files.keys where key.hasPrefix(path + "/") {
                files.removeValue(forKey: key)
                changed.insert(key)
            }
        }
        for file in outputFiles {
            let etag = "\"\(Self.fingerprint(file.contents))\""
            if let old = files[file.path], old.etag == etag { continue }
            files[file.path] = File(contents: file.contents, etag: etag, modified: date)
            changed.insert(file.path)
        }
        return changed
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

    static func fingerprint(_ data: Data) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(bytes: data)
        return "\(fingerprint)-\(String(data.count, radix: 16))"
    }
}
