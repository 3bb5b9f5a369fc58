import Foundation
import GuideBuild
import GuideContent
import GuideSupport

/// An entry file the editor may open or write: one of the three entry folders and a slug of
/// lowercase letters, digits and hyphens, so no request can name a path outside them (`..`,
/// `/`, `%2e`, a hidden file or another extension cannot be spelled).
public struct EditableEntry: Sendable, Hashable {
    public var kind: EntryKind
    public var slug: String

    public init?(folder: String, slug: String) {
        guard let kind = EntryKind.allCases.first(where: { $0.folder == folder }), Self.isSlug(slug) else { return nil }
        self.kind = kind
        self.slug = slug
    }

    public init?(kind: EntryKind, slug: String) {
        guard Self.isSlug(slug) else { return nil }
        self.kind = kind
        self.slug = slug
    }

    /// `certifications/clt.md`.
    public var relativePath: String { "\(kind.folder)/\(slug).md" }

    /// The page the entry is published at.
    public var pageURL: String {
        switch kind {
        case .certification: "/certifications/\(slug)/"
        case .faq: "/faq/\(slug)/"
        case .page: "/\(slug)/"
        }
    }

    public var editURL: String { "/__certguide/edit/\(kind.folder)/\(slug)" }

    public var schema: KeySchema {
        switch kind {
        case .certification: CertificationFrontMatter.schema
        case .faq: FAQFrontMatter.schema
        case .page: PageFrontMatter.schema
        }
    }

    /// The entry a preview page shows, from its URL (`/faq/how-long/` -> `faq/how-long.md`).
    public init?(pageURL path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch parts.count {
        case 2 where parts[0] == "certifications": self.init(kind: .certification, slug: parts[1])
        case 2 where parts[0] == "faq": self.init(kind: .faq, slug: parts[1])
        case 1: self.init(kind: .page, slug: parts[0])
        default: return nil
        }
    }

    static func isSlug(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 200, text.first != "-", text.last != "-" else { return false }
        return text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// The file inside `content`, or nil when the folder on disk leads elsewhere (a symlinked
    /// folder or file): the editor writes nothing outside the content folder.
    public func file(in content: URL) -> URL? {
        let root = content.standardizedFileURL.resolvingSymlinksInPath()
        let folder = root.appendingPathComponent(kind.folder)
        let resolvedFolder = folder.resolvingSymlinksInPath()
        guard resolvedFolder.path == folder.path else { return nil }
        let file = folder.appendingPathComponent("\(slug).md")
        if let type = try? FileManager.default.attributesOfItem(atPath: file.path)[.type] as? FileAttributeType, type != .typeRegular {
            return nil
        }
        return file
    }
}
