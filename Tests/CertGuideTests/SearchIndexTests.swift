import Foundation
import GuideSearch
import GuideSupport
import Testing

/// The search files a build writes, read back as the browser reads them.
@Suite struct SearchIndexTests {
    /// The files under `search/` of a generated site, parsed.
    struct Written {
        var files: [String: Data]
        var manifestName: String
        var manifest: [String: Any]
        /// `[url, title, passage, …]` by document.
        var docs: [[String]]
        /// By document: its page's `[sections, kind, level + 1, settings mask, issuer + 1, cost + 1]`.
        var meta: [[Int]]
        /// The document number of each document's page.
        var parents: [Int]
        /// By document: its `LengthCode`.
        var lengths: [Int]
        var terms: [String: String]

        init(_ output: [OutputFile]) throws {
            files = Dictionary(uniqueKeysWithValues: output.filter { $0.path.hasPrefix("search/") && $0.path.hasSuffix(".json") }
                .map { ($0.path, $0.contents) })
            manifestName = try #require(files.keys.first { $0.hasPrefix("search/manifest.") })
            manifest = try #require(try Self.object(files[manifestName]))
            let text = try #require(manifest["text"] as? [String: Any])
            #expect(text["files"] as? Int == 1)
            var read: [[String]] = []
            for path in try SearchTextGroupTests.textPaths(manifest) {
                let file = try #require(try Self.object(files[path]))
                read += try #require(file["docs"] as? [[String]])
            }
            let metaFile = try #require(try Self.object(files["search/" + (manifest["meta"] as? String ?? "")]))
            lengths = LengthCode.decode(try #require(metaFile["lengths"] as? String))
            let pages = CompactNumbers.decode(try #require(metaFile["pages"] as? String))
            meta = []
            parents = []
            for start in stride(from: 0, to: pages.count, by: 6) {
                let first = parents.count
                for _ in 0...pages[start] {
                    parents.append(first)
                    meta.append(Array(pages[start..<start + 6]))
                }
            }
            // A section's url is its anchor after its page's.
            let owners = parents
            docs = read.enumerated().map { number, doc in
                doc[0].hasPrefix("#") ? [read[owners[number]][0] + doc[0]] + doc.dropFirst() : doc
            }
            let index = try #require(try Self.object(files["search/" + (manifest["index"] as? String ?? "")]))
            let words = try #require(index["terms"] as? [String])
            let postings = try #require(index["postings"] as? [String])
            #expect(words.count == postings.count)
            terms = Dictionary(uniqueKeysWithValues: zip(words, postings))
        }

        static func object(_ data: Data?) throws -> [String: Any]? {
            guard let data else { return nil }
            return try JSONSerialization.jsonObject(with: data) as? [String: Any]
        }

        func document(_ url: String) -> Int? { docs.firstIndex { $0[0] == url } }

        /// The posting weight of `term` in the document at `url`, 0 when absent.
        func weight(_ term: String, _ url: String) -> Int {
            guard let target = document(url), let list = terms[term] else { return 0 }
            return PostingsJSON.decode(list).first { $0.document == target }?.weight ?? 0
        }
    }

    @Test func aDocumentPerPageAndPerSection() throws {
        let site = try TestSite(fixture: "search")
        defer { site.cleanUp() }
        let written = try Written(try site.generate())
        let urls = written.docs.map { $0[0] }
        for url in ["/certifications/cataloging-technician/", "/certifications/cataloging-technician/#exam",
                    "/certifications/cataloging-technician/#renewal", "/faq/how-do-i-renew/", "/about/", "/about/#verified-dates"] {
            #expect(urls.contains(url), "no search document for \(url)")
        }
        #expect(urls.count == 15)
        #expect(written.lengths.count == 15 && written.parents.count == 15)
        let page = try #require(written.document("/certifications/cataloging-technician/"))
        let renewalIndex = try #require(written.document("/certifications/cataloging-technician/#renewal"))
        let renewal = written.docs[renewalIndex]
        #expect(renewal[1] == "Renewal")
        #expect(written.parents[renewalIndex] == page)
        #expect(written.parents[page] == page)
        #expect(renewal[2].hasPrefix("You renew every five years."))
        // Body words, then the heading: 20, written as its length code.
        #expect(written.lengths[renewalIndex] == LengthCode.code(19 + 1))
        #expect(abs(LengthCode.words(written.lengths[renewalIndex]) - 20) < 20 * 0.07)
        #expect(written.manifest["count"] as? Int == 15)
    }

    @Test func fieldsAreWeighted() throws {
        let site = try TestSite(fixture: "search")
        defer { site.cleanUp() }
        let written = try Written(try site.generate())
        // Title 8 + topics 4 + summary 2 on the page; body 1 twice in the Exam section, whose heading doesn't say it.
        #expect(written.weight("catalog", "/certifications/cataloging-technician/") == 14)
        #expect(written.weight("catalog", "/certifications/cataloging-technician/#exam") == 1)
        // Abbreviation 8; a section's heading counts as its title (8) on top of the body.
        #expect(written.weight("catt", "/certifications/cataloging-technician/") == 8)
        #expect(written.weight("renew", "/certifications/cataloging-technician/#renewal") == 8 + 3)
        #expect(written.weight("metadata", "/certifications/metadata-librarian/#standards") == 3)
        // A `###` heading counts as a heading (4) of its section and as its text (1); "checked" once more.
        #expect(written.weight("check", "/about/#verified-dates") == 4 + 1 + 1)
        // Accents folded at build time.
        #expect(written.weight("bibliothecair", "/certifications/bibliothecaire-diplome/") > 0)
        #expect(written.terms["bibliothécaire"] == nil)
    }

    @Test func lengthsAreOneCharacterWithinSevenPercent() {
        for words in [0, 1, 2, 7, 20, 100, 633, 4_000] {
            let back = LengthCode.words(LengthCode.code(words))
            #expect(abs(back - Double(words)) <= max(0.5, Double(words) * 0.075), "\(words) words read back as \(back)")
        }
        #expect(LengthCode.code(1_000_000) == 63)
    }

    @Test func numbersAreFiveBitsACharacterLowBitsFirst() {
        #expect(CompactNumbers.decode("0") == [0])
        #expect(CompactNumbers.decode("V") == [31])
        #expect(CompactNumbers.decode("W1") == [32])
        #expect(CompactNumbers.decode("__3") == [31 + 31 * 32 + 3 * 1024])
        // Gap less one, times two, plus one when a weight (less two) follows: docs 2 (1), 4 (9), 9 (1).
        #expect(PostingsJSON.decode("4378").map { [$0.document, $0.weight] } == [[2, 1], [4, 9], [9, 1]])
    }

    @Test func documentsCarryTheirFacets() throws {
        let site = try TestSite(fixture: "search")
        defer { site.cleanUp() }
        let written = try Written(try site.generate())
        let facets = try #require(written.manifest["facets"] as? [[String: Any]])
        func values(_ id: String) -> [String] {
            ((facets.first { $0["id"] as? String == id }?["values"] as? [[String]]) ?? []).map { $0[0] }
        }
        #expect(facets.compactMap { $0["id"] as? String } == ["kind", "level", "setting", "issuer", "cost"])
        func facetsOf(_ url: String) throws -> [String] {
            let index = try #require(written.document(url))
            let doc = written.meta[index]
            let kind = values("kind")[doc[1]]
            let level = doc[2] == 0 ? "-" : values("level")[doc[2] - 1]
            let settings = values("setting").indices.filter { doc[3] & 1 << $0 != 0 }.map { values("setting")[$0] }.joined(separator: "+")
            let issuer = doc[4] == 0 ? "-" : values("issuer")[doc[4] - 1]
            let cost = doc[5] == 0 ? "-" : values("cost")[doc[5] - 1]
            return [kind, level, settings, issuer, cost]
        }
        #expect(try facetsOf("/certifications/cataloging-technician/") == ["certification", "technician", "public", "alpha-society", "under-200"])
        #expect(try facetsOf("/certifications/cataloging-technician/#renewal") == ["certification", "technician", "public", "alpha-society", "under-200"])
        #expect(try facetsOf("/certifications/bibliothecaire-diplome/") == ["certification", "professional", "academic", "societe-des-bibliothecaires", "free"])
        #expect(try facetsOf("/certifications/archives-records-technician/") == ["certification", "technician", "archives+special", "gamma-council", "200-500"])
        #expect(try facetsOf("/faq/how-do-i-renew/") == ["faq", "-", "", "-", "-"])
        #expect(try facetsOf("/about/#verified-dates") == ["page", "-", "", "-", "-"])
    }

    @Test func draftsAreNotSearchable() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let written = try Written(try site.generate())
        #expect(!written.docs.contains { $0[0].contains("gamma-draft") })
        #expect(written.terms["gamma"] == nil)
        let withDrafts = try Written(try site.generate(drafts: true))
        #expect(withDrafts.terms["gamma"] != nil)
    }

