import PrecheckNative

/// Wraps an engine so that the reading of one document stops at a deadline:
/// every recognition is given the time left (Tesseract stops between words
/// when it runs out), and once the time is up every further call throws
/// ``DocumentTimeLimitExceeded``, so the document's reading ends at its next
/// OCR call instead of running on.
///
/// Stages between OCR calls (cleanup, seal detection) are not interrupted;
/// they are bounded by the intake's size limits.
///
/// ```swift
/// let limited = TimeLimitedEngine(engine, limit: .seconds(60))
/// let reading = try DocumentReader().read(image, engine: limited)
/// ```
public final class TimeLimitedEngine: OCREngine {
    private let base: any OCREngine
    public let limit: Duration
    public let deadline: ContinuousClock.Instant

    /// The clock starts now.
    public init(_ base: any OCREngine, limit: Duration) {
        self.base = base
        self.limit = limit
        self.deadline = ContinuousClock.now + limit
    }

    public func recognize(_ image: Raster, _ request: RecognitionRequest) throws -> RecognizedText {
        try checkTimeLeft()
        var limited = request
        limited.deadline = min(request.deadline ?? deadline, deadline)
        do {
            return try base.recognize(image, limited)
        } catch {
            // Tesseract reports a stop at the deadline as a failed recognition.
            try checkTimeLeft()
            throw error
        }
    }

    public func textLines(_ image: Raster, dpi: Int) throws -> [PixelBox] {
        try checkTimeLeft()
        return try base.textLines(image, dpi: dpi)
    }

    public func detectOrientation(_ image: Raster, dpi: Int) throws -> OrientationEstimate? {
        try checkTimeLeft()
        return try base.detectOrientation(image, dpi: dpi)
    }

    private func checkTimeLeft() throws(DocumentTimeLimitExceeded) {
        if ContinuousClock.now >= deadline { throw DocumentTimeLimitExceeded(limit: limit) }
    }
}

/// Reading one document took longer than its time limit and was stopped.
public struct DocumentTimeLimitExceeded: Error, CustomStringConvertible, Sendable, Equatable {
    public let limit: Duration

    public var description: String {
        let (seconds, attoseconds) = limit.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        let text = milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
        return "reading the document took longer than the limit of \(text) and was stopped; check the scan by hand (a huge or unusual image?)"
    }
}
