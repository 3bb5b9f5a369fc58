import Foundation

/// Removes a folder and everything in it, several subfolders at a time. The build swaps a new
/// output folder in and then removes the old one: at 10,000 certifications that is 37,000 files
/// and folders, which `FileManager.removeItem` took 4.1–4.5 s to remove on a 2-core machine's
/// disk, and this 2.2–2.9 s (unlinking is the file system's work, and it overlaps across folders).
public enum FolderRemoval {
    /// Best effort, as `try? FileManager.removeItem` is: what cannot be removed stays. Symbolic
    /// links are removed, never followed.
    public static func remove(_ root: String, threads: Int = 4) {
        var info = stat()
        guard lstat(root, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            unlink(root)
            return
        }
        // Split the tree into enough pieces to share: the top two levels' entries (a build's
        // output has a folder a page under a few folders).
        var folders = [root], pieces: [(path: String, isFolder: Bool)] = []
        for (path, isFolder) in entries(of: root) {
            if isFolder {
                folders.append(path)
                pieces += entries(of: path)
            } else {
                pieces.append((path, false))
            }
        }
        let queue = WorkQueue(pieces)
        let group = DispatchGroup()
        for _ in 0..<max(1, threads) {
            group.enter()
            let thread = Thread {
                while let piece = queue.next() {
                    if piece.isFolder { removeTree(piece.path) } else { unlink(piece.path) }
                }
                group.leave()
            }
            thread.start()
        }
        group.wait()
        for folder in folders.reversed() { rmdir(folder) }
    }

    /// A folder's entries as paths; a symbolic link is not a folder, whatever it points to.
    private static func entries(of folder: String) -> [(path: String, isFolder: Bool)] {
        DirectoryWalk.entries(of: folder).map { ("\(folder)/\($0.name)", $0.type == Int32(DT_DIR)) }
    }

    private static func removeTree(_ folder: String) {
        for (path, isFolder) in entries(of: folder) {
            if isFolder { removeTree(path) } else { unlink(path) }
        }
        rmdir(folder)
    }

    /// The pieces the threads take one at a time.
    private final class WorkQueue: @unchecked Sendable {
        // @unchecked: `pieces` is read and written under `lock`.
        private let lock = NSLock()
        private var pieces: [(path: String, isFolder: Bool)]

        init(_ pieces: [(path: String, isFolder: Bool)]) {
            self.pieces = pieces
        }

        func next() -> (path: String, isFolder: Bool)? {
            lock.withLock { pieces.popLast() }
        }
    }
}
