import GuideBuild
import GuideContent
import GuideRender

/// The editor's HTML page for one entry (or a new one): the form, the body with its preview,
/// Save. No inline script or style: the page is served with a policy that forbids them.
public struct EditorPage: Sendable {
    public static let scriptPath = "/__certguide/editor.js"
    public static let stylePath = "/__certguide/editor.css"

    public var editor: EntryEditor

    public init(editor: EntryEditor) {
        self.editor = editor
    }

    /// The form of an existing entry, or nil when there is no such file.
    public func html(for entry: EditableEntry, token: String) -> String? {
        let opened: EntryEditor.Opened
        do {
            opened = try editor.open(entry)
        } catch .unreadable(let message) {
            return page(title: "Cannot edit \(entry.relativePath)", main: "<h1>Cannot edit this entry</h1><p class=\"summary\">\(HTML.escape(message))</p>")
        } catch {
            return nil
        }
        let name = opened.values[entry.kind == .faq ? "question" : "title"]?.text ?? entry.slug
        let heading = "<h1>Edit <span class=\"name\">\(HTML.escape(name))</span></h1>"
            + "<p class=\"where\">File <code>\(HTML.escape(editor.display(entry.relativePath)))</code> · "
            + "<a href=\"\(entry.pageURL)\">Back to the page</a></p>"
        return page(title: "Edit: \(name)", main: heading + form(entry.kind, opened, path: entry.relativePath, token: token, attributes: "data-folder=\"\(entry.kind.folder)\" data-slug=\"\(entry.slug)\""))
    }

    /// The form of a new entry of `kind`, filled as `certguide new` fills the file.
    public func html(new kind: EntryKind, token: String) -> String {
        let noun = ["certification": "certification", "faq": "question", "page": "page"][kind.rawValue] ?? kind.rawValue
        let heading = "<h1>New \(noun)</h1><p class=\"where\">Saving writes the file <code>certguide new</code> would write, "
            + "named after the \(kind == .faq ? "question" : "title"), in <code>\(HTML.escape(editor.display(kind.folder)))/</code>.</p>"
        return page(title: "New \(noun)", main: heading + form(kind, editor.blank(kind), path: "\(kind.folder)/new.md", token: token, attributes: "data-new=\"\(kind.rawValue)\""))
    }

    private func form(_ kind: EntryKind, _ opened: EntryEditor.Opened, path: String, token: String, attributes: String) -> String {
        let schema = EditableEntry(kind: kind, slug: "x")!.schema
        let fields = EntryForm(schema: schema, help: FieldHelp(kind: kind), suggestions: editor.suggestions(for: kind)).fields(opened.values)
        return """
        <div id="summary" class="summary" role="alert" tabindex="-1" hidden></div>
        <form id="entry-form" data-type="mapping" data-scope \(attributes) data-base="\(opened.base)" data-token="\(token)" novalidate>
        \(fields)
        <div class="field body" data-path="body"><label for="f-body">Text (Markdown)</label>\
        <p class="help" id="h-body">Headings with ##, lists with -, links to other entries by their file (../faq/cost.md).</p>\
        <textarea id="f-body" data-body rows="18" aria-describedby="h-body">\(HTML.escape(opened.body))</textarea></div>
        <section class="preview" aria-labelledby="preview-heading"><h2 id="preview-heading">Preview of the text</h2>\
        <div id="body-preview" class="prose">\(editor.previewHTML(opened.body, of: path))</div></section>
        <div class="actions"><button type="submit" class="save">Save</button><p id="status" role="status"></p></div>
        </form>
        """
    }

    private func page(title: String, main: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) · certguide preview</title>
        <link rel="stylesheet" href="\(Self.stylePath)">
        <script src="\(Self.scriptPath)" defer></script>
        </head>
        <body>
        <main class="editor">
        \(main)
        </main>
        </body>
        </html>

        """
    }
}
