import GuideSupport

/// Checks what only the whole content can tell: `related:` slugs that name no certification and
/// `aliases:` that two entries claim or that shadow a real page.
struct RelationValidator {
    var certifications: [Certification]
    var faqs: [FAQ]
    var pages: [Page]
    /// Slugs of every certification file, loaded or not, so one broken file does not make
    /// every question that relates to it fail as well.
    var certificationSlugs: Set<String>

    func problems() -> [Diagnostic] {
        var found: [Diagnostic] = []
        let slugs = certificationSlugs.union(certifications.map(\.slug))
        for faq in faqs {
            for (index, slug) in (faq.frontMatter.related ?? []).enumerated() where !slugs.contains(slug) {
                found.append(.error(faq.displayPath, faq.location(of: "related[\(index)]"),
                    "`related` names `\(slug)`, which is no certification\(Suggestion.hint(for: slug, in: slugs.sorted()))"))
            }
        }
        var claimed: [String: String] = [:]
        func check(_ aliases: [String]?, of path: String, locations: [String: SourceLocation]) {
            for (index, alias) in (aliases ?? []).enumerated() {
                let location = locations["aliases[\(index)]"] ?? .start
                guard alias.hasPrefix("/"), !alias.contains(".."), !alias.contains("//") else {
                    found.append(.error(path, location, "alias `\(alias)` must be a site path starting with `/`, like `/certs/clt/`"))
                    continue
                }
                let key = URLPath.normalizedFolder(alias)
                if let other = claimed[key] {
                    found.append(.error(path, location, "alias `\(alias)` is already claimed by `\(other)`"))
                }
                claimed[key] = path
            }
        }
        for entry in certifications { check(entry.frontMatter.aliases, of: entry.displayPath, locations: entry.locations) }
        for entry in faqs { check(entry.frontMatter.aliases, of: entry.displayPath, locations: entry.locations) }
        for entry in pages { check(entry.frontMatter.aliases, of: entry.displayPath, locations: entry.locations) }
        return found
    }
}
