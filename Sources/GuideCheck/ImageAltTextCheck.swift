import Foundation

/// Images whose alt text is empty: screen readers announce nothing, or the file name.
struct ImageAltTextCheck: SiteCheck {
    func run(_ context: CheckContext) -> [CheckFinding] {
        context.entries.flatMap { entry in
            entry.document.links.indices.compactMap { index -> CheckFinding? in
                let image = entry.document.links[index]
                guard image.isImage, image.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
                return CheckFinding(.missingAltText, entry.displayPath, entry.location(ofLink: index),
                    "image `\(image.destination)` has no alt text; say what it shows for readers who cannot see it: `![what it shows](\(image.destination))`")
            }
        }
    }
}
