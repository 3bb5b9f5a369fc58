import Foundation
import GuideContent
import GuideSite
import Testing

/// Each class of bad input gives one message at the line and column of the offending text.
@Suite struct FrontMatterTests {
    private let cert = "Content/certifications/x.md"

    private func problems(of text: String, at path: String? = nil) throws -> [String] {
        let site = try TestSite(files: [path ?? cert: text])
        defer { site.cleanUp() }
        return site.problems()
    }

    private func certification(_ lines: String, body: String = "Body.") -> String {
        "---\n\(lines)\n---\n\(body)\n"
    }

    private let valid = "title: X\nissuer: I\nsummary: S\nlevel: technician\nverified: 2026-11-01"

    @Test func validEntryBuilds() throws {
        #expect(try problems(of: certification(valid)).isEmpty)
    }

    @Test func missingClosingFence() throws {
        #expect(try problems(of: "---\ntitle: X\n") == ["\(cert):1:1: error: front matter opened here is never closed; add a line `---` after the last YAML line"])
    }

    @Test func missingOpeningFence() throws {
        #expect(try problems(of: "title: X\n---\n").first?.hasPrefix("\(cert):1:1: error: missing front matter") == true)
    }

    @Test func emptyFile() throws {
        #expect(try problems(of: "").first?.hasPrefix("\(cert):1:1: error: file is empty") == true)
        #expect(try problems(of: "\n  \n").first?.hasPrefix("\(cert):1:1: error: file is empty") == true)
    }

