import CCmark
import Foundation
import GuideSupport

/// One pass over a cmark tree: collects headings (for ids), text by section, and links, and
/// rewrites link destinations. The tree is only changed after the walk, never during it.
struct TreeWalker {
    struct HeadingNode {
        var node: OpaquePointer
        var level: Int
        var id: String
        var text: String
    }

    let lineOffset: Int
    var ids: SlugAllocator
    let resolveLink: (String) -> MarkdownRenderer.LinkTarget

    private(set) var headingNodes: [HeadingNode] = []
    private(set) var links: [MarkdownDocument.Link] = []
    private(set) var problems: [(SourceLocation, String)] = []
    private var sections: [MarkdownDocument.Section] = [.init(id: nil, title: nil, text: "")]
    private var headingText: String?
    private var linkText: [String] = []

    init(lineOffset: Int, ids: SlugAllocator, resolveLink: @escaping (String) -> MarkdownRenderer.LinkTarget) {
        self.lineOffset = lineOffset
        self.ids = ids
        self.resolveLink = resolveLink
    }

    mutating func walk(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER { enter(node) } else { exit(node) }
        }
    }

    func finishedSections() -> [MarkdownDocument.Section] {
        // Trimmed in Swift: Foundation's trimming goes through NSString, and copies every body.
        sections.map { section in
            let text = section.text
            guard let start = text.firstIndex(where: { !$0.isWhitespace }), let end = text.lastIndex(where: { !$0.isWhitespace }) else {
                return .init(id: section.id, title: section.title, text: "")
            }
            return .init(id: section.id, title: section.title, text: String(text[start...end]))
        }
            .filter { $0.id != nil || !$0.text.isEmpty }
    }

    private mutating func enter(_ node: OpaquePointer) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            headingText = ""
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            appendText(literal(node))
        case CMARK_NODE_CODE_BLOCK:
            appendText(literal(node) + "\n")
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            appendText(" ")
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            linkText.append("")
        default:
            break
        }
    }

    private mutating func exit(_ node: OpaquePointer) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            let text = (headingText ?? "").trimmingCharacters(in: .whitespaces)
            headingText = nil
            let level = Int(cmark_node_get_heading_level(node))
            let id = ids.unique(for: text)
            headingNodes.append(HeadingNode(node: node, level: level, id: id, text: text))
            if level == 2 {
                sections.append(.init(id: id, title: text, text: ""))
            } else {
                appendText(text + "\n")
            }
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE:
            appendText("\n")
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            visitLink(node, text: linkText.popLast() ?? "")
        default:
            break
        }
    }

    private mutating func appendText(_ text: String) {
        if headingText != nil {
            headingText! += text
            return
        }
        for index in linkText.indices { linkText[index] += text }
        sections[sections.count - 1].text += text
    }

    private mutating func visitLink(_ node: OpaquePointer, text: String) {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let location = self.location(of: node)
        var url = destination
        switch resolveLink(destination) {
        case .keep:
            break
        case .rewrite(let newURL):
            cmark_node_set_url(node, newURL)
            url = newURL
        case .broken(let message):
            problems.append((location, message))
        }
        let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        links.append(.init(destination: destination, url: url, isImage: isImage,
                           text: text.trimmingCharacters(in: .whitespaces), location: location))
    }

    /// cmark records positions for blocks; an inline node takes the position of its nearest block.
    private func location(of node: OpaquePointer) -> SourceLocation {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 {
                return SourceLocation(line: line + lineOffset, column: max(1, Int(cmark_node_get_start_column(candidate))))
            }
            current = cmark_node_parent(candidate)
        }
        return SourceLocation(line: lineOffset + 1, column: 1)
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? "" // borrowed: never freed
    }
}

