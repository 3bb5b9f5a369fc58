import Foundation

/// The project's `Templates/` as it was when this binary was built (layouts, partials, pages,
/// assets and the README of the variables), by path relative to that folder. A guide's own
/// templates folder overrides them file by file.
public enum DefaultTemplates {
    public static let files: [String: Data] = Dictionary(uniqueKeysWithValues: embeddedTemplateFiles.map { file in
        // The plugin wrote the base64 itself; a file that did not decode would be a build bug.
        (file.path, Data(base64Encoded: file.base64)!)
    })
}
