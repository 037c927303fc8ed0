import PrecheckNative

/// Settings for the Tesseract engines.
public struct TesseractConfiguration: Sendable, Equatable {
    /// Languages for text, e.g. `"chi_sim"` (Debian `tesseract-ocr-chi-sim`).
    public var language: String = "chi_sim"
    /// Folder holding the `.traineddata` files (`nil`: Tesseract's default).
    public var dataPath: String?
    /// Model for text in Latin script only (codes; Debian `tesseract-ocr-eng`).
    public var latinLanguage: String = "eng"

    public init(language: String = "chi_sim", dataPath: String? = nil) {
        self.language = language
        self.dataPath = dataPath
    }
}

/// ``OCREngine`` over Tesseract: a text model and, loaded on first use,
/// a Latin model (for ``RecognitionRequest/Script/latin``) and the
/// orientation-and-script model (`osd`).
public final class TesseractEngine: OCREngine {
    private let text: TesseractAPI
    private var latin: TesseractAPI?
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
        let api = request.script == .latin ? try latinModel() : text
        return try api.recognize(image, region: request.region, segmentation: request.segmentation, dpi: request.dpi,
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

    /// The Latin model, loaded on first use.
    private func latinModel() throws -> TesseractAPI {
        if let latin { return latin }
        let model = try TesseractAPI(language: configuration.latinLanguage, dataPath: configuration.dataPath)
        latin = model
        return model
    }
}
