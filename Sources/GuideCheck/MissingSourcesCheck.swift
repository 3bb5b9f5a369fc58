/// Certifications that do not say where their facts come from.
struct MissingSourcesCheck: SiteCheck {
    func run(_ context: CheckContext) -> [CheckFinding] {
        context.entries.compactMap { entry in
            guard entry.isCertification, entry.sources?.isEmpty ?? true else { return nil }
            return CheckFinding(.missingSources, entry.displayPath, entry.location(of: entry.sources == nil ? "" : "sources"),
                "certification has no `sources:`; list where its facts come from, e.g. `sources: [{ title: Issuer's handbook, url: https://… }]`")
        }
    }
}
