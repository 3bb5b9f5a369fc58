import Foundation
import GuideContent
import GuideSupport

/// A new entry for `certguide new`: the right file for its kind and title, every required field
/// filled and explained, the optional ones shown as comments, `verified:` set to today, and
/// `draft: true` so that it is not published before an editor has filled it in.
public struct EntryScaffold: Sendable {
    public var kind: EntryKind
    public var title: String
    public var today: Day

    public init(kind: EntryKind, title: String, today: Day) {
        self.kind = kind
        self.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        self.today = today
    }

    /// The file name without `.md`, and so the last part of the URL.
    public var slug: String { Slug.make(title) }

    /// The path inside the content folder (`faq/how-long-does-it-take.md`).
    public var relativePath: String { "\(kind.folder)/\(slug).md" }

    /// Writes the entry into the content folder and returns its path as the user would type it.
    /// Refuses to overwrite anything, and explains why it cannot write a file.
    public func create(in contentDirectory: URL) throws(DiagnosticsError) -> String {
        let root = contentDirectory.relativePath
        let display = root.isEmpty || root == "." ? relativePath : "\(root)/\(relativePath)"
        guard FileManager.default.fileExists(atPath: contentDirectory.appendingPathComponent("site.yml").path) else {
            throw DiagnosticsError([.error(root.isEmpty ? "." : root, .start,
                "no guide here: `\(root)/site.yml` does not exist; run in the guide's folder or pass --content")])
        }
        guard !title.isEmpty, !slug.isEmpty else {
            throw DiagnosticsError([.error(root.isEmpty || root == "." ? kind.folder : "\(root)/\(kind.folder)", .start,
                                           "the title `\(title)` has no letters or digits to make a file name from")])
        }
        if kind == .page, ContentLoader.reservedSlugs.contains(slug) {
            throw DiagnosticsError([.error(display, .start, "page slug `\(slug)` is a URL the generator uses itself; choose another title")])
        }
        let url = contentDirectory.appendingPathComponent(relativePath)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // `withoutOverwriting` creates the file exclusively: two editors cannot both win.
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw DiagnosticsError([.error(display, .start, exists
                ? "`\(display)` already exists; edit it, or choose another title"
                : "cannot write the file: \(FileSystem.reason(error))")])
        }
        return display
    }

    /// The whole file.
    public var text: String {
        switch kind {
        case .certification: certification
        case .faq: faq
        case .page: page
        }
    }

    private var certification: String {
        """
        ---
        # A new certification, started with `certguide new` on \(today). Fill in what the sources say,
        # uncomment the optional lines you need, then delete `draft: true` to publish it.
        \(Self.line("title", title))# required: the full name, as the issuer writes it
        issuer: Name of the awarding body          # required: who awards it
        summary: Who it suits and how it is earned, in one sentence.  # required: cards, search results, page description (160 characters at most)
        level: professional                        # required: support | technician | professional | specialist
        verified: \(today)                       # required: the day you checked the facts against the sources
        # abbreviation: CLT
        # settings: [academic, public]             # academic | public | school | archives | special | any
        # topics: [cataloging, reference services]
        # cost: { min: 150, max: 200, currency: USD, note: varies by location, source: 1 }  # source: the number in `sources` that gives it
        # duration_months: { min: 6, max: 12 }
        # exam: { format: [written], questions: 100, passing_score_percent: 70, length_minutes: 180 }
        # eligibility:
        #   - One year of library work experience
        # renewal: { every_years: 5, by: continuing education }
        # sources:                                 # where the facts come from; `certguide check` warns without them
        #   - { title: The issuer's certification page, url: https://example.org/certification, kind: issuer }  # kind: issuer | reference | article
        # cautions:                                # shown where readers see the fact; a line without `fact` goes above the facts
        #   - { fact: cost, text: Only a career article gives this fee; the issuer publishes none. }
        # aliases: [/certs/old-address/]           # old URLs that should redirect here
        draft: true                                # delete this line to publish
        ---
        ## What it is

        Who awards it, and what it shows about the holder.

        ## Who it is for

        The staff it suits and what they need before they apply.

        ## How to prepare

        Steps, time and cost, as the sources give them.

        ## What it leads to

        What the credential can do for a career.

        """
    }

    private var faq: String {
        """
        ---
        # A new question, started with `certguide new` on \(today). Write the answer below the
        # second `---`, then delete `draft: true` to publish it.
        \(Self.line("question", title))# required: the question as readers ask it
        verified: \(today)                       # the day you checked the answer against the sources
        # order: 10                                # position on the FAQ page (lowest first)
        # topics: [cost]                           # the first topic groups the question on /faq/
        # related: [certified-library-technician]  # file names of the certifications the answer is about
        # sources:
        #   - { title: Where the answer comes from, url: https://example.org/answer, kind: reference }  # kind: issuer | reference | article
        draft: true                                # delete this line to publish
        ---
        The short answer first, in a sentence or two: it becomes the page description.

        """
    }

    private var page: String {
        """
        ---
        # A new page, started with `certguide new` on \(today). Write it below the second `---`,
        # then delete `draft: true` to publish it.
        \(Self.line("title", title))# required: the page's title
        verified: \(today)                       # the day you checked the facts against the sources
        # summary: One sentence for the list of guides and the page description.
        # order: 10                                # position in lists of pages (lowest first)
        # sources:
        #   - { title: Where the facts come from, url: https://example.org/source, kind: reference }  # kind: issuer | reference | article
        draft: true                                # delete this line to publish
        ---
        The first paragraph of the page.

        """
    }

    /// `key: value` and the spaces that line its comment up with the others (column 44).
    private static func line(_ key: String, _ value: String) -> String {
        let text = "\(key): \(yaml(value))"
        return text + String(repeating: " ", count: max(1, 43 - text.count))
    }

    /// The title as a YAML scalar: plain when that reads back the same, double-quoted otherwise.
    static func yaml(_ text: String) -> String { YAMLScalar.write(text) }
}
