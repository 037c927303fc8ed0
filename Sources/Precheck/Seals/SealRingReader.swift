import PrecheckNative

/// What the ring text of a seal was read as.
public struct RingReading: Sendable, Equatable {
    /// Best reading, clockwise, with whitespace removed.
    public var text: String
    /// Every reading tried (different band radii and horizontal stretches), for support scoring.
    public var readings: [String]
    /// Tesseract's confidence in `text`, 0-1.
    public var confidence: Double

    /// A reading with its alternatives.
    public init(text: String, readings: [String], confidence: Double) {
        self.text = text
        self.readings = readings
        self.confidence = confidence
    }
}

/// Reads the ring text of a seal: the text band is unwrapped into a strip
/// (see ``RingUnwrapper``) from the seal's own ink only and read as one line.
///
/// Tesseract reads these strips exactly only now and then; the reading is
/// meant as support for an expected name (compare with
/// ``TextSimilarity``), not as the answer.
public struct SealRingReader: Sendable {
    /// The strips tried: relative radii of the band and horizontal stretch, best guess first.
    var variants: [(band: ClosedRange<Double>, stretch: Double)] = [(0.56...0.92, 1), (0.60...0.95, 1), (0.52...0.90, 1.2)]
    var unwrapper = RingUnwrapper()

    /// A reader with the default settings.
    public init() {}

    /// Reads `seal` on `page` with `engine`.
    public func read(_ seal: DetectedSeal, in page: CleanedPage, engine: any OCREngine) throws -> RingReading {
        let ink = SealInkImage(seal: seal, page: page)
        let span = unwrapper.textSpan(of: seal, ink: ink)
        var best: (text: String, confidence: Double)?
        var readings: [String] = []
        for variant in variants {
            let strip = unwrapper.strip(of: seal, ink: ink, band: variant.band, span: span, stretch: variant.stretch)
            let recognized = try engine.recognize(strip, RecognitionRequest(segmentation: .singleLine, dpi: 300))
            let text = String(recognized.text.filter { !$0.isWhitespace })
            let confidence = recognized.lines.isEmpty ? 0
                : recognized.lines.reduce(0) { $0 + $1.confidence } / Double(recognized.lines.count)
            readings.append(text)
            if !text.isEmpty, confidence > best?.confidence ?? -1 { best = (text, confidence) }
        }
        return RingReading(text: best?.text ?? "", readings: readings, confidence: best?.confidence ?? 0)
    }

    /// Reads the ring with the recogniser restricted to `alphabet` (the
    /// characters of the name the seal should carry), once per strip
    /// variant: each text with its mean confidence. On a seal that carries
    /// the name, the name comes out with ordinary confidence; on another
    /// name's seal the recogniser is forced onto characters it does not see,
    /// drops them or loses confidence.
    public func constrainedReadings(_ seal: DetectedSeal, in page: CleanedPage, engine: any OCREngine,
                                    alphabet: String) throws -> [(text: String, confidence: Double)] {
        let ink = SealInkImage(seal: seal, page: page)
        let span = unwrapper.textSpan(of: seal, ink: ink)
        return try variants.map { variant in
            let strip = unwrapper.strip(of: seal, ink: ink, band: variant.band, span: span, stretch: variant.stretch)
            let recognized = try engine.recognize(strip, RecognitionRequest(segmentation: .singleLine, dpi: 300, whitelist: alphabet))
            let symbols = recognized.lines.flatMap(\.symbols)
            let confidence = symbols.isEmpty ? 0 : symbols.reduce(0) { $0 + $1.confidence } / Double(symbols.count)
            return (String(recognized.text.filter { !$0.isWhitespace }), confidence)
        }
    }
}
