import Foundation
import GuideSupport
import Testing

/// The old output folder is removed several subfolders at a time after a build swaps the new
/// one in: everything below it goes, hidden files too, and a link is removed, never followed.
@Suite struct FolderRemovalTests {
    @Test func removesTheWholeTreeAndNeverFollowsALink() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("certguide-removal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent(".Public.old-1"), outside = base.appendingPathComponent("elsewhere")
        let manager = FileManager.default
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: outside.appendingPathComponent("kept.txt"))
        for page in 0..<300 {
            let folder = root.appendingPathComponent("certifications/page-\(page)/deeper")
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("<p>\(page)</p>".utf8).write(to: folder.deletingLastPathComponent().appendingPathComponent("index.html"))
            try Data().write(to: folder.appendingPathComponent(".hidden"))
        }
        try Data("top".utf8).write(to: root.appendingPathComponent("index.html"))
        try manager.createSymbolicLink(at: root.appendingPathComponent("link-to-folder"), withDestinationURL: outside)
        try manager.createSymbolicLink(at: root.appendingPathComponent("certifications/page-7/link"), withDestinationURL: outside)
        try manager.createSymbolicLink(at: root.appendingPathComponent("broken"), withDestinationURL: base.appendingPathComponent("missing"))

        FolderRemoval.remove(root.path)
        #expect(!manager.fileExists(atPath: root.path))
        #expect(try String(contentsOf: outside.appendingPathComponent("kept.txt"), encoding: .utf8) == "keep")

        // A file, and a path that is not there.
        let file = base.appendingPathComponent("file.txt")
        try Data("x".utf8).write(to: file)
        FolderRemoval.remove(file.path)
        FolderRemoval.remove(base.appendingPathComponent("missing").path)
        #expect(!manager.fileExists(atPath: file.path))
    }
}
