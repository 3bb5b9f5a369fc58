import GuideBuild
import GuideSupport
import Testing

/// Template mistakes are build errors that name the template file and line, never empty output.
@Suite struct TemplateTests {
    @Test func syntaxErrorNamesFileAndLine() throws {
        let site = try TestSite(files: ["Templates/partials/card.mustache": "<li>\n  {{#cost}}{{text}}\n  {{/duration}}\n</li>\n"])
        defer { site.cleanUp() }
        let found = site.problems()
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("Templates/partials/card.mustache:3:") == true, "\(found)")
        #expect(found.first?.contains("closes a section that is not the one open here") == true)
    }

    @Test func unknownVariableIsReportedNotRenderedEmpty() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let facts = try String(contentsOf: site.templates.appendingPathComponent("partials/facts.mustache"), encoding: .utf8)
        try site.write("Templates/partials/facts.mustache", facts.replacingOccurrences(of: "<dd>{{issuer}}", with: "<dd>{{isuer}}"))
        let found = site.problems()
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("Templates/partials/facts.mustache:10:") == true, "\(found)")
        #expect(found.first?.contains("`isuer` is not a variable of the certification page") == true, "\(found)")
    }

    @Test func unknownDottedVariableIsReported() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let base = try String(contentsOf: site.templates.appendingPathComponent("layouts/base.mustache"), encoding: .utf8)
        try site.write("Templates/layouts/base.mustache", base.replacingOccurrences(of: "{{site.language}}", with: "{{site.langauge}}"))
        let found = site.problems()
        #expect(!found.isEmpty && found.allSatisfy { $0.hasPrefix("Templates/layouts/base.mustache:2:") && $0.contains("`langauge`") }, "\(found)")
    }

    @Test func aPartialThatIncludesItselfIsAnErrorNotACrash() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let card = try String(contentsOf: site.templates.appendingPathComponent("partials/card.mustache"), encoding: .utf8)
        try site.write("Templates/partials/card.mustache", card.replacingOccurrences(of: "  {{>pick}}\n", with: "  {{>pick}}\n{{>card}}\n"))
        let found = site.problems()
        #expect(!found.isEmpty && found.allSatisfy { $0.hasPrefix("Templates/partials/card.mustache:") && $0.contains("`card` includes itself") }, "\(found)")
    }

    @Test func missingPartialIsReported() throws {
        let site = try TestSite(files: ["Templates/pages/404.mustache": "{{<base}}{{$main}}\n{{>sidebar}}{{/main}}{{/base}}\n"])
        defer { site.cleanUp() }
        #expect(site.problems() == ["Templates/pages/404.mustache:2:1: error: template `sidebar` does not exist"])
    }

    /// Without the built-in templates to fall back on, a missing page template is an error.
    @Test func missingPageTemplateIsReported() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.remove("Templates/pages/compare.mustache")
        var options = site.options()
        options.defaultTemplates = [:]
        #expect(throws: DiagnosticsError.self) { try Builder(options: options).generate() }
        do { _ = try Builder(options: options).generate() } catch {
            #expect(error.diagnostics.map(\.description) == ["Templates/pages/compare.mustache:1:1: error: missing page template; every guide needs it"])
        }
        // With them, the guide's folder need not hold every template.
        #expect(site.problems() == [])
    }
}
