import Foundation

/// What `stat` says of a file, enough to tell that it has not changed since it was last read
/// without reading it again (as make, git and Hugo do).
public struct FileStamp: Hashable, Sendable {
    public var size: Int
    /// Modification time in nanoseconds since 1970.
    public var modified: Int
    public var inode: UInt64

    public init(size: Int, modified: Int, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    /// The stamp of a file on disk, or nil when it cannot be stat'ed.
    public static func of(path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                         inode: UInt64(info.st_ino))
    }
}
