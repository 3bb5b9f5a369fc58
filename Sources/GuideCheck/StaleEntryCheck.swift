/// Entries whose `verified:` date is older than `stale_after_months` of `site.yml` (12 when
/// unset): the guide must not show fees and rules nobody has checked for years.
struct StaleEntryCheck: SiteCheck {
    static let defaultMonths = 12

    func run(_ context: CheckContext) -> [CheckFinding] {
        // The schema keeps it from 1 to 1,200 (`SiteConfig.schema`).
        let months = context.site.config.staleAfterMonths ?? Self.defaultMonths
        let cutoff = context.today.adding(months: -months)
        return context.entries.compactMap { entry in
            guard let verified = entry.verified, verified < cutoff else { return nil }
            return CheckFinding(.staleEntry, entry.displayPath, entry.location(of: "verified"),
                "last verified \(verified), \(verified.age(at: context.today)) ago; entries older than \(months) months "
                    + "(`stale_after_months` in site.yml) must be checked against their sources again, then `verified` updated")
        }
    }
}