    @Test func yamlSyntaxErrorHasItsLine() throws {
        let found = try problems(of: certification("title: X\nissuer: [unclosed\nsummary: S\nlevel: technician\nverified: 2026-11-01"))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("\(cert):4:") == true, "YAML error should point at the line after the unclosed flow list: \(found)")
        #expect(found.first?.contains("error: invalid YAML") == true)
    }

    @Test func wrongTypeNamesKeyAndLine() throws {
        let found = try problems(of: certification(valid + "\ncost:\n  min: cheap"))
        #expect(found == ["\(cert):8:8: error: `cost.min` must be a number from 0 to 1,000,000, not `cheap`"])
        let list = try problems(of: certification(valid + "\ntopics: cataloging"))
        #expect(list == ["\(cert):7:9: error: `topics` must be a list, like `[a, b]` or lines starting with `- `"])
        let mapping = try problems(of: certification("title: [a, b]\nissuer: I\nsummary: S\nlevel: technician\nverified: 2026-11-01"))
        #expect(mapping == ["\(cert):2:8: error: `title` must be a single value, not a list or mapping"])
    }

    @Test func missingRequiredField() throws {
        let found = try problems(of: certification("title: X\nsummary: S\nlevel: technician\nverified: 2026-11-01"))
        #expect(found == ["\(cert):2:1: error: missing required field `issuer`"])
    }

    @Test func unknownKeySuggestsNearest() throws {
        let found = try problems(of: certification(valid + "\nisuer: typo"))
        #expect(found == ["\(cert):7:1: error: unknown key `isuer`; did you mean `issuer`?"])
        let nested = try problems(of: certification(valid + "\nexam:\n  questoins: 10"))
        #expect(nested == ["\(cert):8:3: error: unknown key `questoins` in `exam`; did you mean `questions`?"])
    }

    @Test func unknownLevelAndSetting() throws {
        let level = try problems(of: certification("title: X\nissuer: I\nsummary: S\nlevel: technican\nverified: 2026-11-01"))
        #expect(level == ["\(cert):5:8: error: unknown level `technican`; expected one of support, technician, professional, specialist; did you mean `technician`?"])
        let setting = try problems(of: certification(valid + "\nsettings: [public, acadmic]"))
        #expect(setting == ["\(cert):7:20: error: unknown setting `acadmic`; expected one of academic, public, school, archives, special, any; did you mean `academic`?"])
    }

    @Test func sourceAddressesMustBeWebAddresses() throws {
        let found = try problems(of: certification(valid + "\nsources:\n  - title: Handbook\n    url: javascript:alert(1)"))
        #expect(found == ["\(cert):9:10: error: `sources[0].url` must be a web address starting with https:// or http://, not `javascript:alert(1)`"])
        let nav = try problems(of: "title: T\nbase_url: https://x.org/\ndescription: D\nnav:\n  - { title: A, url: \"javascript:x\" }\n", at: "Content/site.yml")
        #expect(nav.count == 1 && nav[0].hasPrefix("Content/site.yml:5:") && nav[0].contains("`nav[0].url` must be a site path"), "\(nav)")
    }

    @Test func invalidDate() throws {
        let found = try problems(of: certification("title: X\nissuer: I\nsummary: S\nlevel: technician\nverified: 2026-02-30"))
        #expect(found == ["\(cert):6:11: error: `2026-02-30` is not a valid date; write it as YYYY-MM-DD, e.g. 2026-11-01"])
    }

    @Test func duplicateKey() throws {
        let found = try problems(of: certification(valid + "\ntitle: Again"))
        #expect(found.count == 1 && found[0].contains("duplicate key `title`"), "\(found)")
    }

    @Test func invalidUTF8PointsAtTheByte() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        var bytes = Data(certification(valid, body: "Caf").utf8)
        bytes.insert(0xE9, at: bytes.count - 1) // Latin-1 "é": line 8, column 4
        try site.write(cert, bytes)
        #expect(site.problems() == ["\(cert):8:4: error: file is not valid UTF-8; save it with UTF-8 encoding"])
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let text = certification(valid + "\nisuer: x").replacingOccurrences(of: "\n", with: "\r\n")
        try site.write(cert, Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        // Lines still count as the editor shows them.
        #expect(site.problems() == ["\(cert):7:1: error: unknown key `isuer`; did you mean `issuer`?"])
        try site.write(cert, Data([0xEF, 0xBB, 0xBF]) + Data(certification(valid).replacingOccurrences(of: "\n", with: "\r\n").utf8))
        #expect(site.problems().isEmpty)
    }

    @Test func relatedNamingUnknownSlug() throws {
        let found = try problems(of: "---\nquestion: Q?\nrelated:\n  - alpha-technician\n  - alpha-tecnician\n---\nA.\n", at: "Content/faq/q.md")
        #expect(found == ["Content/faq/q.md:5:5: error: `related` names `alpha-tecnician`, which is no certification; did you mean `alpha-technician`?"])
    }

    @Test func duplicateSlugAcrossSubfolders() throws {
        let found = try problems(of: certification(valid), at: "Content/certifications/archives/beta-archivist.md")
        #expect(found == ["Content/certifications/beta-archivist.md:1:1: error: duplicate slug `beta-archivist`: `Content/certifications/archives/beta-archivist.md` already uses it; rename one file"])
    }

    @Test func everyProblemOfEveryFileAtOnce() throws {
        let site = try TestSite(files: [
            "Content/certifications/one.md": certification("title: X\nisuer: I\nsummary: S\nlevel: expert\nverified: 2026-11-01"),
            "Content/faq/two.md": "---\nquestion: [\n---\n",
            "Content/pages/three.md": "",
        ])
        defer { site.cleanUp() }
        let found = site.problems()
        #expect(found.count == 5, "\(found)")
        #expect(found.contains { $0.hasPrefix("Content/certifications/one.md:3:1: error: unknown key `isuer`") })
        #expect(found.contains { $0.hasPrefix("Content/certifications/one.md:5:8: error: unknown level `expert`") })
        #expect(found.contains { $0.hasPrefix("Content/faq/two.md:") })
        #expect(found.contains { $0.hasPrefix("Content/pages/three.md:1:1: error: file is empty") })
    }

    @Test func reservedPageSlug() throws {
        let found = try problems(of: "---\ntitle: Compare\n---\n", at: "Content/pages/compare.md")
        #expect(found == ["Content/pages/compare.md:1:1: error: page slug `compare` is a URL the generator uses itself; rename the file"])
    }

    /// The content stage lists the reserved names itself (it may not use the site's URLs): a
    /// page the generator adds must be added there too, or an editor's page could take its URL.
    @Test(arguments: SiteURL.generatedPages.filter { $0 != SiteURL.home })
    func everyGeneratedPageIsAReservedPageSlug(_ url: String) throws {
        let slug = try #require(url.split(separator: "/").first.map(String.init))
        #expect(ContentLoader.reservedSlugs.contains(slug), "\(url)")
    }

    @Test func unknownSiteSetting() throws {
        let found = try problems(of: "title: T\nbase_url: https://x.org/\ndescription: D\nraw_htm: true\n", at: "Content/site.yml")
        #expect(found == ["Content/site.yml:4:1: error: unknown key `raw_htm`; did you mean `raw_html`?"])
    }
}
