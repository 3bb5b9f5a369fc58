/// Renders compiled templates against typed records into bytes, as swift-mustache renders the
/// same templates and values: context stack, sections over lists, `false` and records, indented
/// standalone partials, `{{<layout}}` blocks. A name found nowhere is noted, not printed.
struct TemplateRenderer {
    /// The templates of one library, by index, and which of them a shared record may keep.
    let templates: [CompiledTemplate]
    let keepable: [Bool]
    let library: Int

    private(set) var output: [UInt8] = []
    /// Names looked up and found nowhere, by number, in the order met.
    private(set) var missing: [Int32] = []
    /// The first partial that includes itself, found when partials nest `maximumDepth` deep.
    private(set) var runaway: String?
    /// The partials being rendered, outermost first.
    private var partials: [String] = []
    static let maximumDepth = 64
    private var stack: [TemplateValue]
    /// Inside a trial render of a shared record's partial with only that record as context.
    private var isolated = false
    private var isolatedMiss = false

    private struct Scope {
        var indentation: String?
        var blocks: [String: [TemplateNode]]?
    }

    init(templates: [CompiledTemplate], keepable: [Bool], library: Int, stack: [TemplateValue]) {
        self.templates = templates
        self.keepable = keepable
        self.library = library
        self.stack = stack
        output.reserveCapacity(32 * 1024)
    }

    mutating func render(template index: Int) {
        render(templates[index].nodes, Scope())
    }

    /// One template's or section's nodes. Under an indentation, output that follows a line
    /// break of this run is indented, node by node, as swift-mustache does it.
    private mutating func render(_ nodes: [TemplateNode], _ scope: Scope) {
        guard let indentation = scope.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, scope) }
            return
        }
        let start = output.count
        for node in nodes {
            let mark = output.count
            render(node, scope)
            if output.count > mark, mark > start, output[mark - 1] == UInt8(ascii: "\n"),
               mark - 2 < start || output[mark - 2] != UInt8(ascii: "\r") {
                output.insert(contentsOf: indentation.utf8, at: mark)
            }
        }
    }

    private mutating func render(_ node: TemplateNode, _ scope: Scope) {
        switch node {
        case .text(let bytes):
            output += bytes
        case .variable(let name, let escaped):
            guard let value = lookup(name) else { return }
            switch value {
            case .text(let text): output += (escaped ? text.escaped : text.raw).utf8
            case .int(let number): output += String(number).utf8
            default: output += (escaped ? HTML.escape(value.described) : value.described).utf8
            }
        case .section(let name, let body, let inverted):
            let value = lookup(name)
            if inverted {
                switch value {
                case nil: render(body, scope)
                case .bool(let flag)?: if !flag { render(body, scope) }
                case .list(let items)?: if items.isEmpty { within(value!) { $0.render(body, scope) } }
                default: break
                }
            } else {
                switch value {
                case nil: break
                case .bool(let flag)?: if flag { render(body, scope) }
                case .list(let items)?: for item in items { within(item) { $0.render(body, scope) } }
                case let value?: within(value) { $0.render(body, scope) }
                }
            }
        case .partial(let link, let indentation, let overrides):
            guard link.index >= 0 else { return }
            guard partials.count < Self.maximumDepth else {
                if runaway == nil { runaway = partials.first { name in partials.lazy.filter { $0 == name }.count > 1 } ?? link.name }
                return
            }
            partials.append(link.name)
            defer { partials.removeLast() }
            var inner = scope
            if let indentation { inner.indentation = (scope.indentation ?? "") + indentation }
            if let overrides { inner.blocks = scope.blocks.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides }
            if overrides == nil, keepable[link.index], case .record(let record)? = stack.last, record.shared {
                renderKept(link.index, of: record, inner)
            } else {
                render(templates[link.index].nodes, inner)
            }
        case .block(let name, let body, let indentation):
            var inner = scope
            inner.indentation = (scope.indentation ?? "") + indentation
            render(scope.blocks?[name] ?? body, inner)
        case .blockDefinition:
            break
        }
    }

    /// A partial whose context is a shared record (a card): what it rendered from that record
    /// before, or a render with the record as the only context, kept when it found every name
    /// there (so the page around it cannot change it), and otherwise a render in full context.
    private mutating func renderKept(_ index: Int, of record: Record, _ scope: Scope) {
        let key = Record.RenderedKey(library: library, template: index, indentation: scope.indentation ?? "")
        if let kept = record.rendered(key) {
            output += kept
            return
        }
        let (outerStack, outerIsolated, outerMiss) = (stack, isolated, isolatedMiss)
        stack = [.record(record)]
        isolated = true
        isolatedMiss = false
        let mark = output.count
        render(templates[index].nodes, scope)
        let complete = !isolatedMiss
        (stack, isolated, isolatedMiss) = (outerStack, outerIsolated, outerMiss)
        if complete {
            record.keep(Array(output[mark...]), as: key)
        } else {
            output.removeSubrange(mark...)
            render(templates[index].nodes, scope)
        }
    }

    private mutating func within(_ value: TemplateValue, _ body: (inout TemplateRenderer) -> Void) {
        stack.append(value)
        body(&self)
        stack.removeLast()
    }

    /// The first part of a name from the innermost context outwards (only the innermost for
    /// `.name`), the other parts inside what it found.
    private mutating func lookup(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: TemplateValue?
        var index = stack.count - 1
        while index >= 0, found == nil {
            if case .record(let record) = stack[index] { found = record.value(first) }
            if name.anchored { break }
            index -= 1
        }
        guard var value = found else { return miss(first) }
        for part in name.parts.dropFirst() {
            guard case .record(let record) = value, let child = record.value(part) else { return miss(part) }
            value = child
        }
        return value
    }

    private mutating func miss(_ name: Int32) -> TemplateValue? {
        if isolated { isolatedMiss = true } else if !missing.contains(name) { missing.append(name) }
        return nil
    }
}
