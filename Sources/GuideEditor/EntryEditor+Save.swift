import Foundation
import GuideBuild
import GuideContent
import GuideSupport

extension EntryEditor {
    /// A problem to show at a field (`cost.min`, `eligibility[2]`), or above the form when it
    /// belongs to none; the message is the build's own line.
    public struct FieldProblem: Sendable, Equatable {
        public var field: String?
        public var message: String
    }

    public enum SaveOutcome: Sendable, Equatable {
        /// Written; the entry and whether it is a draft (not on the preview without --drafts).
        case saved(EditableEntry, draft: Bool)
        case unchanged(EditableEntry)
        /// Nothing written: the values break the build's rules.
        case invalid([FieldProblem])
        /// Nothing written: the file changed on disk since the form was opened.
        case stale(String)
        /// Nothing written: the file cannot be read, parsed or written.
        case failed(String)
    }

    /// Saves a form over an existing entry (`base` is the fingerprint the form was opened
    /// with), or as a new entry of `kind` when `entry` is nil, at the file `certguide new`
    /// would write.
    public func save(_ entry: EditableEntry?, kind: EntryKind, base: String, values: FieldValue, body: String?) -> SaveOutcome {
        let target: EditableEntry
        let original: String
        if let entry {
            guard let url = entry.file(in: contentDirectory), let data = try? Data(contentsOf: url) else {
                return .failed("\(display(entry.relativePath)) no longer exists; it was moved or deleted since the form was opened")
            }
            guard Self.fingerprint(data) == base else { return .stale(staleMessage(entry)) }
            guard let text = String(validating: data, as: UTF8.self) else {
                return .failed("\(display(entry.relativePath)) is not valid UTF-8; save it with UTF-8 encoding in a text editor first")
            }
            target = entry
            original = text
        } else {
            let titleKey = kind == .faq ? "question" : "title"
            let title = values[titleKey]?.text ?? ""
            let scaffold = EntryScaffold(kind: kind, title: title, today: today())
            guard !scaffold.slug.isEmpty, let new = EditableEntry(kind: kind, slug: scaffold.slug) else {
                return .invalid([FieldProblem(field: titleKey, message: "\(display(kind.folder)): error: the \(titleKey) needs letters or digits to make a file name from")])
            }
            if kind == .page, ContentLoader.reservedSlugs.contains(new.slug) {
                return .invalid([FieldProblem(field: titleKey, message: "\(display(new.relativePath)): error: page slug `\(new.slug)` is a URL the generator uses itself; choose another title")])
            }
            if let url = new.file(in: contentDirectory), FileManager.default.fileExists(atPath: url.path) {
                return .invalid([FieldProblem(field: titleKey, message: "\(display(new.relativePath)): error: `\(display(new.relativePath))` already exists; edit it, or choose another title")])
            }
            target = new
            original = scaffold.text
        }
        let text: String
        do {
            let old = entry == nil ? nil : try? FrontMatterRewriter.current(original).values
            let ordered = FormValues.keepingOrder(values, of: old, schema: target.schema)
            text = try FrontMatterRewriter.rewrite(original, schema: target.schema, to: ordered, body: body)
        } catch {
            return .failed("\(display(target.relativePath)): \(error.description)")
        }
        if entry != nil, text == original { return .unchanged(target) }
        let problems = check(text, of: target, original: entry == nil ? nil : original)
        if !problems.isEmpty { return .invalid(problems) }
        guard let url = target.file(in: contentDirectory) else { return .failed("\(display(target.relativePath)) is outside the content folder") }
        do {
            try write(text, to: url, replacing: entry != nil, expecting: entry == nil ? nil : base)
        } catch WriteError.changed {
            return .stale(staleMessage(target))
        } catch WriteError.exists {
            return .invalid([FieldProblem(field: kind == .faq ? "question" : "title",
                                          message: "\(display(target.relativePath)): error: `\(display(target.relativePath))` already exists; edit it, or choose another title")])
        } catch {
            return .failed("cannot write \(display(target.relativePath)): \(FileSystem.reason(error))")
        }
        let draft = (try? FrontMatterRewriter.current(text))?.values["draft"]?.text.flatMap(ScalarKind.truth) ?? false
        return .saved(target, draft: draft)
    }

    private func staleMessage(_ entry: EditableEntry) -> String {
        "\(display(entry.relativePath)) changed on disk since this form was opened, so nothing was saved. "
            + "Copy your changes aside, reload the form to see the file as it is now, then make them again."
    }

