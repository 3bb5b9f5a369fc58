import GuideSupport

/// Parses Mustache text into a `CompiledTemplate` exactly as swift-mustache 2 parses it
/// (standalone lines, indented partials, `{{<layout}}` with `{{$block}}`s, set delimiters), so
/// the compiled and the reference renderer write the same bytes. Transforms, dynamic partials
/// and `{{%…}}` pragmas are refused with their location.
struct TemplateCompiler {
    struct Failure: Error {
        var location: SourceLocation
        var message: String
    }

    private struct State {
        var sectionName: String?
        var newLine = true
        var inPartialDefinition = false
        var atPartialDefinitionTop = false
        var start = "{{", end = "}}"
        var partialDefinitionIndent: Substring?

        func inSection(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.atPartialDefinitionTop = false
            if !newLine { state.newLine = false }
            return state
        }

        func inInheritingPartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.inPartialDefinition = true
            state.atPartialDefinitionTop = true
            return state
        }
    }

    private let text: String
    private var position: String.Index
    /// Partials by name, shared by every template of a library.
    private var links: [String: PartialLink]

    static func compile(_ text: String, links: inout [String: PartialLink]) throws(Failure) -> CompiledTemplate {
        var compiler = TemplateCompiler(text: text, position: text.startIndex, links: links)
        do {
            let nodes = try compiler.parse(State())
            links = compiler.links
            return CompiledTemplate(nodes: nodes)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(location: compiler.location(of: compiler.position), message: "template syntax error (\(error))")
        }
    }

    private enum Syntax: Error { case sectionCloseNameIncorrect, unfinishedName, expectedSectionEnd, invalidSetDelimiter, illegalTokenInsideInheritSection }

    // MARK: The parse, tag by tag

    private mutating func parse(_ initial: State) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespace: Substring = ""
        func flushWhitespace() {
            if !whitespace.isEmpty { nodes.append(.text(Array(whitespace.utf8))) }
        }
        while !atEnd {
            if state.newLine {
                let found = read(while: { $0 == " " || $0 == "\t" })
                if state.inPartialDefinition, !state.atPartialDefinitionTop {
                    if let indent = state.partialDefinitionIndent { whitespace = found.dropFirst(indent.count) } else { state.partialDefinitionIndent = found }
                } else {
                    whitespace = found
                }
            }
            let text = try readUntilDelimiterOrNewline(state)
            if current.isNewline {
                nodes.append(.text(Array((String(whitespace) + text + String(current)).utf8)))
                state.newLine = true
                advance()
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array((String(whitespace) + text).utf8)))
                whitespace = ""
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            let tagStart = position
            switch current {
            case "#", "^":
                let inverted = current == "^"
                advance()
                let name = try parseName(state)
                if isStandalone(state) { setNewLine = true } else { flushWhitespace(); whitespace = "" }
                let body = try parse(state.inSection(name, newLine: setNewLine))
                nodes.append(.section(TemplateName(name), body, inverted: inverted))
            case "/":
                advance()
                let namePosition = position
                let name = try parseName(state)
                guard name == state.sectionName else {
                    position = namePosition
                    throw Syntax.sectionCloseNameIncorrect
                }
                if !isStandalone(state) { flushWhitespace() }
                return nodes
            case "!":
                advance()
                try skip(past: state.end)
                setNewLine = isStandalone(state)
            case "{", "&":
                let triple = current == "{"
                flushWhitespace()
                whitespace = ""
                advance()
                let name = try parseName(state)
                if triple { guard current == "}" else { throw Syntax.unfinishedName }; advance() }
                nodes.append(.variable(TemplateName(name), escaped: false))
            case ">":
                advance()
                _ = read(while: \.isWhitespace)
                if current == "*" { throw unsupported("dynamic partials (`{{>*name}}`)", at: tagStart) }
                let name = try parsePartialName(state)
                flushWhitespace()
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(link(name), indentation: String(whitespace), overrides: nil))
                } else {
                    nodes.append(.partial(link(name), indentation: nil, overrides: nil))
                }
                whitespace = ""
            case "<":
                advance()
                _ = read(while: \.isWhitespace)
                let name = try parsePartialName(state)
                if name.first == "*" { throw unsupported("dynamic partials (`{{<*name}}`)", at: tagStart) }
                flushWhitespace()
                if isStandalone(state) { setNewLine = true }
                var overrides: [String: [TemplateNode]] = [:]
                for node in try parse(state.inInheritingPartial(name)) {
                    switch node {
                    case .blockDefinition(let block, let body): overrides[block] = body
                    case .text: break
                    default: throw Syntax.illegalTokenInsideInheritSection
                    }
                }
                nodes.append(.partial(link(name), indentation: String(whitespace), overrides: overrides))
                whitespace = ""
            case "$":
                advance()
                let name = try parseName(state)
                if state.atPartialDefinitionTop {
                    if isStandalone(state) { setNewLine = true }
                    nodes.append(.blockDefinition(name, try parse(state.inSection(name, newLine: setNewLine))))
                } else {
                    flushWhitespace()
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.inSection(name, newLine: setNewLine))
                    nodes.append(.block(name, body, indentation: String(whitespace)))
                    whitespace = ""
                }
            case "=":
                advance()
                state = try setDelimiters(state)
                setNewLine = isStandalone(state)
            case "%":
                throw unsupported("pragmas (`{{%…}}`)", at: tagStart)
            default:
                flushWhitespace()
                whitespace = ""
                nodes.append(.variable(TemplateName(try parseName(state)), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Syntax.expectedSectionEnd }
        return nodes
    }

    private mutating func link(_ name: String) -> PartialLink {
        if let link = links[name] { return link }
        let link = PartialLink(name)
        links[name] = link
        return link
    }

    private func unsupported(_ what: String, at index: String.Index) -> Failure {
        Failure(location: location(of: text.index(index, offsetBy: -2, limitedBy: text.startIndex) ?? index),
                message: "\(what) are not supported by certguide's templates")
    }

    // MARK: Reading

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = nameCharacters.union(["/"])

    private var atEnd: Bool { position == text.endIndex }
    private var current: Character { atEnd ? "\0" : text[position] }
    private mutating func advance() { position = text.index(after: position) }

    private mutating func read(while accept: (Character) -> Bool) -> Substring {
        let start = position
        while !atEnd, accept(text[position]) { advance() }
        return text[start..<position]
    }

    /// Reads `string` if it comes next (swift-mustache fails when fewer characters are left).
    private mutating func read(string: String) throws -> Bool {
        guard let end = text.index(position, offsetBy: string.count, limitedBy: text.endIndex) else { throw Syntax.unfinishedName }
        guard text[position..<end] == string else { return false }
        position = end
        return true
    }

    private mutating func readUntilDelimiterOrNewline(_ state: State) throws -> String {
        var found = ""
        let first = state.start.first!
        while !atEnd {
            found += read(while: { $0 != "\n" && $0 != "\r\n" && $0 != first })
            if current.isNewline { break }
            if current == first {
                if try read(string: state.start) { break }
                found.append(first)
                advance()
            }
        }
        return found
    }

    private mutating func parseName(_ state: State) throws -> String {
        let name = try parseName(state, characters: Self.nameCharacters)
        if name.contains("(") || name.contains(")") {
            throw Failure(location: location(of: position), message: "transforms (`{{f(name)}}`) are not supported by certguide's templates")
        }
        return name
    }

    private mutating func parsePartialName(_ state: State) throws -> String {
        try parseName(state, characters: Self.partialNameCharacters)
    }

    /// A name of `characters` between optional spaces, then the closing delimiter.
    private mutating func parseName(_ state: State, characters: Set<Character>) throws -> String {
        _ = read(while: \.isWhitespace)
        let name = String(read(while: characters.contains))
        _ = read(while: \.isWhitespace)
        guard try read(string: state.end) else { throw Syntax.unfinishedName }
        return name
    }

    /// Past the next `end`, matched as swift-mustache matches it.
    private mutating func skip(past end: String) throws {
        var matched = end.startIndex
        while !atEnd {
            if text[position] == end[matched] {
                matched = end.index(after: matched)
                if matched == end.endIndex { advance(); return }
            } else {
                matched = end.startIndex
            }
            advance()
        }
        throw Syntax.unfinishedName
    }

    private mutating func setDelimiters(_ state: State) throws -> State {
        _ = read(while: \.isWhitespace)
        let start = read(while: { !$0.isWhitespace })
        guard !atEnd else { throw Syntax.invalidSetDelimiter }
        _ = read(while: \.isWhitespace)
        let end = read(while: { $0 != "=" && !$0.isWhitespace })
        guard !atEnd else { throw Syntax.invalidSetDelimiter }
        _ = read(while: \.isWhitespace)
        guard current == "=" else { throw Syntax.invalidSetDelimiter }
        advance()
        guard try read(string: state.end), !start.isEmpty, !end.isEmpty else { throw Syntax.invalidSetDelimiter }
        var next = state
        next.start = String(start)
        next.end = String(end)
        next.atPartialDefinitionTop = false
        return next
    }

    /// A standalone tag is alone on its line but for spaces: the line's end goes with it.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        let start = position
        _ = read(while: { $0 == " " || $0 == "\t" })
        if current.isNewline {
            advance()
            return true
        }
        position = start
        return false
    }

    private func location(of index: String.Index) -> SourceLocation {
        let before = text[..<index]
        let line = before.filter(\.isNewline).count + 1
        let column = before.reversed().prefix { $0 != "\n" }.count + 1
        return SourceLocation(line: line, column: column)
    }
}
