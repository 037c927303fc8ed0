import Foundation
import Precheck
import PrecheckCorpus
import PrecheckNative

// precheck-bench: stage timings on a rendered licence page and on a huge
// JPEG. Run a release build with OMP_THREAD_LIMIT=1:
//   scripts/benchmark.sh        (or: swift run -c release precheck-bench)
// Options: --runs N (default 7), --save-page FILE (write the rendered page),
// --samples DIR (default samples), --applications N (default 30; 0 skips the
// per-application run).

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let runs = Int(option("--runs") ?? "") ?? 7
if ProcessInfo.processInfo.environment["OMP_THREAD_LIMIT"] == nil {
    print("warning: OMP_THREAD_LIMIT is not set; Tesseract will use OpenMP threads and run slower")
}

var random = SeededRandom(seed: 1)
let page = try LicenseRenderer().render(SampleContent.license, random: &random)
let jpeg = try VipsImage(page.canvas.raster).encoded(as: .jpeg(quality: 90))
if let path = option("--save-page") { try Data(jpeg).write(to: URL(fileURLWithPath: path)) }

let applications = Int(option("--applications") ?? "") ?? 30
if applications > 0 {
    let folder = URL(fileURLWithPath: option("--samples") ?? "samples")
    print(try ApplicationBenchmark(folder: folder, limit: applications).run())
}
let report = try StageBenchmark(runs: runs).run(jpeg: jpeg)
print(report)
let memory = try HugeImageBenchmark().run()
print(memory)
