import Foundation
import Testing

/// Scripts of `Templates/assets/` are published without comments and the spaces no token needs.
@Suite struct ScriptCompactorTests {
    private func published(_ source: String) throws -> String {
        let site = try TestSite(files: ["Templates/assets/demo.js": source])
        defer { site.cleanUp() }
        try site.build()
        return try site.page("assets/demo.js")
    }

    @Test func commentsAndSpacesGoCodeStays() throws {
        let compacted = try published("""
            /* A block
               comment. */
            (() => {
              // a line comment
              const url = 'https://example.org/'; // a comment after code
              /* one-line block */
              if (url && typeof url === 'string') {
                console.log(url, [1, 2]);
              }
              return url;
            })();

            """)
        #expect(compacted == """
            (()=>{const url='https://example.org/';if(url&&typeof url==='string'){console.log(url,[1,2]);}
            return url;})();

            """)
    }

    @Test func stringsTemplatesAndRegularExpressionsAreCopiedAsTheyAre() throws {
        let compacted = try published("""
            const a = 'it\\'s  // not a comment', b = "a /* b */ c";
            const t = `total: ${ n + 1 } of ${ list.map((x) => `“${ x }”`).join(', ') }`;
            const re = /[^\\0-/:-@[-`{-~ ]+ x/g, half = total / 2 / count;
            const words = text.match(/[\\p{L}' ]+/gu) || [];
            return /a b/.test(s);

            """)
        #expect(compacted == """
            const a='it\\'s  // not a comment',b="a /* b */ c";const t=`total: ${n+1} of ${list.map((x)=>`“${x}”`).join(', ')}`;const re=/[^\\0-/:-@[-`{-~ ]+ x/g,half=total/2/count;const words=text.match(/[\\p{L}' ]+/gu)||[];return/a b/.test(s);

            """)
    }

    /// After the `)` of `if (…)` a statement starts, so a `/` there begins a regular expression;
    /// after any other `)` it divides.
    @Test func aSlashAfterAClosingParenthesisDividesUnlessAStatementStartsThere() throws {
        let compacted = try published("if (ok) / +/.test(s); while (f(x)) /c, d/g.exec(t); y = (a + b) / 2 / (c);\n")
        #expect(compacted == "if(ok)/ +/.test(s);while(f(x))/c, d/g.exec(t);y=(a+b)/2/(c);\n")
    }

    @Test func tokensThatWouldRunTogetherKeepASpace() throws {
        let compacted = try published("a = b + +c - -d + ++e - --f; x = y - +z; if (a < !--b) g(1 .toString());\n")
        #expect(compacted == "a=b+ +c- -d+ ++e- --f;x=y-+z;if(a< !--b)g(1 .toString());\n")
    }

    /// A line break where a statement may end stays, so automatic semicolon insertion reads
    /// the published script as it read the source.
    @Test func lineBreaksThatMayEndAStatementStay() throws {
        let compacted = try published("""
            let a = b
            (c)
            let d = e
            ++f
            call(one,
              two)
            const g = {
              h: 1,
            }

            """)
        #expect(compacted == "let a=b\n(c)\nlet d=e\n++f\ncall(one,two)\nconst g={h:1,}\n")
    }

    @Test func theShippedScriptsShrinkByAQuarter() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        for name in ["search.js", "compare.js", "filter.js"] {
            let source = try String(contentsOf: TestSite.projectRoot.appendingPathComponent("Templates/assets/\(name)"), encoding: .utf8)
            let built = try site.page("assets/\(name)")
            #expect(built.utf8.count < source.utf8.count * 3 / 4)
            #expect(!built.contains("\n//") && !built.contains("  "))
        }
    }
}
