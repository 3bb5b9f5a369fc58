/// The three kinds of content file, and the folder of `Content/` each lives in.
public enum EntryKind: String, CaseIterable, Sendable {
    case certification, faq, page

    public var folder: String {
        switch self {
        case .certification: "certifications"
        case .faq: "faq"
        case .page: "pages"
        }
    }
}
