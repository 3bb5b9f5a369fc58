#if canImport(Glibc)
import Foundation
import Glibc

/// inotify over every folder under the roots (it is not recursive by itself); folders created
/// later are added as they appear.
/// Handed to the watcher thread once built; used by that thread alone.
final class InotifySource: @unchecked Sendable {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE_SELF | IN_ATTRIB)

    init?(roots: [URL]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        for root in roots where !watchTree(root.path) {
            Glibc.close(descriptor)
            return nil // out of watches: the caller polls instead
        }
    }

    func close() {
        Glibc.close(descriptor)
    }

    private func watchTree(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return true }
        guard isFolder.boolValue else { return true }
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else { return false }
        folders[watch] = path
        for child in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            if !watchTree(path + "/" + child) { return false }
        }
        return true
    }

    func nextChanges(waiting timeout: TimeInterval) -> Set<String> {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) > 0 else { return [] }
        var changed = Set<String>()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let name = String(decoding: buffer[nameStart..<nameStart + length].prefix { $0 != 0 }, as: UTF8.self)
                if let folder = folders[watch] {
                    let path = name.isEmpty ? folder : folder + "/" + name
                    changed.insert(path)
                    if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        _ = watchTree(path)
                    }
                }
                offset = nameStart + length
            }
        }
        return changed
    }
}
#endif
