/// Sources without a `url`: a title alone is a claim readers cannot follow to check a fee.
struct SourceAddressCheck: SiteCheck {
    func run(_ context: CheckContext) -> [CheckFinding] {
        context.entries.flatMap { entry in
            (entry.sources ?? []).enumerated().compactMap { index, source -> CheckFinding? in
                guard source.url == nil else { return nil }
                return CheckFinding(.sourceWithoutAddress, entry.displayPath, entry.location(of: "sources[\(index)]"),
                    "source \(index + 1), \"\(source.title)\", has no `url`; add the address of the page so readers can check it")
            }
        }
    }
}
