import Foundation
import GuideSite
import GuideSupport
import Mustache

/// The Mustache templates of `Templates/` (`layouts/`, `partials/`, `pages/`), each registered
/// under its file name without extension (`{{<base}}`, `{{>card}}`): Mustache cannot close a
/// section whose name holds a `/`. Loading reports every syntax error, every name used twice,
/// and every partial or layout that does not exist, with file, line and column.
///
/// Pages render through the templates compiled once (`CompiledLibrary`); swift-mustache parses
/// them for their syntax errors and stays as the reference the tests compare every page with.
public struct TemplateLibrary: Sendable {
    /// Page templates the generator renders; each must exist.
    public static let requiredPages = PageKind.templates

    let library: MustacheLibrary
    let compiled: CompiledLibrary
    /// Template text by name, to point at the line where a missing variable is used.
    let sources: [String: String]
    /// File of each template name, as shown in messages.
    let paths: [String: String]
    let displayRoot: String

    public init(directory: URL, displayRoot: String? = nil, fileSystem: FileSystem = .local) throws(DiagnosticsError) {
        let root = displayRoot ?? directory.relativePath
        self.displayRoot = root
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        var paths: [String: String] = [:]
        let files: [String]
        do {
            files = try fileSystem.listFiles(directory).filter { $0.hasSuffix(".mustache") }
        } catch {
            throw DiagnosticsError([.error(root, .start, "cannot read the templates folder: \(FileSystem.reason(error))")])
        }
        for file in files {
            let name = String(file.split(separator: "/").last!.dropLast(".mustache".count))
            let path = "\(root)/\(file)"
            if let other = paths[name] {
                diagnostics.append(.error(path, .start, "template name `\(name)` is already used by `\(other)`; names must be unique across folders"))
                continue
            }
            paths[name] = path
            guard let data = try? fileSystem.read(directory.appendingPathComponent(file)), let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error(path, .start, "cannot read template (is it UTF-8?)"))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                sources[name] = text
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(path, SourceLocation(line: error.context.lineNumber, column: error.context.columnNumber),
                                          Self.explain(error.error)))
            } catch {
                diagnostics.append(.error(path, .start, "template error: \(error)"))
            }
        }
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in TemplateScanner.partialReferences(in: text) where paths[reference.name] == nil {
                let known = paths.keys.sorted()
                diagnostics.append(.error(paths[name]!, reference.location,
                    "template `\(reference.name)` does not exist\(Suggestion.hint(for: reference.name, in: known))"))
            }
        }
        for page in Self.requiredPages where paths[page] == nil {
            diagnostics.append(.error("\(root)/pages/\(page).mustache", .start, "missing page template; every guide needs it"))
        }
        var compiled: CompiledLibrary?
        if !diagnostics.hasErrors {
            do throws(CompiledLibrary.CompileFailures) {
                compiled = try CompiledLibrary(sources: sources)
            } catch {
                diagnostics += error.failures.map { .error(paths[$0.0]!, $0.1.location, $0.1.message) }
            }
        }
        guard let compiled, !diagnostics.hasErrors else { throw DiagnosticsError(diagnostics) }
        self.compiled = compiled
        self.library = library
        self.sources = sources
        self.paths = paths
    }

    /// Renders `pages/<page>` with `shared` and `context` (inner) as its context; names the
    /// template used but the context lacks are returned as diagnostics pointing at the first
    /// line that uses them.
    func render(page: String, shared: Record, context: Record) -> (Data, [Diagnostic]) {
        let (html, missing, runaway) = compiled.render(page, stack: [.record(shared), .record(context)])
        var problems = diagnose(missing, page: page, keys: shared.keys + context.keys)
        if let runaway, let path = paths[runaway] {
            let use = sources[runaway].flatMap { text in TemplateScanner.partialReferences(in: text).first { $0.name == runaway } }
            problems.append(.error(path, use?.location ?? .start,
                                   "`\(runaway)` includes itself (more than \(TemplateRenderer.maximumDepth) partials deep); a partial cannot contain itself"))
        }
        return (Data(html), problems)
    }

    /// The same page rendered by swift-mustache, from the same values: the reference the
    /// compiled templates are tested against.
    func renderWithSwiftMustache(page: String, shared: Record, context: Record) -> (Data, [Diagnostic]) {
        let recorder = LookupRecorder()
        let values = shared.legacy.values.merging(context.legacy.values) { _, new in new }
        let html = LookupRecorder.$current.withValue(recorder) {
            library.render(LegacyRecord(values), withTemplate: page) ?? ""
        }
        return (Data(html.utf8), diagnose(recorder.finish(), page: page, keys: Array(values.keys)))
    }

    private func diagnose(_ missing: [String], page: String, keys: [String]) -> [Diagnostic] {
        missing.map { name -> Diagnostic in
            let (template, location) = locate(name, from: page)
            return .error(paths[template] ?? "\(displayRoot)/pages/\(page).mustache", location,
                          "`\(name)` is not a variable of the \(page) page\(Suggestion.hint(for: name, in: Set(keys).sorted())); see Templates/README.md")
        }
    }

    /// Of every template's name and text.
    var fingerprint: Fingerprint {
        var fingerprint = Fingerprint()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            fingerprint.add(name)
            fingerprint.add(text)
        }
        return fingerprint
    }

    /// `dependencies(of:)` of every page template, from `cache` while no template changed:
    /// scanning them took tens of milliseconds of every preview rebuild.
    func pageDependencies(cache: (any StageCache)?) -> [String: TemplateDependencies] {
        cache.value("template-dependencies", key: fingerprint) {
            Dictionary(uniqueKeysWithValues: Self.requiredPages.map { ($0, dependencies(of: $0)) })
        }.value
    }

    /// What a page's output depends on in the templates: the names its template, partials and
    /// layouts look up, and a fingerprint of their text.
    func dependencies(of page: String) -> TemplateDependencies {
        var names = Set<String>(), fingerprint = Fingerprint()
        for template in closure(of: page) {
            let text = sources[template] ?? ""
            fingerprint.add(template)
            fingerprint.add(text)
            names.formUnion(TemplateScanner.names(in: text))
        }
        return TemplateDependencies(names: names, fingerprint: fingerprint)
    }

    /// A template and every template it names, directly or not, in a stable order.
    private func closure(of start: String) -> [String] {
        var queue = [start], seen = Set<String>(), order: [String] = []
        while let template = queue.popLast() {
            guard seen.insert(template).inserted, let text = sources[template] else { continue }
            order.append(template)
            queue += TemplateScanner.partialReferences(in: text).map(\.name)
        }
        return order.sorted()
    }

    private func locate(_ name: String, from start: String) -> (String, SourceLocation) {
        var queue = [start], seen = Set<String>()
        while let template = queue.first {
            queue.removeFirst()
            guard seen.insert(template).inserted, let text = sources[template] else { continue }
            if let location = TemplateScanner.firstUse(of: name, in: text) { return (template, location) }
            queue += TemplateScanner.partialReferences(in: text).map(\.name)
        }
        return (start, .start)
    }

    private static func explain(_ error: any Error) -> String {
        switch "\(error)" {
        case "sectionCloseNameIncorrect": "this `{{/…}}` closes a section that is not the one open here"
        case "expectedSectionEnd": "a section `{{#…}}` or `{{^…}}` is never closed with `{{/…}}`"
        case "unfinishedName": "a tag is not closed with `}}`"
        case "invalidSetDelimiter": "invalid set-delimiter tag"
        case let other: "template syntax error (\(other))"
        }
    }
}

/// The names a page template and its partials and layouts look up, and a fingerprint of their text.
struct TemplateDependencies: Sendable {
    var names: Set<String>
    var fingerprint: Fingerprint
}
