import Foundation
import GuideSupport

/// One content file: its slug (the file name), its decoded front matter and its Markdown body.
public struct Entry<FrontMatter: Sendable>: Sendable {
    public var slug: String
    /// Path relative to the content folder, e.g. `certifications/clt.md`.
    public var path: String
    /// Path as given to the build, for diagnostics (`Content/certifications/clt.md`).
    public var displayPath: String
    public var frontMatter: FrontMatter
    public var body: String
    public var bodyFirstLine: Int
    /// Where each front-matter value sits in the file (`related[1]` -> 7:5).
    public var locations: [String: SourceLocation]
    /// Of the file's path and front matter, and of its path and body: what an incremental
    /// build compares to tell a fact changed from a body changed.
    public var frontMatterFingerprint = Fingerprint()
    public var bodyFingerprint = Fingerprint()

    public func location(of key: String) -> SourceLocation {
        locations[key] ?? .start
    }
}

/// For the incremental build cache: the front matter through its `Codable` form (its types
/// are many and small) as `TaggedBinary`, the rest, the body above all, field by field.
extension Entry where FrontMatter: Codable {
    public func write(to writer: inout BinaryWriter) throws {
        writer.string(slug)
        writer.string(path)
        writer.string(displayPath)
        writer.raw(try TaggedBinary.encode(frontMatter))
        writer.string(body)
        writer.int(bodyFirstLine)
        writer.array(Array(locations)) { writer, pair in
            writer.string(pair.key)
            writer.location(pair.value)
        }
        writer.fingerprint(frontMatterFingerprint)
        writer.fingerprint(bodyFingerprint)
    }

    public init(reading reader: inout BinaryReader) throws {
        slug = try reader.string()
        path = try reader.string()
        displayPath = try reader.string()
        frontMatter = try TaggedBinary.decode(FrontMatter.self, from: try reader.rawBytes())
        body = try reader.string()
        bodyFirstLine = try reader.int()
        let pairs = try reader.array { reader throws(BinaryReader.Truncated) in (try reader.string(), try reader.location()) }
        locations = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        frontMatterFingerprint = try reader.fingerprint()
        bodyFingerprint = try reader.fingerprint()
    }
}

public typealias Certification = Entry<CertificationFrontMatter>
public typealias FAQ = Entry<FAQFrontMatter>
public typealias Page = Entry<PageFrontMatter>

/// Everything loaded from `Content/`, before URLs and relations are worked out.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var certifications: [Certification]
    public var faqs: [FAQ]
    public var pages: [Page]
    /// Every entry file found, relative to `Content/`, drafts and files with errors included:
    /// a link to any of them is not a broken link.
    public var allPaths: Set<String>
    /// Of `site.yml`'s text.
    public var configFingerprint = Fingerprint()
}
