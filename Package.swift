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
//   PrecheckServer                    `precheck serve`: HTTP API, review page, SQLite storage
let package = Package(
    name: "Precheck",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Precheck", targets: ["Precheck"]),
        .library(name: "PrecheckBatch", targets: ["PrecheckBatch"]),
        .library(name: "PrecheckServer", targets: ["PrecheckServer"]),
        .executable(name: "precheck", targets: ["PrecheckCLI"]),
        .executable(name: "precheck-bench", targets: ["PrecheckBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
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
        .systemLibrary(name: "CMalloc"),
        .target(
            name: "PrecheckNative",
            dependencies: ["CVips", "CLeptonica", "CTesseract", "CArchive", "CMalloc"]),
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
        .target(
            name: "PrecheckServer",
            dependencies: [
                "Precheck", "PrecheckNative",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Resources/openapi.yaml")]),
        .executableTarget(
            name: "PrecheckCLI",
            dependencies: [
                "Precheck", "PrecheckBatch", "PrecheckCorpus", "PrecheckServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]),
        .executableTarget(
            name: "PrecheckBenchmark",
            dependencies: ["Precheck", "PrecheckNative", "PrecheckCorpus"]),
        .testTarget(
            name: "PrecheckTests",
            dependencies: ["Precheck", "PrecheckNative", "PrecheckCorpus", "PrecheckBatch"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "PrecheckServerTests",
            dependencies: [
                "PrecheckServer", "Precheck", "PrecheckNative",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
    ]
)
