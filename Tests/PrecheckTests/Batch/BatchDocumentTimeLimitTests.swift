import Foundation
import Precheck
import PrecheckNative
import Testing

/// The per-document time limit: Tesseract stops at a deadline through its
/// progress monitor, and a document over its limit asks for review instead
/// of stalling the run.
@Suite("Batch: per-document time limit")
struct BatchDocumentTimeLimitTests {
    @Test func tesseractStopsAWholePageReadAtItsDeadline() throws {
        let page = try TestImages.licensePage()
        let api = try TesseractAPI(language: "chi_sim")
        let error = #expect(throws: NativeError.self) {
            _ = try api.recognize(page.canvas.raster, segmentation: .automatic, dpi: 200, timeLimitMilliseconds: 1)
        }
        #expect(error?.message.contains("time limit") == true)
        // Without a limit the same page reads.
        let text = try api.recognize(page.canvas.raster, segmentation: .automatic, dpi: 200)
        #expect(text.lines.count > 5, "\(text.lines.count) lines")
    }

    @Test func documentsOverTheLimitAskForReview() async throws {
        let checker = try Checker(concurrency: 2, documentTimeLimit: .milliseconds(1))
        let verdict = try await checker.check(folder: Samples.directory.appendingPathComponent("APP-0001"))
        #expect(verdict.decision == .manualReview)
        for slot in DocumentSlot.allCases {
            let reason = verdict.reasons.first { $0.document == slot && $0.code == .fieldUncertain }
            #expect(reason?.messageEn.contains("longer than the limit of 1 ms") == true, "\(slot): \(verdict.reasons.filter { $0.document == slot }.map(\.messageEn))")
        }
    }
}
