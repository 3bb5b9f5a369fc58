import Foundation
import GuideContent
import GuideMarkdown
import GuideRender
import GuideSite
import GuideSupport

/// What `Builder.patchEntries` made of an edit.
public struct EntryPatch: Sendable {
    /// The pages rendered again.
    public var files: [OutputFile]
    /// Facts changed, not only bodies: `files` are the edited entries' own pages, made as a
    /// whole build makes them, and everything else that shows those facts (lists, other
    /// pages' cards, feeds, the search index) waits for `generate(cache:)`.
    public var factsChanged: Bool
}

extension Builder {
    /// Takes into `generated` an edit of some of its entries without looking at the other
    /// files: those are read again, their bodies rendered, and then
    ///
    /// - when only bodies changed, the pages that show them (`PageInputs.pages(showingBodyOf:)`),
    ///   and nothing else: the site is complete;
    /// - when facts changed too (a cost, a summary, a date), only the entries' own pages, so
    ///   that the page being edited can be shown at once; `generate(cache:)` must follow.
    ///
    /// On a guide of 10,000 certifications this is milliseconds where `generate(cache:)`,
    /// which looks at every file and works out the whole site again, takes seconds.
    ///
    /// Returns nil, and leaves `generated` as it was, when the change is anything else: a fact
    /// that orders, groups or relates entries (`EntryPage.layout`), a file added or removed, a
    /// template or `site.yml`, a body with a problem. Then `generate(cache:)` does the work and
    /// reports the problems. The search index is left stale (`updatedSearchIndex`).
    /// - Parameters:
    ///   - generated: the last site made with `cache`, by `generate` or by this method. Changed
    ///     in place: a copy of its 25,000 files would cost more than the rest of the patch.
    ///   - paths: the files changed, as absolute paths.
    public func patchEntries(of generated: inout GeneratedSite, changed paths: Set<String>, cache: BuildCache) -> EntryPatch? {
        guard let templates = generated.templates, !paths.isEmpty else { return nil }
        let root = options.contentDirectory.standardizedFileURL.path + "/"
        let loader = ContentLoader(contentDirectory: options.contentDirectory, displayRoot: options.contentDirectory.relativePath,
                                   includeDrafts: options.includeDrafts, fileSystem: options.fileSystem, cache: cache)
        let edit = EntryEdit(loader: loader, renderer: MarkdownRenderer(allowRawHTML: generated.site.config.rawHTML ?? false))
        var site = generated.site
        var edited: [(kind: PageKind, factsChanged: Bool)] = []
        for path in paths.sorted() {
            guard path.hasPrefix(root) else { return nil }
            let relative = String(path.dropFirst(root.count))
            var outcome = edit.patch(&site.certifications, relative, knownPaths: site.entryPaths, kind: PageKind.certification)
            if case .notHere = outcome { outcome = edit.patch(&site.faqs, relative, knownPaths: site.entryPaths, kind: PageKind.faq) }
            if case .notHere = outcome { outcome = edit.patch(&site.pages, relative, knownPaths: site.entryPaths, kind: PageKind.page) }
            guard case .patched(let kind, let factsChanged) = outcome else { return nil }
            edited.append((kind, factsChanged))
        }
        let factsChanged = edited.contains { $0.factsChanged }
        var kinds: [PageKind] = []
        for (kind, _) in edited {
            kinds += (factsChanged ? [kind] : PageInputs.pages(showingBodyOf: kind)).filter { !kinds.contains($0) }
        }
        if factsChanged {
            SharedContext.update(from: generated.site, to: site, certifications: edited.compactMap(\.kind.certificationIndex),
                                 links: generated.links, cache: cache)
        }
        let renderer = SiteRenderer(templates: templates, cache: cache)
        // With facts changed the pages are not stored: the whole build that follows renders them
        // again from scratch, and a page this patch made differently would be put right.
        guard let rendered = try? renderer.render(kinds, of: site, links: generated.links, store: !factsChanged) else { return nil }
        // Every page rendered here was there before.
        guard generated.replace(rendered) else { return nil }
        generated.site = site
        generated.fresh = Set(rendered.map(\.path))
        generated.searchIsStale = true
        generated.timings = BuildTimings()
        return EntryPatch(files: rendered, factsChanged: factsChanged)
    }
}

