import DefaultTemplates
import Foundation
import GuideContent
import GuideSupport

/// A new guide for `certguide init`: `Content/` with a commented `site.yml` and one example
/// certification, question and page that build and pass `check --strict`, a `.gitignore`, the
/// publish workflow and, on request, the default templates to edit. Writes only new files.
public struct GuideScaffold: Sendable {
    public var title: String
    /// Where the guide will be published (`base_url` of `site.yml`).
    public var baseURL: String
    public var today: Day
    /// The certguide release the workflow downloads (`uses: <action>@v<version>`).
    public var version: String
    /// Also write the built-in templates into `Templates/`.
    public var withTemplates: Bool

    /// Where the GitHub Action lives: the workflow says `uses: <this>@v<version>`.
    public static let actionRepository = "certguide/certguide"

    public init(title: String = "Certification Guide", baseURL: String = "https://guide.example.org/", today: Day, version: String,
                withTemplates: Bool = false) {
        self.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        // Pages link from the root of the host: the address is a folder.
        let address = baseURL.trimmingCharacters(in: .whitespacesAndNewlines)
        self.baseURL = address.hasSuffix("/") ? address : address + "/"
        self.today = today
        self.version = version
        self.withTemplates = withTemplates
    }

    /// Every file, by path relative to the guide's folder; `.gitignore` apart (`create`).
    public var files: [String: Data] {
        var files: [String: Data] = [
            "Content/site.yml": Data(siteSettings.utf8),
            "Content/certifications/example-library-technician.md": Data(certification.utf8),
            "Content/faq/how-long-does-certification-take.md": Data(question.utf8),
            "Content/pages/about.md": Data(page.utf8),
            ".github/workflows/publish.yml": Data(workflow.utf8),
        ]
        if withTemplates {
            for (path, data) in DefaultTemplates.files { files["Templates/\(path)"] = data }
        }
        return files
    }

    /// What `.gitignore` must hold: the built site and the build's hidden folders beside it.
    static let ignored = ["Public/", ".Public.*"]

    /// Writes the guide into `folder` (made if missing) and returns the paths written, as the
    /// user would type them. Refuses, writing nothing, when the folder already holds a guide or
    /// any file it would write; a `.gitignore` that exists gets the missing lines added.
    public func create(in folder: URL) throws(DiagnosticsError) -> [String] {
        let root = folder.relativePath.isEmpty ? "." : folder.relativePath
        func display(_ path: String) -> String { root == "." ? path : "\(root)/\(path)" }
        let manager = FileManager.default
        guard !title.isEmpty else { throw DiagnosticsError([.error("--title", .start, "the title is empty; give the guide a name")]) }
        guard let address = URL(string: baseURL), ["http", "https"].contains(address.scheme ?? ""), address.host?.isEmpty == false else {
            throw DiagnosticsError([.error("--base-url", .start,
                "`\(baseURL.dropLast())` is not an address the guide can be published at; give one like https://guide.example.org/")])
        }
        if manager.fileExists(atPath: folder.appendingPathComponent("Content").path) {
            throw DiagnosticsError([.error(display("Content"), .start,
                "\(root == "." ? "this folder" : "`\(root)`") already holds a guide (`\(display("Content"))` exists); init writes only new guides "
                + "and changed nothing. Give it a new folder (`certguide init my-guide`), or add entries to this guide with `certguide new`")])
        }
        let files = self.files
        let existing = files.keys.sorted().filter { manager.fileExists(atPath: folder.appendingPathComponent($0).path) }
        if !existing.isEmpty {
            throw DiagnosticsError(existing.map { .error(display($0), .start, "already exists; init writes no file over another and changed nothing") })
        }
        var written: [String] = []
        do {
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let url = folder.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .withoutOverwriting)
                written.append(display(path))
            }
            if try addIgnored(to: folder.appendingPathComponent(".gitignore")) { written.append(display(".gitignore")) }
        } catch {
            throw DiagnosticsError([.error(root, .start,
                "cannot write the guide: \(FileSystem.reason(error)); written so far: \(written.isEmpty ? "nothing" : written.joined(separator: ", "))")])
        }
        return written
    }

    /// Adds the lines `.gitignore` lacks; whether it changed.
    private func addIgnored(to url: URL) throws -> Bool {
        let old = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let lines = Set(old.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = Self.ignored.filter { !lines.contains($0) }
        guard !missing.isEmpty else { return false }
        let header = old.isEmpty ? "# The built site and certguide's build folders beside it (.Public.tmp-…, .Public.cache).\n" : ""
        let separator = old.isEmpty || old.hasSuffix("\n") ? "" : "\n"
        try Data((old + separator + header + missing.joined(separator: "\n") + "\n").utf8).write(to: url)
        return true
    }
}
