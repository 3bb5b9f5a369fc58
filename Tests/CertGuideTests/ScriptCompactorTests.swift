import CertGuide
import Foundation
import Testing

/// Scripts of `Templates/assets/` are copied without comment lines and indentation.
@Suite struct ScriptCompactorTests {
    @Test func commentLinesAndIndentationGoCodeStays() throws {
        let site = try TestSite(files: ["Templates/assets/demo.js": """
            /* A block
               comment. */
            (() => {
              // a line comment
              const url = 'https://example.org/'; // kept: not a whole line
              /* one-line block */
              if (url) {
                console.log(url);
              }
            })();

            """])
        defer { site.cleanUp() }
        try site.build()
        let compacted = try site.page("assets/demo.js")
        #expect(compacted == """
            (() => {
            const url = 'https://example.org/'; // kept: not a whole line
            if (url) {
            console.log(url);
            }
            })();

            """)
    }

    @Test func aTemplateLiteralAcrossLinesLeavesTheFileAlone() throws {
        let source = "const text = `first line\n  // not a comment here\n`;\n"
        let site = try TestSite(files: ["Templates/assets/literal.js": source])
        defer { site.cleanUp() }
        try site.build()
        #expect(try site.page("assets/literal.js") == source)
    }

    @Test func theShippedSearchScriptsShrink() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        for name in ["search.js", "compare.js", "filter.js"] {
            let source = try String(contentsOf: TestSite.projectRoot.appendingPathComponent("Templates/assets/\(name)"), encoding: .utf8)
            let built = try site.page("assets/\(name)")
            #expect(built.utf8.count < source.utf8.count * 9 / 10)
            #expect(!built.contains("\n//") && !built.contains("\n  "))
        }
    }
}
