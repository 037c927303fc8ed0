import Foundation
import Precheck
import PrecheckNative
import Synchronization
import Testing

/// An engine that records how many tasks use engines at once.
final class CountingEngine: OCREngine {
    static let active = Mutex((now: 0, peak: 0, made: 0))

    init() { Self.active.withLock { $0.made += 1 } }

    func recognize(_ image: Raster, _ request: RecognitionRequest) throws -> RecognizedText {
        Self.active.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
        usleep(5_000)
        Self.active.withLock { $0.now -= 1 }
        return RecognizedText(lines: [])
    }

    func detectOrientation(_ image: Raster, dpi: Int) throws -> OrientationEstimate? { nil }
    func textLines(_ image: Raster, dpi: Int) throws -> [PixelBox] { [] }
}

@Suite("OCR engine pool")
struct OCREnginePoolTests {
    @Test func neverLendsMoreEnginesThanItsCapacity() async throws {
        let pool = OCREnginePool(capacity: 2) { CountingEngine() }
        let image = Raster(width: 1, height: 1, channels: 1, fill: 255)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask { _ = try await pool.withEngine { try $0.recognize(image, RecognitionRequest(dpi: 200)) } }
            }
            try await group.waitForAll()
        }
        let counts = CountingEngine.active.withLock { $0 }
        #expect(counts.peak <= 2)
        #expect((1...2).contains(counts.made), "engines are reused, not made per call (made \(counts.made))")
        #expect(counts.now == 0)
    }

    @Test func aFailingFactoryIsReportedAndFreesItsPlace() async throws {
        let pool = OCREnginePool(capacity: 1) { throw NativeError(library: .tesseract, operation: "Init", message: "no model") }
        for _ in 0..<2 {
            await #expect(throws: NativeError.self) { try await pool.withEngine { _ in 1 } }
        }
    }
}
