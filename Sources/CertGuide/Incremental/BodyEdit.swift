import Foundation

extension Builder {
    /// Takes into `generated` an edit of the Markdown bodies of some of its entries alone:
    /// those files are read again and their bodies rendered, then the pages that show them
    /// (`PageInputs.pages(showingBodyOf:)`), and nothing else. On a guide of 10,000
    /// certifications this is milliseconds where `generate(cache:)`, which looks at every file
    /// and works out the whole site again, takes most of a second.
    ///
    /// Returns nil, and leaves `generated` as it was, when the change is anything else: a front
    /// matter edit, a file added or removed, a template or `site.yml`, a body with a problem.
    /// Then `generate(cache:)` does the work and reports the problems. The search index is left
    /// stale (`updatedSearchIndex`).
    /// - Parameters:
    ///   - generated: the last site made with `cache`, by `generate` or by this method. Changed
    ///     in place: a copy of its 25,000 files would cost more than the rest of the patch.
    ///   - paths: the files changed, as absolute paths.
    /// - Returns: the files rendered again.
    public func patchBodies(of generated: inout GeneratedSite, changed paths: Set<String>, cache: BuildCache) -> [OutputFile]? {
        guard let templates = generated.templates, !paths.isEmpty else { return nil }
        let root = options.contentDirectory.standardizedFileURL.path + "/"
        let loader = ContentLoader(contentDirectory: options.contentDirectory, displayRoot: options.contentDirectory.relativePath,
                                   includeDrafts: options.includeDrafts, fileSystem: options.fileSystem, cache: cache)
        let edit = BodyEdit(loader: loader, renderer: MarkdownRenderer(allowRawHTML: generated.site.config.rawHTML ?? false))
        var site = generated.site
        var kinds: [PageKind] = []
        for path in paths.sorted() {
            guard path.hasPrefix(root) else { return nil }
            let relative = String(path.dropFirst(root.count))
            var outcome = edit.patch(&site.certifications, relative, knownPaths: site.entryPaths, kind: PageKind.certification)
            if case .notHere = outcome { outcome = edit.patch(&site.faqs, relative, knownPaths: site.entryPaths, kind: PageKind.faq) }
            if case .notHere = outcome { outcome = edit.patch(&site.pages, relative, knownPaths: site.entryPaths, kind: PageKind.page) }
            guard case .patched(let page) = outcome else { return nil }
            kinds += PageInputs.pages(showingBodyOf: page).filter { !kinds.contains($0) }
        }
        let renderer = SiteRenderer(templates: templates, cache: cache)
        guard let rendered = try? renderer.renderAndStore(kinds, of: site, searchManifest: generated.searchManifest) else { return nil }
        // `files` is sorted by path, and every page rendered here was there before.
        let positions = rendered.map { file in generated.files.partitioningIndex { $0.path >= file.path } }
        guard zip(positions, rendered).allSatisfy({ $0 < generated.files.count && generated.files[$0].path == $1.path }) else { return nil }

        generated.site = site
        for (position, file) in zip(positions, rendered) { generated.files[position] = file }
        generated.fresh = Set(rendered.map(\.path))
        generated.searchIsStale = true
        generated.searchIndexMilliseconds = 0
        return rendered
    }
}

/// Reads an edited entry again and takes in its new body, if its body is all that changed.
struct BodyEdit {
    let loader: ContentLoader
    let renderer: MarkdownRenderer

    enum Outcome {
        /// No page of the list is made from the file.
        case notHere
        /// One is, but more than its body changed, or the body has a problem.
        case refused
        /// The page's entry and body are replaced.
        case patched(PageKind)
    }

    func patch<Page: EntryPage>(_ pages: inout [Page], _ relative: String, knownPaths: Set<String>, kind: (Int) -> PageKind) -> Outcome {
        guard let index = pages.firstIndex(where: { $0.entry.path == relative }) else { return .notHere }
        guard case .success(let entry) = loader.reload(relative, as: Page.Front.self, schema: Page.schema),
              entry.frontMatterFingerprint == pages[index].entry.frontMatterFingerprint else { return .refused }
        let document = SiteBuilder.document(of: entry, renderer: renderer, knownPaths: knownPaths)
        guard document.problems.isEmpty else { return .refused }
        pages[index] = pages[index].with(entry, document)
        return .patched(kind(index))
    }
}

/// A page of the site made from one entry file.
protocol EntryPage {
    associatedtype Front: Decodable & Sendable
    var entry: Entry<Front> { get }
    static var schema: KeySchema { get }
    /// The same page with another body.
    func with(_ entry: Entry<Front>, _ document: MarkdownDocument) -> Self
}

extension Site.CertificationPage: EntryPage {
    static var schema: KeySchema { CertificationFrontMatter.schema }

    func with(_ entry: Certification, _ document: MarkdownDocument) -> Self {
        Self(entry: entry, url: url, document: document, relatedFAQs: relatedFAQs, similar: similar, topicSlugs: topicSlugs)
    }
}

extension Site.FAQPage: EntryPage {
    static var schema: KeySchema { FAQFrontMatter.schema }

    func with(_ entry: FAQ, _ document: MarkdownDocument) -> Self {
        Self(entry: entry, url: url, document: document, related: related, topicSlugs: topicSlugs)
    }
}

extension Site.FreePage: EntryPage {
    static var schema: KeySchema { PageFrontMatter.schema }

    func with(_ entry: Page, _ document: MarkdownDocument) -> Self {
        Self(entry: entry, url: url, document: document)
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, in an array where every element that
    /// does comes after every one that does not (binary search).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
