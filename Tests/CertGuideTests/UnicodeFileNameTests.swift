import Foundation
import Testing

/// An entry whose file name has accents or capitals is published at the name's ASCII slug,
/// with a warning that names both, rather than refused.
@Suite struct UnicodeFileNameTests {
    static let entry = "---\ntitle: Bibliothécaire certifié\nissuer: I\nsummary: S\nlevel: technician\nverified: 2026-11-01\n---\nBody.\n"
    static let warning = "Content/certifications/bibliothécaire-certifié.md:1:1: warning: file name `bibliothécaire-certifié.md` is published "
        + "at the URL slug `bibliothecaire-certifie`; rename the file `bibliothecaire-certifie.md` so the name and the URL agree"

    @Test func buildPublishesTheASCIISlugAndWarns() throws {
        let site = try TestSite(files: [
            "Content/certifications/bibliothécaire-certifié.md": Self.entry,
            "Content/pages/links.md": "---\ntitle: Links\n---\nSee [the entry](../certifications/bibliothécaire-certifié.md).\n",
        ])
        defer { site.cleanUp() }
        let run = try CommandRunner.run(["build"], in: site.root)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains(Self.warning), "\(run.errors)")
        let page = try site.page("certifications/bibliothecaire-certifie/index.html")
        #expect(page.contains("Bibliothécaire certifié"))
        #expect(try site.page("links/index.html").contains(#"href="/certifications/bibliothecaire-certifie/""#))
        let check = try CommandRunner.run(["check", "--strict", "--today", "2026-11-23"], in: site.root)
        #expect(check.status == 1 && check.errors.contains(Self.warning), "--strict fails on the warning: \(check.errors)")
    }

    @Test func twoNamesWithTheSameSlugAreADuplicate() throws {
        let site = try TestSite(files: [
            "Content/certifications/bibliothécaire-certifié.md": Self.entry,
            "Content/certifications/bibliothecaire-certifie.md": Self.entry,
        ])
        defer { site.cleanUp() }
        #expect(site.problems().contains { $0.contains("error: duplicate slug `bibliothecaire-certifie`") }, "\(site.problems())")
    }

    @Test func aNameWithNothingToSpellIsStillRefused() throws {
        let site = try TestSite(files: ["Content/certifications/???.md": Self.entry])
        defer { site.cleanUp() }
        #expect(site.problems() == ["Content/certifications/???.md:1:1: error: file name `???.md` cannot be a URL; use lowercase letters, digits and hyphens"])
    }
}
