import Foundation

/// A template parsed once a build into nodes that refer to names by number and to partials by
/// index: rendering a page walks these and the page's typed records, nothing else.
struct CompiledTemplate: Sendable {
    var nodes: [TemplateNode]
}

/// A name as a template writes it: `.`, `title`, `site.title` (each part numbered), or
/// `.title` (looked up in the innermost context only).
struct TemplateName: Sendable {
    var parts: [Int32]
    var anchored: Bool

    init(_ text: String) {
        anchored = text.first == "." && text != "."
        parts = text == "." ? [] : text.split(separator: ".").map { TemplateNames.id(String($0)) }
    }
}

/// The partial a `{{> name}}` renders, found once every template is compiled.
final class PartialLink: @unchecked Sendable {
    // @unchecked: `index` is set while the library is made, before any render.
    let name: String
    var index = -1
    init(_ name: String) { self.name = name }
}

indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{> name}}` (no overrides) or `{{< name}}…{{/name}}` (the blocks it overrides). A
    /// standalone tag indents every line of the partial by the whitespace before it.
    case partial(PartialLink, indentation: String?, overrides: [String: [TemplateNode]]?)
    /// `{{$ name}}…{{/name}}` outside `{{<…}}`: the override of an including template, or this.
    case block(String, [TemplateNode], indentation: String)
    /// `{{$ name}}…{{/name}}` directly inside `{{<…}}`.
    case blockDefinition(String, [TemplateNode])
}
