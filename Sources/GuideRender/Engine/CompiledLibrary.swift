import Foundation
import GuideSupport

/// Every template of a library compiled once, partials linked by index.
struct CompiledLibrary: Sendable {
    let templates: [CompiledTemplate]
    let indices: [String: Int]
    /// Partials without blocks, in whatever they include: a shared record may keep their output.
    let keepable: [Bool]
    /// Tells the output a shared record kept from one library from the next library's.
    let generation: Int

    private static let counter = NSLock()
    nonisolated(unsafe) private static var made = 0

    /// Compiles `sources` (name to text); a template that cannot be compiled is reported at
    /// its location, keyed by name.
    init(sources: [String: String]) throws(CompileFailures) {
        var links: [String: PartialLink] = [:]
        var templates: [CompiledTemplate] = [], indices: [String: Int] = [:]
        var failures: [(String, TemplateCompiler.Failure)] = []
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                indices[name] = templates.count
                templates.append(try TemplateCompiler.compile(text, links: &links))
            } catch {
                failures.append((name, error))
                templates.append(CompiledTemplate(nodes: []))
            }
        }
        if !failures.isEmpty { throw CompileFailures(failures: failures) }
        for (name, link) in links { link.index = indices[name] ?? -1 }
        self.templates = templates
        self.indices = indices
        var keepable = [Bool?](repeating: nil, count: templates.count)
        func check(_ index: Int, depth: Int) -> Bool {
            if let known = keepable[index] { return known }
            guard depth < 32 else { return false }
            let result = Self.allNodes(templates[index].nodes).allSatisfy { node in
                switch node {
                case .block, .blockDefinition: false
                case .partial(let link, _, let overrides): overrides == nil && (link.index < 0 || check(link.index, depth: depth + 1))
                default: true
                }
            }
            keepable[index] = result
            return result
        }
        self.keepable = templates.indices.map { check($0, depth: 0) }
        generation = Self.counter.withLock {
            Self.made += 1
            return Self.made
        }
    }

    struct CompileFailures: Error {
        var failures: [(String, TemplateCompiler.Failure)]
    }

    /// Renders template `name` with `stack` as its context (outermost first); the names it
    /// looked up and found nowhere come back with the page.
    /// A partial that includes itself, directly or not, stops at `TemplateRenderer.maximumDepth`
    /// and comes back as `runaway`, rather than overflowing the stack.
    func render(_ name: String, stack: [TemplateValue]) -> (html: [UInt8], missing: [String], runaway: String?) {
        guard let index = indices[name] else { return ([], [], nil) }
        var renderer = TemplateRenderer(templates: templates, keepable: keepable, library: generation, stack: stack)
        renderer.render(template: index)
        return (renderer.output, renderer.missing.map(TemplateNames.name), renderer.runaway)
    }

    private static func allNodes(_ nodes: [TemplateNode]) -> [TemplateNode] {
        nodes.flatMap { node -> [TemplateNode] in
            switch node {
            case .section(_, let body, _): [node] + allNodes(body)
            case .block(_, let body, _), .blockDefinition(_, let body): [node] + allNodes(body)
            case .partial(_, _, let overrides): [node] + (overrides?.values.flatMap(allNodes) ?? [])
            default: [node]
            }
        }
    }
}
