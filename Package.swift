// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "certguide",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "certguide", targets: ["certguide"]),
        .library(name: "CertGuide", targets: ["CertGuide"]),
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
        .target(
            name: "CertGuide",
            dependencies: [
                "CCmark", "CSystem",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // `certguide serve`: static serving, file watching and live reload over the library.
        .target(
            name: "CertGuideServer",
            dependencies: [
                "CertGuide",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "certguide",
            dependencies: [
                "CertGuide", "CertGuideServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target over loading and building one file (`scripts/fuzz`); without the
        // FUZZING condition it replays saved inputs instead.
        .systemLibrary(name: "CFuzzerDriver"),
        .executableTarget(name: "certguide-fuzz", dependencies: ["CertGuide", "CFuzzerDriver"], path: "Sources/CertGuideFuzz"),
        .testTarget(
            name: "CertGuideTests",
            // Yams reads the CI workflow in a test.
            dependencies: ["CertGuide", "CertGuideServer", .product(name: "Yams", package: "Yams")]
        ),
    ]
)
