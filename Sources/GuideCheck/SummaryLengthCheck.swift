import GuideSupport

/// Summaries that become meta descriptions longer than search results show: readers would
/// see them cut off mid-sentence.
struct SummaryLengthCheck: SiteCheck {
    /// Search engines show about 155–160 characters of a description.
    static let limit = 160

    func run(_ context: CheckContext) -> [CheckFinding] {
        var found: [CheckFinding] = context.entries.compactMap { entry in
            guard let summary = entry.summary, summary.count > Self.limit else { return nil }
            return finding(entry.displayPath, entry.location(of: "summary"), key: "summary", length: summary.count)
        }
        let description = context.site.config.description
        if description.count > Self.limit, let settings = context.settings {
            found.append(finding(settings.displayPath, context.settingsLocations["description"] ?? .start, key: "description", length: description.count))
        }
        return found
    }

    private func finding(_ path: String, _ location: SourceLocation, key: String, length: Int) -> CheckFinding {
        CheckFinding(.longSummary, path, location,
            "`\(key)` is \(length) characters; search results cut descriptions at about \(Self.limit), so keep it to \(Self.limit) or fewer")
    }
}
