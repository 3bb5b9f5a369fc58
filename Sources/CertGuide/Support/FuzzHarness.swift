import Foundation

/// One fuzzing input through the loader and the site builder, in memory: a fixed valid
/// `site.yml` and the input as a certification, an FAQ and a page. Diagnostics are the expected
/// answer to bad input; only a crash or a hang is a bug. Shared by the libFuzzer target, its
/// replay mode and the corpus test, so all three run exactly the same code.
public enum FuzzHarness {
    static let siteConfig = Data("""
        title: Fuzz Guide
        base_url: https://guide.example.org/
        description: A site whose only entries are the fuzzer's input.
        language: en
        raw_html: false

        """.utf8)

    static let root = URL(fileURLWithPath: "/fuzz/Content")

    /// What one run produced, so callers can tell the pipeline really ran.
    public struct Outcome: Sendable {
        /// Whether the content loaded far enough to be built.
        public var built: Bool
        public var diagnostics: [Diagnostic]
    }

    /// A path below the in-memory content folder, as the keys of the file table.
    @Sendable static func relative(_ url: URL) -> String {
        let base = root.path + "/", path = url.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    @discardableResult
    public static func run(data: Data) -> Outcome {
        let files: [String: Data] = [
            "site.yml": siteConfig,
            "certifications/x.md": data,
            "faq/x.md": data,
            "pages/x.md": data,
        ]
        let fileSystem = FileSystem(
            read: { url in
                guard let bytes = files[relative(url)] else { throw CocoaError(.fileReadNoSuchFile) }
                return bytes
            },
            listFiles: { folder in
                let prefix = relative(folder) + "/"
                return files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
            },
            exists: { url in
                let path = relative(url)
                return files[path] != nil || files.keys.contains { $0.hasPrefix(path + "/") }
            }
        )
        let (content, diagnostics) = ContentLoader(contentDirectory: root, displayRoot: "Content", fileSystem: fileSystem).loadPartially()
        guard let content else { return Outcome(built: false, diagnostics: diagnostics) }
        do {
            _ = try SiteBuilder().build(content)
            return Outcome(built: true, diagnostics: diagnostics)
        } catch {
            return Outcome(built: true, diagnostics: diagnostics + error.diagnostics)
        }
    }
}
