import Foundation

/// Lists the files of a folder with `readdir`: FileManager's enumerator asked for resource
/// values costs a few milliseconds per hundred files, which a preview of a guide of 10,000
/// entries pays on every save.
enum DirectoryWalk {
    /// Regular files and symlinks to files below `root`, hidden names skipped; symlinked
    /// folders are not followed, so a symlink loop cannot hang the build.
    static func files(under root: String, relative: String, into paths: inout [String]) {
        let folder = relative.isEmpty ? root : "\(root)/\(relative)"
        // An unreadable or missing folder lists nothing, as FileManager's enumerator did.
        for (name, type) in entries(of: folder) where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            switch type {
            case Int32(DT_DIR):
                files(under: root, relative: path, into: &paths)
            case Int32(DT_REG):
                paths.append(path)
            case Int32(DT_LNK):
                // A symlink to a file is content too; one to a folder is not followed; a broken
                // one is listed, so that reading it reports the problem at its path.
                var info = stat()
                if stat("\(root)/\(path)", &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR { paths.append(path) }
            default:
                continue
            }
        }
    }

    /// The names in a folder with their `DT_` type (`lstat`'s where the file system gives
    /// none), `.` and `..` left out; nothing for a folder that cannot be read.
    static func entries(of folder: String) -> [(name: String, type: Int32)] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var found: [(String, Int32)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat("\(folder)/\(name)", &info) == 0 else { continue }
                let format = info.st_mode & S_IFMT
                type = format == S_IFDIR ? Int32(DT_DIR) : format == S_IFLNK ? Int32(DT_LNK) : Int32(DT_REG)
            }
            found.append((name, type))
        }
        return found
    }
}
