import Yams

extension FrontMatterRewriter {
    /// The edits that turn a block mapping (the front matter itself, or `cost:` written over
    /// several lines) into `fields`, for the keys of its schema. Lines `first...last` hold it.
    func blockMapping(_ mapping: Node.Mapping, keys: [(String, KeySchema)], to fields: [FieldValue.Field],
                      first: Int, last: Int, indent: String) throws -> [LineEdit] {
        let pairs = Array(mapping)
        let starts = pairs.map { line(of: $0.key) }
        func end(_ index: Int) -> Int {
            lines.trimmedEnd(starts[index], index + 1 < starts.count ? starts[index + 1] - 1 : last)
        }
        var edits: [LineEdit] = []
        var present: [String: Int] = [:]
        for (index, pair) in pairs.enumerated() {
            guard let key = pair.key.string, let schema = keys.first(where: { $0.0 == key })?.1 else { continue }
            present[key] = index
            let old = FieldValue(node: pair.value)
            let new = fields.first { $0.key == key }?.value
            switch (old, new) {
            case (nil, nil):
                continue
            case (.text(let flag)?, nil) where schema.isFlag && ScalarKind.truth(flag) == false:
                // `draft: false` and no `draft:` mean the same: the file's line stays.
                continue
            case (_?, nil):
                edits.append(.lines(from: starts[index], through: end(index), with: []))
            case (nil, let new?):
                edits.append(.lines(from: starts[index], through: end(index), with: render(key, new, schema, indent: indent)))
            case (_?, let new?):
                do {
                    edits += try value(pair.value, to: new, schema: schema, inFlow: false, first: starts[index], last: end(index))
                } catch {
                    edits.append(.lines(from: starts[index], through: end(index), with: render(key, new, schema, indent: indent)))
                }
            }
        }
        // Keys the file does not have yet: in place of their commented-out line when the file
        // has one (as `certguide new` writes them), else after the key before them in the schema.
        var inserts: [Int: [String]] = [:]
        var previous: Int?
        for (key, schema) in keys {
            if let index = present[key] {
                previous = index
                continue
            }
            guard let new = fields.first(where: { $0.key == key })?.value else { continue }
            if let commented = commentedOut(key, indent: indent, first: first, last: last) {
                edits.append(.lines(from: commented.first, through: commented.last,
                                    with: withComment(render(key, new, schema, indent: indent), commented.comment)))
                continue
            }
            let at = previous.map { end($0) + 1 } ?? (starts.first ?? last + 1)
            inserts[at, default: []] += render(key, new, schema, indent: indent)
        }
        for (at, added) in inserts { edits.append(.lines(from: at, through: at - 1, with: added)) }
        return edits
    }

    /// The edits that turn `node` into `new`, or `NeedsWholeKey` when that cannot be done
    /// without writing the value again whole.
    func value(_ node: Node, to new: FieldValue, schema: KeySchema, inFlow: Bool, first: Int, last: Int) throws -> [LineEdit] {
        switch (node, new, schema.resolved(for: new)) {
        case (.scalar(let scalar), .text(let text), .value(let kind)):
            if kind.same(scalar.string, text) { return [] }
            guard let span = span(of: scalar, inFlow: inFlow), let style = YAMLScalar.style(of: scalar) else { throw NeedsWholeKey() }
            return [.span(line: span.line, from: span.from, to: span.to,
                          YAMLScalar.write(text, preferring: style, inFlow: inFlow, literal: kind.isLiteral))]
        case (.sequence(let sequence), .list(let items), .list(let itemSchema)):
            return try list(sequence, to: items, itemSchema: itemSchema, inFlow: inFlow, first: first, last: last)
        case (.mapping(let mapping), .mapping(let fields), .mapping(let keys, _, _)):
            let flow = inFlow || startsFlow(mapping.mark)
            if !flow {
                let firstKey = mapping.first.map { line(of: $0.key) } ?? first
                let column = mapping.first?.key.mark?.column ?? 1
                return try blockMapping(mapping, keys: keys, to: fields, first: firstKey, last: last,
                                        indent: String(repeating: " ", count: column - 1))
            }
            let oldKeys = Set(mapping.compactMap { FieldValue(node: $0.value) == nil ? nil : $0.key.string })
            guard oldKeys == Set(fields.map(\.key)) else {
                return [try replaceFlow(mapping.mark, with: inline(new, schema, inFlow: true))]
            }
            var edits: [LineEdit] = []
            for (key, valueNode) in mapping {
                guard let name = key.string, let field = fields.first(where: { $0.key == name }),
                      let child = keys.first(where: { $0.0 == name })?.1 else { continue }
                edits += try value(valueNode, to: field.value, schema: child, inFlow: true, first: first, last: last)
            }
            return edits
        default:
            throw NeedsWholeKey()
        }
    }

