import GuideContent

/// Certifications that cite sources but none of the issuer's own: the fees and rules a reader
/// pays by should come from the body that sets them. An entry whose issuer cannot be
/// confirmed says so in a caution on `issuer`, which readers see, and passes.
struct IssuerSourceCheck: SiteCheck {
    func run(_ context: CheckContext) -> [CheckFinding] {
        context.entries.compactMap { entry in
            guard let front = entry.certification, let sources = front.sources, !sources.isEmpty,
                  !sources.contains(where: { $0.kind == .issuer }),
                  !(front.cautions ?? []).contains(where: { $0.fact == .issuer }) else { return nil }
            return CheckFinding(.missingIssuerSource, entry.displayPath, entry.location(of: "sources"),
                "no source is the issuer's own (`kind: issuer`); cite the credential's own page on its issuer's site, "
                    + "or, if no issuer's page confirms it, tell readers in a caution: `cautions: [{ fact: issuer, text: … }]`")
        }
    }
}
