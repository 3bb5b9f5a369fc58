import Foundation
import GuideBuild
import GuideSupport
import Testing

/// The compiled templates write what swift-mustache writes from the same contexts, page for
/// page and byte for byte: on the shipped guide and on a generated one of every kind of fact.
@Suite struct CompiledTemplateTests {
    static func compare(content: URL, templates: URL) throws {
        let options = BuildOptions(contentDirectory: content, templatesDirectory: templates,
                                   outputDirectory: content.deletingLastPathComponent().appendingPathComponent("Public"))
        let (compiled, reference) = try Builder(options: options).renderedBothWays()
        #expect(compiled.count == reference.count)
        #expect(compiled.map(\.path) == reference.map(\.path))
        var differing: [String] = []
        for (mine, theirs) in zip(compiled, reference) where mine.contents != theirs.contents { differing.append(mine.path) }
        #expect(differing.isEmpty, "\(differing.count) pages differ, first \(differing.prefix(5))")
    }

    @Test func shippedGuideRendersAsSwiftMustacheRendersIt() throws {
        let root = TestSite.projectRoot
        try Self.compare(content: URL(fileURLWithPath: "Content", relativeTo: root), templates: URL(fileURLWithPath: "Templates", relativeTo: root))
    }

    @Test func generatedGuideRendersAsSwiftMustacheRendersIt() throws {
        let folder = try TestSite.generatedGuide(certifications: 240, faqs: 48, seed: 42)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.compare(content: folder.appendingPathComponent("Content"), templates: TestSite.projectRoot.appendingPathComponent("Templates"))
    }
}
