import GuideMarkdown
import GuideSite
import GuideSupport
import Testing

@Suite struct MarkdownTests {
    let renderer = MarkdownRenderer()

    @Test func headingsGetStableUniqueIDsWithAnchors() {
        let document = renderer.render("## Cost & fees\n\n## Cost & fees\n\n### Catalogación *básica*\n\n## Main\n")
        #expect(document.headings.map(\.id) == ["cost-fees", "cost-fees-2", "catalogacion-basica", "main-2"])
        #expect(document.html.contains(##"<h2 id="cost-fees">Cost &amp; fees <a class="anchor" href="#cost-fees""##))
        #expect(document.html.contains(#"<h3 id="catalogacion-basica">Catalogación <em>básica</em> <a class="anchor""#))
        // The same input gives the same ids every time.
        #expect(renderer.render("## Cost & fees\n").headings.first?.id == "cost-fees")
    }

    @Test func tableOfContentsFromThreeSections() {
        #expect(renderer.render("## A\n\n## B\n").tableOfContents.isEmpty)
        let three = renderer.render("## A\n\n### A1\n\n## B\n\n## C\n")
        #expect(three.tableOfContents.map(\.id) == ["a", "a1", "b", "c"])
    }

    @Test func smartPunctuation() {
        let html = renderer.render(#"It's "quoted" -- and more..."#).html
        #expect(html.contains("It’s “quoted” – and more…"))
    }

    @Test func rawHTMLAndJavaScriptLinksAreDroppedInSafeMode() {
        let html = renderer.render("<script>alert(1)</script>\n\nHi <b onclick=x>there</b> [x](javascript:alert(1))\n").html
        #expect(!html.contains("<script>"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func rawHTMLWhenTheSiteAllowsIt() {
        let html = MarkdownRenderer(allowRawHTML: true).render("<div class=\"note\">Kept</div>\n").html
        #expect(html.contains(#"<div class="note">Kept</div>"#))
    }

    @Test func relativeEntryLinksBecomeSiteURLs() {
        let resolver = ContentLinkResolver(sourcePath: "certifications/clt.md",
                                           knownPaths: ["faq/how-long.md", "certifications/aca.md", "pages/about.md"])
        let document = renderer.render(
            "See [how long](../faq/how-long.md#cost), [ACA](aca.md), [about](./../pages/about.md), [web](https://ala.org/x.md).",
            resolveLink: resolver.resolve)
        #expect(document.html.contains(##"href="/faq/how-long/#cost""##))
        #expect(document.html.contains(#"href="/certifications/aca/""#))
        #expect(document.html.contains(#"href="/about/""#))
        #expect(document.html.contains(#"href="https://ala.org/x.md""#))
        #expect(document.problems.isEmpty)
    }

    @Test func brokenEntryLinkIsReportedAtItsLine() {
        let resolver = ContentLinkResolver(sourcePath: "faq/q.md", knownPaths: [])
        let document = renderer.render("First paragraph.\n\nSecond with [a link](../faq/missing.md).\n", firstLine: 6,
                                       resolveLink: resolver.resolve)
        #expect(document.problems.count == 1)
        #expect(document.problems.first?.0 == SourceLocation(line: 8, column: 13))
        #expect(document.problems.first?.1.contains("`../faq/missing.md` points to no entry") == true)
    }

    @Test func plainTextSectionsAndExcerpt() {
        let document = renderer.render("Intro *text*.\n\n## Renewal\n\nEvery `five` years.\n\n## Cost\n\n- $175\n- $225\n")
        #expect(document.sections.map(\.id) == [nil, "renewal", "cost"])
        #expect(document.sections[1].text == "Every five years.")
        #expect(document.sections[2].title == "Cost")
        #expect(document.plainText.contains("Intro text."))
        #expect(!document.plainText.contains("*"))
        #expect(renderer.render(String(repeating: "word ", count: 100)).excerpt(limit: 30) == "word word word word word word…")
    }

    @Test func linksAndImagesAreCollected() {
        let document = renderer.render("![A chart](chart.png) and [text](https://example.org)\n")
        #expect(document.links.map(\.isImage) == [true, false])
        #expect(document.links.first?.text == "A chart")
    }
}
