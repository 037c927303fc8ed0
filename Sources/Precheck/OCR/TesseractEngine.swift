import PrecheckNative

/// Settings for the Tesseract engines.
public struct TesseractConfiguration: Sendable, Equatable {
    /// Languages for text, e.g. `"chi_sim"` (Debian `tesseract-ocr-chi-sim`).
    public var language: String = "chi_sim"
    /// Folder holding the `.traineddata` files (`nil`: Tesseract's default).
    public var dataPath: String?

    public init(language: String = "chi_sim", dataPath: String? = nil) {
        self.language = language
        self.dataPath = dataPath
    }
}

/// ``OCREngine`` over Tesseract: a text model and, loaded on first use,
/// the orientation-and-script model (`osd`).
public final class TesseractEngine: OCREngine {
    private let text: TesseractAPI
    private var orientation: TesseractAPI?
    private let configuration: TesseractConfiguration

    public init(_ configuration: TesseractConfiguration = TesseractConfiguration()) throws {
        self.configuration = configuration
        text = try TesseractAPI(language: configuration.language, dataPath: configuration.dataPath)
        // Chinese text has no spaces between characters; keep Tesseract from inventing them.
        text.setVariable("preserve_interword_spaces", "1")
    }

    public func recognize(_ image: Raster, _ request: RecognitionRequest) throws -> RecognizedText {
        let timeLimit = request.deadline.map { deadline -> Int in
            let left = ContinuousClock.now.duration(to: deadline).components
            return max(1, Int(left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000))
        }
        return try text.recognize(image, region: request.region, segmentation: request.segmentation, dpi: request.dpi,
                                  whitelist: request.whitelist, withAlternatives: request.withAlternatives,
                                  timeLimitMilliseconds: timeLimit)
    }

    public func textLines(_ image: Raster, dpi: Int) throws -> [PixelBox] {
        text.textLineBoxes(image, dpi: dpi)
    }

    public func detectOrientation(_ image: Raster, dpi: Int) throws -> OrientationEstimate? {
        if orientation == nil {
            orientation = try TesseractAPI(language: "osd", dataPath: configuration.dataPath)
        }
        return orientation?.detectOrientation(image, dpi: dpi)
    }
}
