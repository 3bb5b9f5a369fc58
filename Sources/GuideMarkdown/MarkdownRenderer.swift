import CCmark
import GuideSupport

/// Renders Markdown with the system cmark through its node API: headings get stable ids and an
/// anchor link, `.md` links become site URLs, and the same walk collects text for search.
public struct MarkdownRenderer: Sendable {
    /// What a link destination should become.
    public enum LinkTarget: Sendable {
        case keep
        case rewrite(String)
        case broken(String)
    }

    /// Lets raw HTML and `javascript:` links through; off unless `site.yml` says `raw_html: true`.
    public var allowRawHTML: Bool
    /// Ids the page template uses itself, so a heading called "Main" cannot collide with them.
    public var reservedIDs: Set<String>

    public init(allowRawHTML: Bool = false, reservedIDs: Set<String> = ["main", "top", "toc", "search", "content"]) {
        self.allowRawHTML = allowRawHTML
        self.reservedIDs = reservedIDs
    }

    private static let optionSmart: Int32 = 1 << 10
    private static let optionValidateUTF8: Int32 = 1 << 9
    private static let optionUnsafe: Int32 = 1 << 17

    /// - Parameters:
    ///   - firstLine: the file line on which `markdown` starts, so locations point into the file.
    ///   - resolveLink: decides what each link and image destination becomes.
    public func render(_ markdown: String, firstLine: Int = 1, resolveLink: @escaping (String) -> LinkTarget = { _ in .keep }) -> MarkdownDocument {
        var options = Self.optionSmart | Self.optionValidateUTF8
        if allowRawHTML { options |= Self.optionUnsafe }
        let document: OpaquePointer = markdown.withCString { cmark_parse_document($0, strlen($0), options) }
        defer { cmark_node_free(document) }

        var walker = TreeWalker(lineOffset: firstLine - 1, ids: SlugAllocator(reserved: reservedIDs), resolveLink: resolveLink)
        walker.walk(document)
        for heading in walker.headingNodes { Self.replaceHeading(heading.node, level: heading.level, id: heading.id) }

        guard let rendered = cmark_render_html(document, options) else {
            return MarkdownDocument(html: "", headings: [], sections: [], links: [], problems: [])
        }
        defer { free(rendered) }
        return MarkdownDocument(
            html: String(cString: rendered),
            headings: walker.headingNodes.map { MarkdownDocument.Heading(level: $0.level, text: $0.text, id: $0.id) },
            sections: walker.finishedSections(),
            links: walker.links,
            problems: walker.problems
        )
    }

    /// A heading becomes an empty custom block holding a custom inline that prints
    /// `<hN id="…">…<a class="anchor">#</a></hN>`: cmark emits custom nodes even in safe
    /// mode, so ids never require letting users' raw HTML through.
    private static func replaceHeading(_ heading: OpaquePointer, level: Int, id: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK), let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(inline, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(inline, " <a class=\"anchor\" href=\"#\(id)\" aria-label=\"Section link\">#</a></h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_append_child(inline, child)
        }
        cmark_node_append_child(block, inline)
        cmark_node_replace(heading, block)
        cmark_node_free(heading) // cmark_node_replace unlinks the old node but does not free it
    }
}
