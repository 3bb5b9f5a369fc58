import GuideSupport

/// What kind of problem a check found: its severity, and its name in the summary line.
public enum CheckKind: String, Sendable, CaseIterable {
    case buildError
    /// A warning of the build itself (a file name published at another slug).
    case buildWarning
    case brokenLink
    case missingFile
    case missingAltText
    case staleEntry
    case futureVerified
    case missingSources
    /// A certification whose sources include none of the issuer's own.
    case missingIssuerSource
    /// A fact that cites only secondary writing, with no caution telling readers so.
    case articleOnlyFact
    /// A source readers cannot follow: it has no `url`.
    case sourceWithoutAddress
    case orphanPage
    case duplicateTitle
    case longSummary
    case deadExternalLink
    case unconfirmedExternalLink

    public var severity: Diagnostic.Severity {
        switch self {
        case .buildError, .brokenLink, .missingFile: .error
        case .unconfirmedExternalLink: .note
        default: .warning
        }
    }

    /// "1 broken link", "3 stale entries".
    public func counted(_ count: Int) -> String {
        let (one, many): (String, String) = switch self {
        case .buildError: ("build error", "build errors")
        case .buildWarning: ("build warning", "build warnings")
        case .brokenLink: ("broken link", "broken links")
        case .missingFile: ("missing file", "missing files")
        case .missingAltText: ("image without alt text", "images without alt text")
        case .staleEntry: ("stale entry", "stale entries")
        case .futureVerified: ("verified date in the future", "verified dates in the future")
        case .missingSources: ("certification without sources", "certifications without sources")
        case .missingIssuerSource: ("certification without an issuer source", "certifications without an issuer source")
        case .articleOnlyFact: ("fact sourced only to an article", "facts sourced only to an article")
        case .sourceWithoutAddress: ("source without a url", "sources without a url")
        case .orphanPage: ("page nothing links to", "pages nothing links to")
        case .duplicateTitle: ("duplicate title", "duplicate titles")
        case .longSummary: ("summary too long", "summaries too long")
        case .deadExternalLink: ("dead external link", "dead external links")
        case .unconfirmedExternalLink: ("external link not confirmed", "external links not confirmed")
        }
        return "\(count) \(count == 1 ? one : many)"
    }
}

/// One problem found by a check: the diagnostic to print and its kind for the summary.
public struct CheckFinding: Sendable, Hashable {
    public var kind: CheckKind
    public var diagnostic: Diagnostic

    public init(_ kind: CheckKind, _ path: String, _ location: SourceLocation, _ message: String) {
        self.kind = kind
        self.diagnostic = Diagnostic(path: path, location: location, severity: kind.severity, message: message)
    }

    public init(_ kind: CheckKind, _ diagnostic: Diagnostic) {
        self.kind = kind
        self.diagnostic = diagnostic
    }
}

/// One check over a built site, such as links or stale dates. Each lives in its own file.
protocol SiteCheck: Sendable {
    func run(_ context: CheckContext) -> [CheckFinding]
}
