import Foundation
import GuideCheck
import GuideContent
import GuideSupport

/// One fuzzing input through the whole pipeline, in memory: load, validate, render every page
/// with the real templates, index for search, and check. Diagnostics are the expected answer
/// to bad input; only a crash or a hang is a bug. Shared by the libFuzzer target, its replay
/// mode and the corpus test, so all three run exactly the same code.
///
/// An input is a small Content tree: lines `=== <path>` (`=== certifications/clt.md`) each start
/// a file, and `scripts/fuzz` seeds the corpus with the guide's own files packed this way. An
/// input without such a line is one entry file, used as a certification, an FAQ and a page.
/// Without its own `site.yml` the tree gets a fixed valid one.
public enum FuzzHarness {
    static let siteConfig = Data("""
        title: Fuzz Guide
        base_url: https://guide.example.org/
        description: A site whose only entries are the fuzzer's input.
        language: en
        raw_html: false

        """.utf8)

    static let root = URL(fileURLWithPath: "/fuzz")
    static let content = root.appendingPathComponent("Content")
    static let templates = root.appendingPathComponent("Templates")
    /// Checks run as of a fixed day, so an input gives the same outcome every run.
    static let today = Day("2026-12-01")!
    static let marker = Array("=== ".utf8)

    /// What one run produced, so callers can tell how far the pipeline went.
    public struct Outcome: Sendable {
        /// Whether the content and templates loaded without errors, so pages were rendered,
        /// indexed and checked.
        public var rendered: Bool
        public var pages: Int
        public var diagnostics: [Diagnostic]
    }

    /// The templates a run renders with, read once: every file below `folder`, by relative path.
    public static func templates(from folder: URL) -> [String: Data] {
        let paths = (try? FileSystem.local.listFiles(folder)) ?? []
        return Dictionary(uniqueKeysWithValues: paths.compactMap { path in
            (try? Data(contentsOf: folder.appendingPathComponent(path))).map { (path, $0) }
        })
    }

    /// The files of an input, by path below the root (`Content/site.yml`).
    static func tree(of data: Data) -> [String: Data] {
        let bytes = [UInt8](data)
        var files: [String: Data] = [:]
        var starts: [(path: String, body: Int, line: Int)] = []
        var lineStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
            if bytes[lineStart..<index].starts(with: marker) {
                let name = String(decoding: bytes[(lineStart + marker.count)..<index], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                starts.append((name, min(index + 1, bytes.count), lineStart))
            }
            lineStart = index + 1
        }
        guard !starts.isEmpty else {
            for path in ["certifications/x.md", "faq/x.md", "pages/x.md"] { files["Content/\(path)"] = data }
            files["Content/site.yml"] = siteConfig
            return files
        }
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1].line : bytes.count
            // A path that climbs out of the tree, or is empty, is just another file name.
            let path = start.path.split(separator: "/").filter { $0 != ".." && $0 != "." }.joined(separator: "/")
            guard !path.isEmpty else { continue }
            files["Content/\(path)"] = Data(bytes[start.body..<max(start.body, end)])
        }
        if files["Content/site.yml"] == nil { files["Content/site.yml"] = siteConfig }
        return files
    }

    @discardableResult
    public static func run(data: Data, templates: [String: Data]) -> Outcome {
        var files = tree(of: data)
        for (path, bytes) in templates { files["Templates/\(path)"] = bytes }
        let table = files
        @Sendable func relative(_ url: URL) -> String {
            let base = root.path + "/", path = url.standardizedFileURL.path
            return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
        }
        let fileSystem = FileSystem(
            read: { url in
                guard let bytes = table[relative(url)] else { throw CocoaError(.fileReadNoSuchFile) }
                return bytes
            },
            listFiles: { folder in
                let prefix = relative(folder) + "/"
                return table.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
            },
            exists: { url in
                let path = relative(url)
                return table[path] != nil || table.keys.contains { $0.hasPrefix(path + "/") }
            }
        )
        let options = BuildOptions(contentDirectory: content, templatesDirectory: Self.templates,
                                   outputDirectory: root.appendingPathComponent("Public"), fileSystem: fileSystem)
        do {
            let generated = try Builder(options: options).generate(cache: nil)
            let report = SiteChecker(options: options, today: today).check(generated)
            return Outcome(rendered: true, pages: generated.files.filter(\.isPage).count, diagnostics: report.diagnostics)
        } catch {
            return Outcome(rendered: false, pages: 0, diagnostics: error.diagnostics)
        }
    }
}
