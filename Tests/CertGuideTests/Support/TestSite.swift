import Foundation
import GuideBuild
import GuideCheck
import GuideContent
import GuideSupport
import Testing

/// A real site on disk in a temporary folder: a copy of a fixture (or nothing) plus the
/// project's own templates, with files added or replaced per test.
struct TestSite: Sendable {
    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = projectRoot.appendingPathComponent("Tests/Fixtures")

    /// A guide written by `scripts/generate-site.py` into a new temporary folder (its
    /// `Content/` inside), the same for the same arguments; the caller removes the folder.
    static func generatedGuide(certifications: Int, faqs: Int, seed: Int) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certguide-generated-\(UUID().uuidString)")
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", projectRoot.appendingPathComponent("scripts/generate-site.py").path, folder.path,
                               "--certifications", String(certifications), "--faqs", String(faqs), "--seed", String(seed)]
        generator.standardOutput = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0)
        return folder
    }

    let root: URL

    var content: URL { root.appendingPathComponent("Content") }
    var templates: URL { root.appendingPathComponent("Templates") }
    var output: URL { root.appendingPathComponent("Public") }

    /// - Parameters:
    ///   - fixture: a folder of `Tests/Fixtures` whose `Content/` is copied, or nil for none.
    ///   - files: paths relative to the site root (`Content/faq/x.md`) and their text.
    init(fixture: String? = "basic", files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("certguide-test-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        try manager.copyItem(at: Self.projectRoot.appendingPathComponent("Templates"), to: templates)
        if let fixture {
            try manager.copyItem(at: Self.fixtures.appendingPathComponent("\(fixture)/Content"), to: content)
        } else {
            try manager.createDirectory(at: content, withIntermediateDirectories: true)
        }
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// `versionedAssets: false` is how the preview builds, for comparing with it.
    func options(drafts: Bool = false, baseURL: String? = nil, versionedAssets: Bool = true) -> BuildOptions {
        // Relative URLs so that messages read `Content/…`, as they do for a user.
        let base = URL(fileURLWithPath: root.path, isDirectory: true)
        var options = BuildOptions(
            contentDirectory: URL(fileURLWithPath: "Content", relativeTo: base),
            templatesDirectory: URL(fileURLWithPath: "Templates", relativeTo: base),
            outputDirectory: URL(fileURLWithPath: "Public", relativeTo: base),
            includeDrafts: drafts, baseURL: baseURL)
        options.versionedAssets = versionedAssets
        return options
    }

    @discardableResult
    func build(drafts: Bool = false) throws -> BuildReport {
        try Builder(options: options(drafts: drafts)).build()
    }

    func generate(drafts: Bool = false) throws(DiagnosticsError) -> [OutputFile] {
        try Builder(options: options(drafts: drafts)).generate().1
    }

    /// The problems of a build that is expected to fail, as printed (`path:line:col: error: …`).
    func problems() -> [String] {
        do {
            _ = try Builder(options: options()).generate()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file of the output folder with its bytes.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileSystem.local.listFiles(output) {
            files[path] = try Data(contentsOf: output.appendingPathComponent(path))
        }
        return files
    }

    /// Writes an empty file for each `/assets/…` the templates refer to and `Templates/assets/`
    /// lacks, so that checks of content are not about the project's templates.
    func addMissingAssets() throws {
        for path in try FileSystem.local.listFiles(templates) where path.hasSuffix(".mustache") {
            let text = try String(contentsOf: templates.appendingPathComponent(path), encoding: .utf8)
            var rest = Substring(text)
            while let start = rest.range(of: "\"/assets/") {
                let name = rest[start.upperBound...].prefix { $0 != "\"" && $0 != "?" && $0 != "#" }
                if !FileManager.default.fileExists(atPath: templates.appendingPathComponent("assets/\(name)").path) {
                    try write("Templates/assets/\(name)", "")
                }
                rest = rest[start.upperBound...]
            }
        }
    }

    /// `certguide check` as of `today`, through the library.
    func check(today: String, drafts: Bool = false) -> CheckReport {
        Builder(options: options(drafts: drafts)).check(asOf: Day(today)!)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }
}
