import PrecheckNative

/// What the ring text of a seal was read as.
public struct RingReading: Sendable, Equatable {
    /// Best reading, clockwise, with whitespace removed.
    public var text: String
    /// Every reading tried (different band radii and horizontal stretches), for support scoring.
    public var readings: [String]
    /// Tesseract's confidence in `text`, 0-1.
    public var confidence: Double
    /// With an expected name: each strip read with only the name's
    /// characters allowed, and the mean confidence of each. On a seal that
    /// carries the name, it comes out with ordinary confidence; on another
    /// name's seal the recogniser is forced onto characters it does not see,
    /// drops them or loses confidence.
    public var constrainedReadings: [String] = []
    public var constrainedConfidences: [Double] = []
    /// With an expected name: the render-and-compare check of the strip
    /// that matched it best (see ``RingGlyphCheck``).
    public var glyphCheck: RingGlyphCheck?

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
    var glyphChecker = RingGlyphChecker()
    /// A strip on which every cell of the expected name has at most this
    /// many rivals settles the glyph check beyond what any rule asks for
    /// (see `models/check-policy.json`: trade-name cells ≤ 3): the other
    /// strips, and that strip's restricted reading, are then skipped.
    var decisiveRivals = 3

    /// A reader with the default settings.
    public init() {}

    /// Reads `seal` on `page` with `engine`, once per strip variant.
    ///
    /// - Parameter expectedName: the name the seal should carry; when given,
    ///   each strip is also compared with it glyph by glyph
    ///   (``RingReading/glyphCheck``) and read with the recogniser restricted
    ///   to its characters (``RingReading/constrainedReadings``), until a
    ///   strip's glyphs settle it (see ``decisiveRivals``).
    public func read(_ seal: DetectedSeal, in page: CleanedPage, engine: any OCREngine,
                     expectedName: String? = nil) throws -> RingReading {
        let ink = SealInkImage(seal: seal, page: page)
        let span = unwrapper.textSpan(of: seal, ink: ink)
        let alphabet = expectedName.flatMap { $0.isEmpty ? nil : String(Set(TextNormalization.normalized($0)).sorted()) }
        var reading = RingReading(text: "", readings: [], confidence: 0)
        var bestConfidence = -1.0
        for variant in variants {
            let strip = unwrapper.strip(of: seal, ink: ink, band: variant.band, span: span, stretch: variant.stretch)
            let check = alphabet == nil ? nil : glyphChecker.check(strip, against: TextNormalization.normalized(expectedName ?? ""))
            let decisive = check.map { $0.share(maxRivals: decisiveRivals) == 1 } ?? false
            if let check, decisive || check.share > reading.glyphCheck?.share ?? -1 { reading.glyphCheck = check }
            let free = try engine.recognize(strip.raster, RecognitionRequest(segmentation: .singleLine, dpi: 300))
            let text = free.unspacedText
            let confidence = free.lines.isEmpty ? 0 : free.lines.reduce(0) { $0 + $1.confidence } / Double(free.lines.count)
            reading.readings.append(text)
            if !text.isEmpty, confidence > bestConfidence {
                (reading.text, reading.confidence, bestConfidence) = (text, confidence, confidence)
            }
            if decisive { break }
            if let alphabet {
                let restricted = try engine.recognize(strip.raster, RecognitionRequest(segmentation: .singleLine, dpi: 300, whitelist: alphabet))
                reading.constrainedReadings.append(restricted.unspacedText)
                reading.constrainedConfidences.append(restricted.symbols.meanConfidence)
            }
        }
        return reading
    }
}
