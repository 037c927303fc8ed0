import Foundation
import Precheck
import PrecheckNative

/// Reads every document of the sample applications as the checker does
/// (with the form's claims and seal names) and reports the CPU time per
/// application and per reading stage, next to the whole-page baseline:
/// decoding each scan and one Tesseract pass over the whole page (psm 3).
struct ApplicationBenchmark {
    let folder: URL
    let limit: Int

    struct Report: CustomStringConvertible {
        var applications: Int
        var documents: Int
        var decodeSeconds: Double
        var timing: ReadTiming
        var timingBySlot: [DocumentSlot: ReadTiming] = [:]
        var baselineSeconds: Double
        var peakMB: Double

        var perApplication: Double { (decodeSeconds + timing.total) / Double(max(applications, 1)) }
        var baselinePerApplication: Double { baselineSeconds / Double(max(applications, 1)) }

        var description: String {
            let n = Double(max(applications, 1))
            func row(_ name: String, _ seconds: Double) -> String {
                name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%7.3f", seconds / n)
            }
            var lines = ["\(applications) sample applications, \(documents) scans (CPU seconds per application, one thread):"]
            lines.append(row("  decode", decodeSeconds))
            for stage in ReadStage.allCases {
                let bySlot = DocumentSlot.allCases.map { slot in
                    String(format: "%@ %.3f", slot.rawValue, (timingBySlot[slot]?.seconds[stage] ?? 0) / n)
                }
                lines.append(row("  \(stage.rawValue)", timing.seconds[stage] ?? 0) + "   (" + bySlot.joined(separator: ", ") + ")")
            }
            lines.append(row("  total (Precheck)", perApplication * n))
            lines.append(row("  whole-page OCR baseline (psm 3)", baselineSeconds))
            lines.append(String(format: "  baseline / Precheck: %.2f×", baselinePerApplication / max(perApplication, 1e-9)))
            lines.append(String(format: "  peak resident memory: %.0f MB", peakMB))
            return lines.joined(separator: "\n")
        }
    }

    func run() throws -> Report {
        let engine = try TesseractEngine()
        let reader = DocumentReader()
        let folders = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("application.json").path) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
            .prefix(limit)
        var report = Report(applications: 0, documents: 0, decodeSeconds: 0, timing: ReadTiming(), baselineSeconds: 0, peakMB: 0)
        for applicationFolder in folders {
            let application = try Application(folder: applicationFolder)
            let form = application.form
            for slot in DocumentSlot.allCases {
                guard case .file(let url, _)? = application.documents[slot] else { continue }
                let start = ReadTiming.threadCPUSeconds()
                guard let image = try? reader.intake.decode(contentsOf: url) else { continue }
                let decoding = ReadTiming.threadCPUSeconds() - start
                report.decodeSeconds += decoding
                var timing = ReadTiming()
                _ = try? reader.read(image, engine: engine, claims: form.claims(for: slot), sealNames: form.sealNames, timing: &timing)
                report.timing += timing
                report.timingBySlot[slot, default: ReadTiming()] += timing
                // The baseline decodes the same scan (counted once, above) and reads the whole page.
                let baselineStart = ReadTiming.threadCPUSeconds()
                _ = try engine.recognize(image.raster.grey(), RecognitionRequest(segmentation: .automatic, dpi: Int(image.headerDPI)))
                report.baselineSeconds += decoding + ReadTiming.threadCPUSeconds() - baselineStart
                report.documents += 1
            }
            report.applications += 1
        }
        report.peakMB = peakResidentMB()
        return report
    }
}