    private func list(_ sequence: Node.Sequence, to items: [FieldValue], itemSchema: KeySchema,
                      inFlow: Bool, first: Int, last: Int) throws -> [LineEdit] {
        let old = Array(sequence)
        let flow = inFlow || startsFlow(sequence.mark)
        let oldValues = old.map { FieldValue(node: $0) ?? .text("") }
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in items.difference(from: oldValues) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        let starts = flow ? [] : old.map { itemLine($0) }
        func end(_ index: Int) -> Int { lines.trimmedEnd(starts[index], index + 1 < starts.count ? starts[index + 1] - 1 : last) }
        if removed == inserted {
            // Rows changed where they stand, the others untouched.
            return try removed.sorted().flatMap { index in
                try value(old[index], to: items[index], schema: itemSchema, inFlow: flow,
                          first: flow ? line(of: old[index]) : starts[index], last: flow ? line(of: old[index]) : end(index))
            }
        }
        if flow {
            return [try replaceFlow(sequence.mark, with: inline(.list(items), .list(of: itemSchema), inFlow: true))]
        }
        // Rows added or removed: the rows kept stay as they are, byte for byte; new ones are
        // written like the first row, at its indentation.
        guard let firstRow = starts.first else { throw NeedsWholeKey() }
        let dash = lines.indentation(firstRow)
        let blockItems = old.first.map { $0.mapping != nil && !startsFlow($0.mark) } ?? false
        var kept = old.indices.filter { !removed.contains($0) }.makeIterator()
        var rows: [String] = []
        for (index, item) in items.enumerated() {
            if !inserted.contains(index), let from = kept.next() {
                rows += (starts[from]...end(from)).map { lines[$0] }
            } else {
                rows += row(item, itemSchema, dash: dash, block: blockItems)
            }
        }
        return [.lines(from: firstRow, through: end(old.count - 1), with: rows)]
    }

    /// Whether a collection is written `[...]` or `{...}` (Yams does not keep the style it read).
    private func startsFlow(_ mark: Mark?) -> Bool {
        guard let mark else { return false }
        let chars = lines.scalars(mark.line + 1)
        return mark.column - 1 < chars.count && (chars[mark.column - 1] == "[" || chars[mark.column - 1] == "{")
    }

    /// The line of a block sequence's row: that of its `-`.
    private func itemLine(_ node: Node) -> Int {
        var at = line(of: node)
        while at > 2, !lines[at].drop(while: { $0 == " " }).hasPrefix("-") { at -= 1 }
        return at
    }

    /// Columns of a one-line scalar, checked by reading them back.
    func span(of scalar: Node.Scalar, inFlow: Bool) -> (line: Int, from: Int, to: Int)? {
        guard let mark = scalar.mark else { return nil }
        let at = mark.line + 1
        let chars = lines.scalars(at)
        let start = mark.column - 1
        guard start < chars.count else { return nil }
        var end: Int?
        switch scalar.style {
        case .doubleQuoted:
            var index = start + 1
            while index < chars.count {
                if chars[index] == "\\" { index += 2; continue }
                if chars[index] == "\"" { end = index + 1; break }
                index += 1
            }
        case .singleQuoted:
            var index = start + 1
            while index < chars.count {
                if chars[index] == "'" {
                    if index + 1 < chars.count, chars[index + 1] == "'" { index += 2; continue }
                    end = index + 1
                    break
                }
                index += 1
            }
        case .plain:
            var index = start
            while index < chars.count {
                let char = chars[index]
                if inFlow, char == "," || char == "]" || char == "}" { break }
                if char == "#", index > start, chars[index - 1] == " " || chars[index - 1] == "\t" { break }
                index += 1
            }
            while index > start, chars[index - 1] == " " || chars[index - 1] == "\t" || chars[index - 1] == "\r" { index -= 1 }
            end = index
        default:
            return nil
        }
        guard let end else { return nil }
        var text = ""
        text.unicodeScalars.append(contentsOf: chars[start..<end])
        guard let reread = try? Yams.compose(yaml: "- " + text), reread.sequence?.first?.scalar?.string == scalar.string else { return nil }
        return (at, start + 1, end + 1)
    }

    /// A `[...]` or `{...}` on one line replaced whole.
    private func replaceFlow(_ mark: Mark?, with text: String) throws -> LineEdit {
        guard let mark else { throw NeedsWholeKey() }
        let at = mark.line + 1
        let chars = lines.scalars(at)
        var depth = 0, quote: Unicode.Scalar?
        var index = mark.column - 1
        while index < chars.count {
            let char = chars[index]
            if let open = quote {
                if char == "\\", open == "\"" { index += 2; continue }
                if char == open { quote = nil }
            } else if char == "\"" || char == "'" {
                quote = char
            } else if char == "[" || char == "{" {
                depth += 1
            } else if char == "]" || char == "}" {
                depth -= 1
                if depth == 0 { return .span(line: at, from: mark.column, to: index + 2, text) }
            }
            index += 1
        }
        throw NeedsWholeKey()
    }

    /// `# key: ...` at the mapping's indentation, with the commented lines under it, and the
    /// help comment at the end of its line.
    private func commentedOut(_ key: String, indent: String, first: Int, last: Int) -> (first: Int, last: Int, comment: String?)? {
        guard first <= last else { return nil }
        for at in first...last where lines[at].hasPrefix("\(indent)# \(key):") {
            var through = at
            while through < last, lines[through + 1].hasPrefix("\(indent)#   ") { through += 1 }
            let rest = lines[at].dropFirst(indent.count + 2)
            let comment = rest.range(of: " # ").map { String(rest[$0.lowerBound...].drop { $0 == " " }) }
            return (at, through, comment)
        }
        return nil
    }

    private func withComment(_ rendered: [String], _ comment: String?) -> [String] {
        guard let comment, rendered.count == 1 else { return rendered }
        let line = rendered[0]
        return [line + String(repeating: " ", count: max(1, 43 - line.count)) + comment]
    }
}
