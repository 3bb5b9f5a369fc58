import Foundation
import GuideBuild
import GuideContent
import GuideSupport
import Testing

/// The editor's save: real entry files rewritten on disk, changed only where a value changed.
@Suite struct FrontMatterRewriterTests {
    /// A copy of one of the guide's own certifications, rewritten on disk and read back.
    private func rewriteOnDisk(_ text: String, body: String? = nil, _ change: (inout FieldValue) -> Void) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rewrite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("entry.md")
        try Data(text.utf8).write(to: file)
        var values = try FrontMatterRewriter.current(String(decoding: try Data(contentsOf: file), as: UTF8.self)).values
        change(&values)
        let rewritten = try FrontMatterRewriter.rewrite(text, schema: CertificationFrontMatter.schema, to: values, body: body)
        try Data(rewritten.utf8).write(to: file)
        return String(decoding: try Data(contentsOf: file), as: UTF8.self)
    }

    private static let archivists = try! String(contentsOf: TestSite.projectRoot
        .appendingPathComponent("Content/certifications/academy-of-certified-archivists.md"), encoding: .utf8)

    /// Lines removed from `old` and added in `new`, as `git diff` shows them.
    private func diff(_ old: String, _ new: String) -> (removed: [String], added: [String]) {
        let a = old.components(separatedBy: "\n"), b = new.components(separatedBy: "\n")
        var removed: [(Int, String)] = [], added: [(Int, String)] = []
        for change in b.difference(from: a) {
            switch change {
            case .remove(let offset, let line, _): removed.append((offset, line))
            case .insert(let offset, let line, _): added.append((offset, line))
            }
        }
        return (removed.sorted { $0.0 < $1.0 }.map(\.1), added.sorted { $0.0 < $1.0 }.map(\.1))
    }

    @Test func aChangedFigureChangesOnlyItsLine() throws {
        let result = try rewriteOnDisk(Self.archivists) { $0.set("cost", "min", to: .text("150")) }
        let (removed, added) = diff(Self.archivists, result)
        #expect(removed == ["  min: 125"])
        #expect(added == ["  min: 150"])
        #expect(result.count == Self.archivists.count)
    }

    @Test func aQuotedValueKeepsItsQuotes() throws {
        let result = try rewriteOnDisk(Self.archivists) { $0.set("renewal", "by", to: .text("60 credits: by petition")) }
        #expect(diff(Self.archivists, result).added == ["  by: \"60 credits: by petition\""])
        let single = "---\ntitle: 'It''s a title' # the name\nissuer: X\nsummary: S\nlevel: support\nverified: 2026-01-01\n---\nBody\n"
        let renamed = try rewriteOnDisk(single) { $0.set("title", to: .text("Bob's title")) }
        #expect(diff(single, renamed).added == ["title: 'Bob''s title' # the name"])
    }

    @Test func aValueInsideABraceMappingChangesAlone() throws {
        let result = try rewriteOnDisk(Self.archivists) { $0.set("duration_months", "max", to: .text("36")) }
        #expect(diff(Self.archivists, result).removed == ["duration_months: { min: 24, max: 24, source: article }"])
        #expect(diff(Self.archivists, result).added == ["duration_months: { min: 24, max: 36, source: article }"])
    }

    @Test func aCommentAfterAValueStays() throws {
        let text = """
        ---
        title: Certified Library Technician
        issuer: ALA
        summary: One sentence.
        level: technician                  # support | technician | professional | specialist
        settings: [academic, public]       # academic | public | school | archives | special | any
        verified: 2026-11-01
        ---
        ## What it is
        """
        let result = try rewriteOnDisk(text) {
            $0.set("level", to: .text("specialist"))
            $0.set("settings", to: .list([.text("academic"), .text("school")]))
        }
        #expect(diff(text, result).added == [
            "level: specialist                  # support | technician | professional | specialist",
            "settings: [academic, school]       # academic | public | school | archives | special | any",
        ])
    }

    @Test func aRowAddedOrRemovedTouchesOnlyThatRow() throws {
        let added = try rewriteOnDisk(Self.archivists) {
            var rows = $0["eligibility"]!.items!
            rows.append(.text("A reference from a supervisor"))
            $0.set("eligibility", to: .list(rows))
        }
        #expect(diff(Self.archivists, added).removed.isEmpty)
        #expect(diff(Self.archivists, added).added == ["  - A reference from a supervisor"])
        let removed = try rewriteOnDisk(Self.archivists) {
            $0.set("eligibility", to: .list(Array($0["eligibility"]!.items!.dropFirst())))
        }
        #expect(diff(Self.archivists, removed).removed
            == ["  - { text: \"No education or work requirements to sit the exam (from the 2026 exam onward)\", source: requirements }"])
        #expect(diff(Self.archivists, removed).added.isEmpty)
        let source = try rewriteOnDisk(Self.archivists) {
            var rows = $0["sources"]!.items!
            rows.remove(at: 1)
            $0.set("sources", to: .list(rows + [.mapping([.init("title", .text("New source")), .init("url", .text("https://example.org/x"))])]))
        }
        #expect(diff(Self.archivists, source).removed == ["  - title: \"Academy of Certified Archivists: guide to the exam\"",
                                                           "    url: https://certifiedarchivists.org/guide-to-the-exam",
                                                           "    kind: issuer", "    key: exam-guide"])
        #expect(diff(Self.archivists, source).added == ["  - title: New source", "    url: https://example.org/x"])
    }

    @Test func aKeyRemovedOrAddedTouchesOnlyItsLines() throws {
        let result = try rewriteOnDisk(Self.archivists) {
            $0.set("abbreviation", to: nil)
            $0.set("aliases", to: .list([.text("/certs/ca/")]))
        }
        #expect(diff(Self.archivists, result).removed == ["abbreviation: CA"])
        #expect(diff(Self.archivists, result).added == ["aliases: [/certs/ca/]"])
    }

    @Test func aNewEntrysCommentedLineIsFilledIn() throws {
        let scaffold = EntryScaffold(kind: .certification, title: "Records Manager", today: Day("2026-12-07")!).text
        let result = try rewriteOnDisk(scaffold) {
            $0.set("settings", to: .list([.text("archives")]))
            $0.set("cost", to: .mapping([.init("min", .text("150")), .init("currency", .text("USD"))]))
            $0.set("draft", to: nil)
        }
        let (removed, added) = diff(scaffold, result)
        #expect(removed.contains("# settings: [academic, public]             # academic | public | school | archives | special | any"))
        #expect(added == ["settings: [archives]                       # academic | public | school | archives | special | any",
                          "cost: { min: 150, currency: USD }          # source: the number in `sources` that gives it"])
        #expect(removed.count == 3 && removed.last!.hasPrefix("draft: true"))
    }

    @Test func theBodyAloneChangesAlone() throws {
        let result = try rewriteOnDisk(Self.archivists, body: "New body.\n") { _ in }
        let cut = Self.archivists.range(of: "\n---\n")!.upperBound
        #expect(result == String(Self.archivists[..<cut]) + "New body.\n")
    }

    @Test func windowsLineEndingsStay() throws {
        let text = "---\r\ntitle: A\r\nissuer: B # who\r\nsummary: C\r\nlevel: support\r\nverified: 2026-01-01\r\n---\r\nBody\r\n"
        let result = try rewriteOnDisk(text) { $0.set("issuer", to: .text("D")) }
        #expect(result == text.replacingOccurrences(of: "issuer: B", with: "issuer: D"))
    }

    @Test func aFoldedValueIsWrittenAgainWhole() throws {
        let text = "---\ntitle: A\nissuer: B\nsummary: >\n  Two lines\n  of summary.\nlevel: support\nverified: 2026-01-01\n---\n"
        let result = try rewriteOnDisk(text) { $0.set("summary", to: .text("One line.")) }
        #expect(result == "---\ntitle: A\nissuer: B\nsummary: One line.\nlevel: support\nverified: 2026-01-01\n---\n")
    }

    @Test func nothingChangedWritesTheSameBytes() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: TestSite.projectRoot.appendingPathComponent("Content/certifications").path) {
            let text = try String(contentsOf: TestSite.projectRoot.appendingPathComponent("Content/certifications/\(name)"), encoding: .utf8)
            #expect(try rewriteOnDisk(text) { _ in } == text, "\(name)")
        }
    }
}

extension FieldValue {
    /// Sets a top-level key, or a key of a mapping under it; nil removes it.
    mutating func set(_ key: String, _ child: String? = nil, to value: FieldValue?) {
        guard case .mapping(var fields) = self else { return }
        var newValue = value
        if let child {
            var inner = self[key] ?? .mapping([])
            inner.set(child, to: value)
            newValue = inner
        }
        if let index = fields.firstIndex(where: { $0.key == key }) {
            if let newValue { fields[index].value = newValue } else { fields.remove(at: index) }
        } else if let newValue {
            fields.append(.init(key, newValue))
        }
        self = .mapping(fields)
    }
}
