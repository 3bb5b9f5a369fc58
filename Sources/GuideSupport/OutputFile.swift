import Foundation

/// One file of the built site, by its path inside the output folder.
public struct OutputFile: Sendable, Hashable {
    public var path: String
    private var storage: Storage

    private enum Storage: Sendable {
        case bytes(Data)
        /// A file an earlier build wrote, read when first asked for.
        case onDisk(String)
    }

    public init(path: String, contents: Data) {
        self.path = path
        storage = .bytes(contents)
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }

    /// A file that an earlier build left at `location`, unchanged since (its stamp says so),
    /// whose bytes are read only if asked for: an incremental build writes only what changed,
    /// and opening the 25,000 files it did not change was a tenth of a one-edit rebuild. If
    /// the file is gone when its bytes are asked for, they are empty.
    public init(path: String, writtenAt location: String) {
        self.path = path
        storage = .onDisk(location)
    }

    public var contents: Data {
        get {
            switch storage {
            case .bytes(let data): data
            case .onDisk(let location): (try? Data(contentsOf: URL(fileURLWithPath: location, isDirectory: false), options: .alwaysMapped)) ?? Data()
            }
        }
        set { storage = .bytes(newValue) }
    }

    public var isPage: Bool { path.hasSuffix(".html") }

    public static func == (a: OutputFile, b: OutputFile) -> Bool {
        a.path == b.path && a.contents == b.contents
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(contents)
    }
}
