import Foundation

extension FileSystem {
    /// This file system with `files` (paths relative to `root`) laid under the folder `root`:
    /// a file there wins, and one that is not there is read from `files`. So a guide's
    /// `Templates/` may hold one changed partial and take every other template from the copy
    /// built into certguide, and need not exist at all. Paths outside `root` are unchanged.
    public func overlaying(_ files: [String: Data], at root: URL) -> FileSystem {
        guard !files.isEmpty else { return self }
        let base = self, rootPath = root.standardizedFileURL.path
        /// The path below `root` ("" for `root` itself), or nil outside it.
        @Sendable func relative(_ url: URL) -> String? {
            let path = url.standardizedFileURL.path
            if path == rootPath { return "" }
            return path.hasPrefix(rootPath + "/") ? String(path.dropFirst(rootPath.count + 1)) : nil
        }
        return FileSystem(
            read: { url in
                if !base.exists(url), let path = relative(url), let data = files[path] { return data }
                return try base.read(url)
            },
            listFiles: { folder in
                guard let path = relative(folder) else { return try base.listFiles(folder) }
                let prefix = path.isEmpty ? "" : path + "/"
                let own = base.exists(folder) ? try base.listFiles(folder) : []
                let built = files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
                return Set(own).union(built).sorted()
            },
            exists: { url in
                if base.exists(url) { return true }
                guard let path = relative(url) else { return false }
                return path.isEmpty || files[path] != nil || files.keys.contains { $0.hasPrefix(path + "/") }
            },
            stamp: { path in base.stamp(path) }
        )
    }
}