    /// The build's loader and relation checks over the whole guide with this one file as it
    /// would be: the problems of this file, at their fields.
    func check(_ text: String, of entry: EditableEntry, original: String?) -> [FieldProblem] {
        let target = contentDirectory.appendingPathComponent(entry.relativePath).standardizedFileURL.path
        let folder = contentDirectory.appendingPathComponent(entry.kind.folder).standardizedFileURL.path
        let bytes = Data(text.utf8), local = FileSystem.local, name = "\(entry.slug).md"
        let overlay = FileSystem(
            read: { url in url.standardizedFileURL.path == target ? bytes : try local.read(url) },
            listFiles: { url in
                var files = (try? local.listFiles(url)) ?? []
                if url.standardizedFileURL.path == folder, !files.contains(name) { files = (files + [name]).sorted() }
                return files
            },
            exists: { url in
                let path = url.standardizedFileURL.path
                return path == target || path == folder || local.exists(url)
            }
        )
        let loader = ContentLoader(contentDirectory: contentDirectory, displayRoot: displayRoot, includeDrafts: true, fileSystem: overlay)
        let (content, diagnostics) = loader.loadPartially()
        let shown = display(entry.relativePath)
        var problems = diagnostics.filter { $0.path == shown && $0.severity == .error }
        if let content { problems += unknownTopics(text, of: entry, in: content, original: original) }
        let locations = FrontMatterRewriter.valueLocations(text)
        return problems.map { FieldProblem(field: Self.field(of: $0, locations: locations), message: $0.description) }
    }

    /// The form picks topics the guide has; a topic no entry uses is almost always a typo, and
    /// it would start a page of its own. (A new topic is started in the file itself.)
    private func unknownTopics(_ text: String, of entry: EditableEntry, in content: SiteContent, original: String?) -> [Diagnostic] {
        var known = Self.topics(of: content, except: entry.relativePath)
        if let original, let old = try? FrontMatterRewriter.current(original).values["topics"]?.items {
            known.formUnion(old.compactMap(\.text))
        }
        guard let topics = try? FrontMatterRewriter.current(text).values["topics"]?.items else { return [] }
        let locations = FrontMatterRewriter.valueLocations(text)
        return topics.enumerated().compactMap { index, topic in
            guard let name = topic.text, !known.contains(name) else { return nil }
            let hint = Suggestion.hint(for: name, in: known.sorted())
            let advice = "ick one the guide has, or start a new topic by writing it into the file"
            return .error(display(entry.relativePath), locations["topics[\(index)]"] ?? .start,
                          "unknown topic `\(name)`" + (hint.isEmpty ? "; p\(advice)" : "\(hint) P\(advice)"))
        }
    }

    /// The field a message belongs to: a missing field by its name, any other by the place of
    /// its value.
    static func field(of problem: Diagnostic, locations: [String: SourceLocation]) -> String? {
        let message = problem.message
        if message.hasPrefix("missing required field `"), let name = message.split(separator: "`").dropFirst().first {
            let parts = message.split(separator: "`")
            return parts.count >= 4 && message.contains("` in `") ? "\(parts[3]).\(name)" : String(name)
        }
        let exact = locations.filter { $0.value == problem.location && !$0.key.isEmpty }.map(\.key)
        if let deepest = exact.max(by: { $0.count < $1.count }) { return deepest }
        return locations.filter { $0.value.line == problem.location.line && !$0.key.isEmpty }.map(\.key).max { $0.count < $1.count }
    }

    enum WriteError: Error { case changed, exists }

    /// Replaces the file atomically (a temporary file beside it, then a rename), after checking
    /// once more that it is still the version the form was opened with; a new file is linked
    /// into place so that it can never replace one.
    func write(_ text: String, to url: URL, replacing: Bool, expecting base: String?) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).saving")
        var mode = 0o644
        if let existing = try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int { mode = existing }
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: mode]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { unlink(temporary.path) }
        let handle = try FileHandle(forUpdating: temporary)
        try handle.synchronize()
        try handle.close()
        if let base, let data = try? Data(contentsOf: url), Self.fingerprint(data) != base { throw WriteError.changed }
        if replacing {
            guard rename(temporary.path, url.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } else {
            guard link(temporary.path, url.path) == 0 else {
                if errno == EEXIST { throw WriteError.exists }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        }
    }
}
