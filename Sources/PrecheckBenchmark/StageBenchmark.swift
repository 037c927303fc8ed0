import Foundation
import Precheck
import PrecheckNative

/// Peak resident memory of the process so far, in MB.
func peakResidentMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// Times decode, cleanup, whole-page OCR and one field-line OCR on one page.
struct StageBenchmark {
    let runs: Int

    struct Report: CustomStringConvertible {
        var stages: [(String, Double)]
        var peakMB: Double
        var description: String {
            var lines = ["stage timings on a rendered A4 licence (median CPU ms, one thread):"]
            for (name, ms) in stages { lines.append("  " + name.padding(toLength: 30, withPad: " ", startingAt: 0) + String(format: "%8.1f", ms)) }
            lines.append(String(format: "  peak resident memory: %.0f MB", peakMB))
            return lines.joined(separator: "\n")
        }
    }

    func run(jpeg: [UInt8]) throws -> Report {
        let engine = try TesseractEngine()
        let intake = ImageIntake(), cleaner = PageCleaner()
        var timings: [String: [Double]] = [:]
        func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let start = ReadTiming.threadCPUSeconds()
            let value = try body()
            timings[name, default: []].append((ReadTiming.threadCPUSeconds() - start) * 1000)
            return value
        }
        let reader = DocumentReader()
        for _ in 0..<runs {
            let decoded = try time("decode (JPEG → RGB)") { try intake.decode(jpeg) }
            let page = try time("cleanup (incl. orientation)") { try cleaner.clean(decoded, engine: engine) }
            _ = try time("cleanup (no orientation)") { try cleaner.clean(decoded, engine: nil) }
            _ = try time("layout analysis only") { try engine.textLines(page.ocrGrey, dpi: page.dpi) }
            let text = try time("OCR whole page (psm 3)") {
                try engine.recognize(page.ocrGrey, RecognitionRequest(segmentation: .automatic, dpi: page.dpi))
            }
            _ = try time("read document (all stages)") { try reader.read(decoded, engine: engine) }
            if let line = text.lines.first(where: { $0.text.contains("统一社会") }) ?? text.lines.first {
                let region = line.box.expanded(by: 8, within: (page.ocrGrey.width, page.ocrGrey.height))
                _ = try time("OCR one field line (psm 7)") {
                    try engine.recognize(page.ocrGrey, RecognitionRequest(region: region, segmentation: .singleLine, dpi: page.dpi))
                }
            }
        }
        let order = ["decode (JPEG → RGB)", "cleanup (incl. orientation)", "cleanup (no orientation)", "layout analysis only",
                     "OCR whole page (psm 3)", "OCR one field line (psm 7)", "read document (all stages)"]
        return Report(stages: order.compactMap { name in timings[name].map { (name, median($0)) } }, peakMB: peakResidentMB())
    }
}

/// Decodes a 10000×14000 JPEG (made on the fly) and reports peak memory.
struct HugeImageBenchmark {
    func run() throws -> String {
        let side = Raster(width: 1000, height: 1400, channels: 3, fill: 235)
        // Enlarge a small image with libvips to make the big JPEG without holding 420 MB ourselves.
        let big = try VipsImage(side).resized(by: 10)
        let bytes = try big.encoded(as: .jpeg(quality: 80))
        let before = peakResidentMB()
        let start = ReadTiming.threadCPUSeconds()
        let decoded = try ImageIntake().decode(bytes)
        let ms = (ReadTiming.threadCPUSeconds() - start) * 1000
        return String(format: "huge JPEG 10000×14000 (%.1f MB): decoded to %d×%d in %.0f ms; peak RSS %.0f MB before, %.0f MB after",
                      Double(bytes.count) / 1e6, decoded.raster.width, decoded.raster.height, ms, before, peakResidentMB())
    }
}
