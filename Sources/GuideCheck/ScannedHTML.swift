import Foundation

/// What the checks need from one built HTML page: its ids (anchors), the addresses it refers
/// to and its `<title>`. A small tag scanner rather than a parser: the pages come from our own
/// templates and cmark, and script, style and comment contents are skipped whole.
struct ScannedHTML: Sendable {
    struct Reference: Sendable, Hashable {
        /// Lowercased tag name: `a`, `img`, `link`, `script`.
        var tag: String
        /// The address, with character references decoded.
        var value: String
    }

    var ids: Set<String> = []
    var references: [Reference] = []
    var title: String?

    init(_ html: String) {
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if Self.matches(bytes, at: index, "<!--") {
                index = Self.find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            guard index + 1 < bytes.count, Self.isLetter(bytes[index + 1]) else {
                index = Self.find(bytes, ">", from: index + 1).map { $0 + 1 } ?? bytes.count
                continue
            }
            let (tag, attributes, end) = Self.readTag(bytes, from: index + 1)
            index = end
            record(tag: tag, attributes: attributes)
            if tag == "script" || tag == "style" || tag == "title" {
                let close = Self.find(bytes, "</\(tag)", from: index, caseInsensitive: true) ?? bytes.count
                if tag == "title" {
                    title = Self.decode(String(decoding: bytes[index..<close], as: UTF8.self)).trimmingCharacters(in: .whitespacesAndNewlines)
                }
                index = close
            }
        }
    }

    private mutating func record(tag: String, attributes: [(String, String)]) {
        for (name, value) in attributes {
            switch (tag, name) {
            case (_, "id"), ("a", "name"):
                ids.insert(value)
            case ("a", "href"), ("area", "href"), ("link", "href"), ("form", "action"),
                 ("img", "src"), ("script", "src"), ("iframe", "src"), ("source", "src"), ("audio", "src"), ("video", "src"):
                references.append(Reference(tag: tag, value: value))
            default:
                break
            }
        }
    }

    /// Reads `name attr="value" …>` from just after `<`; returns where the tag ends.
    private static func readTag(_ bytes: [UInt8], from start: Int) -> (String, [(String, String)], Int) {
        var index = start
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        let tag = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
        var attributes: [(String, String)] = []
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else { break }
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), !"=>/".utf8.contains(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < bytes.count, bytes[index] != quote { index += 1 }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                    index += 1
                } else {
                    let valueStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                }
            }
            if !name.isEmpty { attributes.append((name, decode(value))) }
        }
        return (tag, attributes, Swift.min(index + 1, bytes.count))
    }

    /// `&amp;`, `&quot;`, `&#39;`, `&#x27;`… as the browser reads them.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semicolon])
                var scalar: Unicode.Scalar?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
                }
                if let replacement = scalar.map(String.init) ?? named[name] {
                    result += replacement
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ text: String, caseInsensitive: Bool = false) -> Bool {
        let needle = Array(text.utf8)
        guard index + needle.count <= bytes.count else { return false }
        for offset in needle.indices {
            let (a, b) = (bytes[index + offset], needle[offset])
            if a == b || (caseInsensitive && isLetter(a) && a | 0x20 == b | 0x20) { continue }
            return false
        }
        return true
    }

    private static func find(_ bytes: [UInt8], _ text: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
        var index = start
        while index < bytes.count {
            if matches(bytes, at: index, text, caseInsensitive: caseInsensitive) { return index }
            index += 1
        }
        return nil
    }
}
