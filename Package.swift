// swift-tools-version: 6.0
import PackageDescription

// Layering (see README "Architecture"):
//   CVips / CLeptonica / CTesseract   system libraries + shim headers (pkg-config, apt)
//   CArchive                          libarchive (zip, tar, tar.gz) for `precheck batch`
//   PrecheckNative                    the only Swift code that touches raw pointers
//   Precheck                          library: imaging, OCR, documents, rules, verdict
//   PrecheckBatch                     bulk runs over folders and archives (`precheck batch`)
//   PrecheckCorpus                    synthetic application generator (test data)
//   precheck                          command-line front end
//   precheck-bench                    benchmarks (never timed unit tests)
let package = Package(
    name: "Precheck",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Precheck", targets: ["Precheck"]),
        .library(name: "PrecheckBatch", targets: ["PrecheckBatch"]),
        .executable(name: "precheck", targets: ["PrecheckCLI"]),
        .executable(name: "precheck-bench", targets: ["PrecheckBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
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
        .systemLibrary(
            name: "CArchive", pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]),
        .target(
            name: "PrecheckNative",
            dependencies: ["CVips", "CLeptonica", "CTesseract", "CArchive"]),
        .target(
            name: "Precheck",
            dependencies: [
                "PrecheckNative",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/gb2260")]),
        .target(
            name: "PrecheckBatch",
            dependencies: [
                "Precheck", "PrecheckNative",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(
            name: "PrecheckCorpus",
            dependencies: ["Precheck", "PrecheckNative"]),
        .executableTarget(
            name: "PrecheckCLI",
            dependencies: [
                "Precheck", "PrecheckBatch", "PrecheckCorpus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "PrecheckBenchmark",
            dependencies: ["Precheck", "PrecheckNative", "PrecheckCorpus"]),
        .testTarget(
            name: "PrecheckTests",
            dependencies: ["Precheck", "PrecheckNative", "PrecheckCorpus", "PrecheckBatch"],
            resources: [.copy("Fixtures")]),
    ]
)
