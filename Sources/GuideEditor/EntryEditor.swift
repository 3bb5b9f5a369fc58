import Foundation
import GuideBuild
import GuideContent
import GuideMarkdown
import GuideSite
import GuideSupport

/// The preview's editor, without HTTP: opens an entry as a form, renders a body as the site
/// renders it, and saves a form (checked by the build's own loader, written in place). The
/// server in front of it decides who may ask.
public struct EntryEditor: Sendable {
    public var contentDirectory: URL
    /// How the content folder is named in messages (`Content`), as the build names it.
    public var displayRoot: String
    public var today: @Sendable () -> Day

    public init(contentDirectory: URL, displayRoot: String? = nil, today: @escaping @Sendable () -> Day = { Day.today() }) {
        self.contentDirectory = contentDirectory
        self.displayRoot = displayRoot ?? contentDirectory.relativePath
        self.today = today
    }

    public enum Failure: Error, Equatable {
        case notFound
        case unreadable(String)
    }

    /// An entry's values, body and the fingerprint of its bytes (to refuse a save over a
    /// newer version).
    public struct Opened: Sendable {
        public var values: FieldValue
        public var body: String
        public var base: String
    }

    public func open(_ entry: EditableEntry) throws(Failure) -> Opened {
        guard let url = entry.file(in: contentDirectory), let data = try? Data(contentsOf: url) else { throw .notFound }
        // A form over bytes that are not UTF-8 would save them back as replacement characters.
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .unreadable("\(display(entry.relativePath)) is not valid UTF-8; save it with UTF-8 encoding in a text editor, then reload this form")
        }
        do {
            let (values, body) = try FrontMatterRewriter.current(text)
            return Opened(values: values, body: body, base: Self.fingerprint(data))
        } catch {
            throw .unreadable("\(display(entry.relativePath)): \(error.description); fix it in a text editor, then reload this form")
        }
    }

    /// What a new entry's form starts from: the file `certguide new` would write, title empty.
    public func blank(_ kind: EntryKind) -> Opened {
        let scaffold = EntryScaffold(kind: kind, title: "Title", today: today())
        var (values, body) = (try? FrontMatterRewriter.current(scaffold.text)) ?? (.mapping([]), "")
        if case .mapping(var fields) = values {
            fields.removeAll { $0.key == (kind == .faq ? "question" : "title") }
            values = .mapping(fields)
        }
        return Opened(values: values, body: body, base: "")
    }

    /// The body as the site renders it: the same renderer, raw HTML as `site.yml` allows, links
    /// to other entries' files resolved.
    public func previewHTML(_ body: String, of relativePath: String) -> String {
        var known = Set<String>()
        for kind in EntryKind.allCases {
            let folder = contentDirectory.appendingPathComponent(kind.folder)
            for file in (try? FileSystem.local.listFiles(folder)) ?? [] where file.hasSuffix(".md") { known.insert("\(kind.folder)/\(file)") }
        }
        let renderer = MarkdownRenderer(allowRawHTML: siteAllowsRawHTML())
        return renderer.render(body, resolveLink: ContentLinkResolver(sourcePath: relativePath, knownPaths: known).resolve).html
    }

    /// The topics and certification slugs of the guide, for the pickers.
    public func suggestions(for kind: EntryKind) -> [String: [String]] {
        let (content, _) = ContentLoader(contentDirectory: contentDirectory, displayRoot: displayRoot, includeDrafts: true).loadPartially()
        guard let content else { return [:] }
        var result = ["topics": Self.topics(of: content).sorted()]
        if kind == .faq { result["related"] = content.certifications.map(\.slug).sorted() }
        return result
    }

    static func topics(of content: SiteContent, except path: String? = nil) -> Set<String> {
        var topics = Set<String>()
        for entry in content.certifications where entry.path != path { topics.formUnion(entry.frontMatter.topics ?? []) }
        for entry in content.faqs where entry.path != path { topics.formUnion(entry.frontMatter.topics ?? []) }
        return topics
    }

    private func siteAllowsRawHTML() -> Bool {
        guard let data = try? Data(contentsOf: contentDirectory.appendingPathComponent("site.yml")) else { return false }
        let decoded = FrontMatterDecoder(path: "site.yml", firstLine: 1)
            .decode(SiteConfig.self, from: String(decoding: data, as: UTF8.self), schema: SiteConfig.schema)
        return (try? decoded.get().value.rawHTML) == true
    }

    public func display(_ relative: String) -> String {
        displayRoot.isEmpty || displayRoot == "." ? relative : "\(displayRoot)/\(relative)"
    }

    static func fingerprint(_ data: Data) -> String { Fingerprint(raw: data).description }
}