/// Reads an edited entry again and takes in its new facts and body, if none of the facts
/// that place it among the others changed.
struct EntryEdit {
    let loader: ContentLoader
    let renderer: MarkdownRenderer

    enum Outcome {
        /// No page of the list is made from the file.
        case notHere
        /// One is, but a fact that places it among the others changed, or the body has a problem.
        case refused
        /// The page's entry and body are replaced.
        case patched(PageKind, factsChanged: Bool)
    }

    func patch<Page: EntryPage>(_ pages: inout [Page], _ relative: String, knownPaths: Set<String>, kind: (Int) -> PageKind) -> Outcome {
        guard let index = pages.firstIndex(where: { $0.entry.path == relative }) else { return .notHere }
        let old = pages[index].entry
        guard case .success(let entry) = loader.reload(relative, as: Page.Front.self, schema: Page.schema),
              Page.layout(entry.frontMatter) == Page.layout(old.frontMatter) else { return .refused }
        let document = SiteBuilder.document(of: entry, renderer: renderer, knownPaths: knownPaths)
        guard document.problems.isEmpty else { return .refused }
        pages[index] = pages[index].with(entry, document)
        return .patched(kind(index), factsChanged: entry.frontMatterFingerprint != old.frontMatterFingerprint)
    }
}

/// A page of the site made from one entry file.
protocol EntryPage {
    associatedtype Front: Decodable & Sendable
    var entry: Entry<Front> { get }
    static var schema: KeySchema { get }
    /// The facts `SiteBuilder` reads to order, group and relate entries, to gather their
    /// sources and to check their aliases: while these stay, the site keeps its shape (the same
    /// order, topics, similar lists, related questions, citations), and an edit of the other
    /// facts changes what pages show, not which pages show what.
    static func layout(_ front: Front) -> [String]
    /// The same page with another entry file.
    func with(_ entry: Entry<Front>, _ document: MarkdownDocument) -> Self
}

extension EntryPage {
    /// Lists are counted, so that no two different layouts give the same strings.
    static func layout(_ draft: Bool?, _ sources: [SourceLink]?, _ lists: [String]?...) -> [String] {
        var fields = [draft == true ? "draft" : "", "\((sources ?? []).count)"] + (sources ?? []).flatMap { [$0.title, $0.url ?? "-"] }
        for list in lists { fields += ["\((list ?? []).count)"] + (list ?? []) }
        return fields
    }
}

extension Site.CertificationPage: EntryPage {
    static var schema: KeySchema { CertificationFrontMatter.schema }

    static func layout(_ front: CertificationFrontMatter) -> [String] {
        [front.title, front.level.rawValue] + layout(front.draft, front.sources, front.aliases, front.topics)
    }

    func with(_ entry: Certification, _ document: MarkdownDocument) -> Self {
        Self(entry: entry, url: url, document: document, relatedFAQs: relatedFAQs, similar: similar, topicSlugs: topicSlugs)
    }
}

extension Site.FAQPage: EntryPage {
    static var schema: KeySchema { FAQFrontMatter.schema }

    static func layout(_ front: FAQFrontMatter) -> [String] {
        [front.question, front.order.map(String.init) ?? "-"] + layout(front.draft, front.sources, front.aliases, front.topics, front.related)
    }

    func with(_ entry: FAQ, _ document: MarkdownDocument) -> Self {
        Self(entry: entry, url: url, document: document, related: related, topicSlugs: topicSlugs)
    }
}

extension Site.FreePage: EntryPage {
    static var schema: KeySchema { PageFrontMatter.schema }

    static func layout(_ front: PageFrontMatter) -> [String] {
        [front.title, front.order.map(String.init) ?? "-"] + layout(front.draft, front.sources, front.aliases)
    }

    func with(_ entry: Page, _ document: MarkdownDocument) -> Self {
        Self(entry: entry, url: url, document: document)
    }
}

extension PageKind {
    var certificationIndex: Int? {
        if case .certification(let index) = self { index } else { nil }
    }
}
