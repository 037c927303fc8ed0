// swift-tools-version: 6.0
import PackageDescription

// Layering (see README "Architecture"):
//   CVips / CLeptonica / CTesseract   system libraries + shim headers (pkg-config, apt)
//   PrecheckNative                    the only Swift code that touches raw pointers
//   Precheck                          library: imaging, OCR, documents, rules, verdict
//   PrecheckCorpus                    synthetic application generator (test data)
//   precheck                          command-line front end
//   precheck-bench                    benchmarks (never timed unit tests)
let package = Package(
    name: "Precheck",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Precheck", targets: ["Precheck"]),
        .executable(name: "precheck", targets: ["PrecheckCLI"]),
        .executable(name: "precheck-bench", targets: ["PrecheckBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CVips", pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]),
        .systemLibrary(
            name: "CLeptonica", pkgConfig: "lept",
            providers: [.apt(["libleptonica-dev"])]),
        .systemLibrary(
            name: "CTesseract", pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev", "tesseract-ocr-chi-sim", "tesseract-ocr-eng"])]),
        .target(
            name: "PrecheckNative",
            dependencies: ["CVips", "CLeptonica", "CTesseract"]),
        .target(
            name: "Precheck",
            dependencies: [
                "PrecheckNative",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/gb2260")]),
        .target(
            name: "PrecheckCorpus",
            dependencies: ["Precheck", "PrecheckNative"]),
        .executableTarget(
            name: "PrecheckCLI",
            dependencies: [
                "Precheck", "PrecheckCorpus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "PrecheckBenchmark",
            dependencies: ["Precheck", "PrecheckNative", "PrecheckCorpus"]),
        .testTarget(
            name: "PrecheckTests",
            dependencies: ["Precheck", "PrecheckNative", "PrecheckCorpus"],
            resources: [.copy("Fixtures")]),
    ]
)
