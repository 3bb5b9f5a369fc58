/// A `verified:` date after today is a typo (2062 for 2026) that would keep an entry from ever
/// being reported as stale.
struct FutureVerifiedCheck: SiteCheck {
    func run(_ context: CheckContext) -> [CheckFinding] {
        context.entries.compactMap { entry in
            guard let verified = entry.verified, verified > context.today else { return nil }
            return CheckFinding(.futureVerified, entry.displayPath, entry.location(of: "verified"),
                "`verified` is \(verified), after today (\(context.today)); write the day the facts were checked")
        }
    }
}
