import GuideSupport

/// What `certguide check` found, and the summary line that counts each kind.
public struct CheckReport: Sendable {
    /// The size of the checked site, for the summary; nil when the site did not build.
    public struct Size: Sendable {
        public var pages: Int
        public var certifications: Int
        public var faqs: Int
        public var freePages: Int
    }

    public var findings: [CheckFinding]
    public var externalLinks: [ExternalLink]
    public var size: Size?
    /// Whether the external links were requested (`--external`) or only listed.
    public var externalLinksChecked = false

    public var diagnostics: [Diagnostic] { findings.map(\.diagnostic).sortedForDisplay() }

    /// Errors fail a run; with `strict`, so do warnings. Notes never do.
    public func failed(strict: Bool) -> Bool {
        findings.contains { $0.diagnostic.severity == .error || (strict && $0.diagnostic.severity == .warning) }
    }

    /// "1 error, 2 warnings (1 broken link, 2 stale entries) in 54 pages (12 certifications,
    /// 8 FAQs, 3 pages); 31 external links not checked (--external checks them)".
    public var summary: String {
        let severities = Diagnostic.Severity.allCases.reversed().compactMap { severity -> String? in
            let count = findings.filter { $0.diagnostic.severity == severity }.count
            return count == 0 && severity == .note ? nil : Self.counted(count, severity.rawValue)
        }
        let kinds = CheckKind.allCases.compactMap { kind -> String? in
            let count = findings.filter { $0.kind == kind }.count
            return count == 0 ? nil : kind.counted(count)
        }
        let problems = findings.isEmpty ? "no problems" : "\(severities.joined(separator: ", ")) (\(kinds.joined(separator: ", ")))"
        guard let size else { return "the site does not build: \(problems)" }
        let unique = Set(externalLinks.map { $0.url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? $0.url }).count
        let external = unique == 0 ? "" : externalLinksChecked
            ? "; \(Self.counted(unique, "external link")) requested"
            : "; \(Self.counted(unique, "external link")) not checked (--external checks them)"
        let pages = "\(Self.counted(size.pages, "page")) (\(Self.counted(size.certifications, "certification")), "
            + "\(Self.counted(size.faqs, "FAQ")), \(Self.counted(size.freePages, "page")))"
        return "\(problems) in \(pages)\(external)"
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

extension CheckReport {
    /// The report of a site that did not build: its build errors and warnings, no other
    /// check (they need the built pages).
    public init(buildFailure diagnostics: [Diagnostic]) {
        self.init(findings: diagnostics.map { CheckFinding($0.severity == .error ? .buildError : .buildWarning, $0) },
                  externalLinks: [], size: nil)
    }
}