    @Test func everyPageNamesTheManifestAndFileNamesFollowTheContent() throws {
        let site = try TestSite(fixture: "search")
        defer { site.cleanUp() }
        try site.build()
        let first = try site.snapshot()
        // The manifest keeps its name, so that no page changes when an entry elsewhere does.
        let manifest = "search/manifest.json"
        #expect(first[manifest] != nil)
        for (path, data) in first where path.hasSuffix(".html") && !path.hasPrefix("certs/") {
            #expect(String(decoding: data, as: UTF8.self).contains(#"data-manifest="/\#(manifest)""#), "\(path) lacks the search box")
        }
        // Same content, same names; a changed word, new names for the files it is in.
        try site.build()
        #expect(Set(try site.snapshot().keys.filter { $0.hasPrefix("search/") }) == Set(first.keys.filter { $0.hasPrefix("search/") }))
        try site.write("Content/faq/cataloging-exam.md", "---\nquestion: What does the cataloguing exam cover?\n---\nIndexing.\n")
        try site.build()
        let changed = Set(try site.snapshot().keys.filter { $0.hasPrefix("search/") })
        let before = Set(first.keys.filter { $0.hasPrefix("search/") })
        #expect(changed.filter { $0.contains("/index.") } != before.filter { $0.contains("/index.") })
        #expect(changed.filter { $0.contains("/text.") } != before.filter { $0.contains("/text.") })
        #expect(try site.snapshot()[manifest] != first[manifest])
    }

    @Test func searchPageWorksWithoutJavaScript() throws {
        let site = try TestSite(fixture: "search")
        defer { site.cleanUp() }
        try site.build()
        let html = try site.page("search/index.html")
        let fallback = try #require(html.range(of: #"<p id="search-nojs""#).map { String(html[$0.lowerBound...].prefix(700)) })
        for link in [#"href="/compare/""#, #"href="/a-z/""#, #"href="/faq/""#] { #expect(fallback.contains(link)) }
        #expect(html.contains(#"<div id="search-app" class="search-app" hidden>"#))
        // The A–Z page: every entry, under its letter, accents ignored for the order.
        let list = try site.page("a-z/index.html")
        let order = ["Archives &lt;img", "Bibliothécaire Diplômé", "Cataloging Technician", "How do I renew", "Metadata Librarian", "What does the cataloging"]
        let positions = order.map { list.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "A–Z list lacks an entry")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(list.contains(#"<h2 id="az-b">B</h2>"#))
        #expect(!list.contains("<img src=x"))
    }
}
