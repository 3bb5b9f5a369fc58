import DefaultTemplates
import Foundation
import GuideBuild
import GuideSupport
import Testing

/// The templates built into certguide, and a guide's own folder laid over them file by file.
@Suite struct BuiltInTemplatesTests {
    /// What the plugin embedded is the project's `Templates/`, every file and byte.
    @Test func builtInTemplatesAreTheTemplatesFolder() throws {
        let folder = TestSite.projectRoot.appendingPathComponent("Templates")
        var files: [String: Data] = [:]
        for path in try FileSystem.local.listFiles(folder) { files[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
        #expect(files.count > 30)
        #expect(Set(DefaultTemplates.files.keys) == Set(files.keys))
        for (path, data) in files { #expect(DefaultTemplates.files[path] == data, "\(path) differs from the built-in copy") }
    }

    /// A guide without a templates folder builds the same site, byte for byte.
    @Test func withoutTemplatesFolderTheSiteIsTheSame() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let withFolder = try site.generate()
        try site.remove("Templates")
        let builtIn = try site.generate()
        #expect(builtIn.map(\.path) == withFolder.map(\.path))
        #expect(builtIn.map(\.contents) == withFolder.map(\.contents))
    }

    /// One partial of the guide's own replaces the built-in one; every other template and
    /// asset stays the built-in one.
    @Test func onePartialOverridesTheRest() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let original = try site.generate()
        let footer = try String(contentsOf: site.templates.appendingPathComponent("partials/footer.mustache"), encoding: .utf8)
        try site.remove("Templates")
        try site.write("Templates/partials/footer.mustache", footer.replacingOccurrences(of: "</footer>", with: "<p>Our own footer</p></footer>"))
        let files = try site.generate()
        #expect(files.map(\.path) == original.map(\.path))
        let home = try #require(files.first { $0.path == "index.html" })
        #expect(String(decoding: home.contents, as: UTF8.self).contains("<p>Our own footer</p>"))
        let css = files.first { $0.path == "assets/site.css" }
        #expect(css != nil && css?.contents == original.first { $0.path == "assets/site.css" }?.contents)
    }

    /// A mistake in the guide's own template is reported at its file, line and column, as before.
    @Test func anOverrideWithAMistakeIsReportedAtItsLine() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.remove("Templates")
        try site.write("Templates/pages/404.mustache", "{{<base}}{{$main}}\n{{>sidebar}}{{/main}}{{/base}}\n")
        #expect(site.problems() == ["Templates/pages/404.mustache:2:1: error: template `sidebar` does not exist"])
    }

    @Test func overlayListsAndReadsBothLayers() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("overlay-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try Data("own".utf8).write(to: root.appendingPathComponent("partials/a.mustache"))
        let files = FileSystem.local.overlaying(["partials/a.mustache": Data("built-in".utf8), "partials/b.mustache": Data("b".utf8),
                                                 "assets/x.css": Data("x".utf8)], at: root)
        #expect(try files.listFiles(root) == ["assets/x.css", "partials/a.mustache", "partials/b.mustache"])
        #expect(try files.listFiles(root.appendingPathComponent("partials")) == ["a.mustache", "b.mustache"])
        #expect(try files.read(root.appendingPathComponent("partials/a.mustache")) == Data("own".utf8))
        #expect(try files.read(root.appendingPathComponent("partials/b.mustache")) == Data("b".utf8))
        #expect(files.exists(root.appendingPathComponent("assets")) && !files.exists(root.appendingPathComponent("layouts")))
        #expect(throws: (any Error).self) { try files.read(root.appendingPathComponent("partials/c.mustache")) }
        // Outside the folder nothing is laid over.
        #expect(!files.exists(root.deletingLastPathComponent().appendingPathComponent("partials/b.mustache")))
    }
}
