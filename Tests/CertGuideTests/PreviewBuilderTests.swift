@testable import CertGuideServer
import Foundation
@testable import GuideBuild
import Testing

/// The preview's builds without the server, where the order of saves can be set exactly.
@Suite struct PreviewBuilderTests {
    private func served(_ builder: PreviewBuilder, _ path: String) -> String {
        builder.snapshot.current.files[path].map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
    }

    @Test func aFactEditWithANewerSaveWaitingLeavesTheRestToThatSave() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let builder = PreviewBuilder(options: site.options(versionedAssets: false), snapshot: SnapshotBox())
        guard case .built = builder.rebuild() else { Issue.record("the first build failed"); return }
        let page = "certifications/beta-archivist/index.html", list = "certifications/index.html"
        func edit(_ path: String, _ from: String, _ to: String) throws -> String {
            let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
            #expect(text.contains(from), "\(path): \(from)")
            try site.write(path, text.replacingOccurrences(of: from, with: to))
            return site.root.appendingPathComponent(path).standardizedFileURL.path
        }

        // A new summary, while another save already waits for the build queue.
        let beta = try edit("Content/certifications/beta-archivist.md", "\nsummary: ", "\nsummary: Now cheaper. ")
        var told: [Set<String>] = []
        builder.waiting.add(1)
        let outcome = builder.update(changed: [beta], open: [page]) { if case .built(_, let changed, _, _) = $0 { told.append(changed) } }
        builder.waiting.add(-1)
        #expect(told == [[page]], "the open page is served first")
        guard case .built(_, let changed, _, _) = outcome else { Issue.record("\(outcome)"); return }
        #expect(changed.isEmpty, "nothing more to reload: the lists wait for the next save")
        #expect(served(builder, page).contains("Now cheaper."))
        #expect(!served(builder, list).contains("Now cheaper."))

        // That save, only a body elsewhere, also makes what the first one left.
        let alpha = try edit("Content/certifications/alpha-technician.md", "Study the handbook.", "Study the handbook twice.")
        guard case .built(let stale, _, _, _) = builder.update(changed: [alpha], open: [page]) else { Issue.record("second save"); return }
        #expect(served(builder, list).contains("Now cheaper."))
        if let stale { _ = builder.publishSearchIndex(try builder.searchIndex(for: stale)) }
        let clean = try Builder(options: site.options(versionedAssets: false)).generate().1
        let files = builder.snapshot.current.files
        #expect(Set(files.keys) == Set(clean.map(\.path)))
        for file in clean where files[file.path]?.contents != file.contents { Issue.record("\(file.path) differs from a clean build") }
    }
}

/// The preview with a guide's own asset laid over the built-in ones.
@Suite struct PreviewBuiltInAssetTests {
    @Test func deletingAnOwnAssetServesTheBuiltInOneAgain() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let builtIn = try Data(contentsOf: site.templates.appendingPathComponent("assets/site.css"))
        try site.remove("Templates")
        try site.write("Templates/assets/site.css", "body { color: red; }\n")
        let builder = PreviewBuilder(options: site.options(versionedAssets: false), snapshot: SnapshotBox())
        guard case .built = builder.rebuild() else { Issue.record("the first build failed"); return }
        #expect(builder.snapshot.current.files["assets/site.css"]?.contents == Data("body { color: red; }\n".utf8))
        let own = site.templates.appendingPathComponent("assets/site.css").standardizedFileURL.path
        try site.remove("Templates/assets/site.css")
        guard case .built(_, let changed, _, _) = builder.update(changed: [own]) else { Issue.record("the asset update failed"); return }
        #expect(changed == ["assets/site.css"])
        #expect(builder.snapshot.current.files["assets/site.css"]?.contents == builtIn)
    }
}
