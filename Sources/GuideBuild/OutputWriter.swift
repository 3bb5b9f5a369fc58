import CSystem
import Foundation
import GuideSupport

/// Writes a built site into a fresh folder beside the output folder and swaps it in only once
/// every file is written, so a failed or killed build leaves the previous site as it was.
public struct OutputWriter: Sendable {
    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// Folders a crashed build may have left beside the output (`.Public.tmp-123`).
    private var stagingPrefix: String { ".\(output.lastPathComponent).tmp-" }
    private var retiredPrefix: String { ".\(output.lastPathComponent).old-" }

    public func write(_ files: [OutputFile]) throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(in: parent)

        let token = "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        let staging = parent.appendingPathComponent(stagingPrefix + token)
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            try Self.createFolders(for: files, in: staging.path)
            // Thousands of small files: the syscalls of one overlap the copying of another. No
            // file is synced on its own (Foundation's write syncs each, two calls a file): one
            // sync of the file system below, before the swap, makes the whole folder durable
            // at a cost that does not grow with the number of files.
            _ = try files.parallelMap { file in try Self.writeUnsynced(file.contents, to: staging.appendingPathComponent(file.path).path) }
            guard certguide_sync_filesystem(staging.path) == 0 else { throw Self.writeError(staging.path, errno) }
            try swapIn(staging, parent: parent, token: token)
        } catch {
            FolderRemoval.remove(staging.path)
            throw error
        }
    }

    private func swapIn(_ staging: URL, parent: URL, token: String) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.path) else {
            try manager.moveItem(at: staging, to: output)
            return
        }
        // One atomic exchange where the kernel has it: readers never see a missing folder.
        if certguide_exchange_paths(staging.path, output.path) == 0 {
            // `staging` now holds the previous site.
            FolderRemoval.remove(staging.path)
            return
        }
        let retired = parent.appendingPathComponent(retiredPrefix + token)
        try manager.moveItem(at: output, to: retired)
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            try? manager.moveItem(at: retired, to: output)
            throw error
        }
        FolderRemoval.remove(retired.path)
    }

    /// Every folder the files go in, parents before children, each level on every core: a
    /// guide of 10,000 certifications has a folder a page, and one `mkdir` each is all it takes.
    private static func createFolders(for files: [OutputFile], in root: String) throws {
        var folders = Set<Substring>()
        for file in files {
            var path = Substring(file.path)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                guard folders.insert(path).inserted else { break }
            }
        }
        let levels = Dictionary(grouping: folders) { $0.reduce(0) { $1 == "/" ? $0 + 1 : $0 } }
        for depth in levels.keys.sorted() {
            _ = try levels[depth]!.sorted().parallelMap { folder in
                let path = root + "/" + folder
                guard mkdir(path, 0o777) == 0 || errno == EEXIST else { throw Self.writeError(path, errno) }
            }
        }
    }

    /// The error Foundation's own write gives, so messages name the same reason as before.
    private static func writeError(_ path: String, _ code: Int32) -> NSError {
        NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteUnknown.rawValue,
                userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(code))])
    }

    private static func writeUnsynced(_ contents: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Self.writeError(path, errno) }
        defer { close(descriptor) }
        try contents.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Self.writeError(path, errno)
                }
                offset += written
            }
        }
    }

    private func removeLeftovers(in parent: URL) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(stagingPrefix) || name.hasPrefix(retiredPrefix) {
            FolderRemoval.remove(parent.appendingPathComponent(name).path)
        }
    }
}

extension OutputWriter {
    /// Writes changed files in place and deletes removed ones (the preview's rebuilds and
    /// `build --incremental`, where swapping the whole folder would be wasted work), stopping
    /// at the first file that cannot be written. A folder left empty by a removal goes too, so
    /// the folder matches what a full build writes.
    public func replace(_ files: [OutputFile], removing removed: Set<String>) throws {
        let manager = FileManager.default
        for file in files {
            let url = output.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url, options: .atomic)
        }
        for path in removed.sorted() {
            var url = output.appendingPathComponent(path)
            try? manager.removeItem(at: url)
            url.deleteLastPathComponent()
            while url.path.count > output.path.count, rmdir(url.path) == 0 { url.deleteLastPathComponent() }
        }
    }
}
