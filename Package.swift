// swift-tools-version: 6.0
import PackageDescription

// The stages are separate modules, so a generic or small function called from the next stage
// (JSONWriter, Fingerprint, parallelMap) would otherwise be neither inlined nor specialized
// there: release builds of the guide were 13-30% slower than with one module.
let stage: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "certguide",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "certguide", targets: ["certguide"]),
        .library(name: "CertGuide", targets: ["GuideBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The system cmark (Debian/Ubuntu: libcmark-dev); `scripts/setup` installs it.
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // Linux calls Swift's Glibc module does not expose (renameat2 for the atomic swap).
        .target(name: "CSystem"),
        // The library, one target per stage of the pipeline; each uses only the targets above it,
        // so the compiler refuses an arrow that runs back up (README, "Layout").
        // Files, diagnostics, fingerprints, slugs, JSON, the cache interface: used by every stage.
        .target(name: "GuideSupport", swiftSettings: stage),
        // Front matter: split, schema with ranges, typed entries, `Content/` loading.
        .target(name: "GuideContent", dependencies: ["GuideSupport", .product(name: "Yams", package: "Yams")], swiftSettings: stage),
        // Markdown bodies through cmark: HTML, headings, sections, links. The only user of CCmark.
        .target(name: "GuideMarkdown", dependencies: ["GuideSupport", "CCmark"], swiftSettings: stage),
        // The resolved site: URLs, page kinds, topics, related entries, facts as text.
        .target(name: "GuideSite", dependencies: ["GuideContent", "GuideMarkdown"], swiftSettings: stage),
        // Templates, page contexts, JSON-LD, feeds, sitemap, charts.
        .target(name: "GuideRender", dependencies: ["GuideSite", .product(name: "Mustache", package: "swift-mustache")], swiftSettings: stage),
        // The search index: tokenizer, postings, shards. A sibling of rendering, not above it.
        .target(name: "GuideSearch", dependencies: ["GuideSite"], swiftSettings: stage),
        // Links, anchors, freshness and sources over a site and its rendered pages.
        .target(name: "GuideCheck", dependencies: ["GuideSite"], swiftSettings: stage),
        // `Templates/` embedded at build time (Plugins/EmbedTemplates), so the binary alone builds a guide.
        .target(name: "DefaultTemplates", plugins: ["EmbedTemplates"]),
        .plugin(name: "EmbedTemplates", capability: .buildTool()),
        // Runs the stages; the incremental build cache, the output writer, `new`, `init` and the fuzz harness.
        .target(name: "GuideBuild", dependencies: ["GuideRender", "GuideSearch", "GuideCheck", "CSystem", "DefaultTemplates"], swiftSettings: stage),
        // The preview's editor without HTTP: forms from the schema, saves checked by the loader and
        // written in place. Above the pipeline, beside the server that guards it.
        .target(name: "GuideEditor", dependencies: ["GuideBuild", "GuideContent", "GuideMarkdown", "GuideSite", "GuideRender", "GuideSupport"]),
        // `certguide serve`: static serving, file watching and live reload over the library.
        .target(
            name: "CertGuideServer",
            dependencies: [
                "GuideBuild", "GuideEditor",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "certguide",
            dependencies: [
                "GuideBuild", "CertGuideServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildInfo"]
        ),
        // The version (VERSION) and commit `certguide --version` prints.
        .plugin(name: "BuildInfo", capability: .buildTool()),
        // libFuzzer target over loading and building one file (`scripts/fuzz`); without the
        // FUZZING condition it replays saved inputs instead.
        .systemLibrary(name: "CFuzzerDriver"),
        .executableTarget(name: "certguide-fuzz", dependencies: ["GuideBuild", "CFuzzerDriver"], path: "Sources/CertGuideFuzz"),
        .testTarget(
            name: "CertGuideTests",
            // Yams reads the CI workflow in a test.
            dependencies: [
                "GuideSupport", "GuideContent", "GuideMarkdown", "GuideSite", "GuideRender", "GuideSearch", "GuideCheck",
                "GuideBuild", "GuideEditor", "CertGuideServer", "DefaultTemplates", .product(name: "Yams", package: "Yams"),
            ]
        ),
    ]
)
