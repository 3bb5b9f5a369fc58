import GuideSupport

/// The search index as the build publishes it: its files and the manifest the pages name.
struct SearchOutput: Sendable {
    var files: [OutputFile]
    var manifestURL: String
}
