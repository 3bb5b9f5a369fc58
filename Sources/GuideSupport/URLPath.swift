/// Site paths as content and pages write them, compared as the server serves them.
public enum URLPath {
    /// `/a/b` and `/a/b/` are the same folder URL; `/a/b.html` stays a file.
    public static func normalizedFolder(_ path: String) -> String {
        if path.hasSuffix("/") || path.split(separator: "/").last?.contains(".") == true { return path }
        return path + "/"
    }
}
