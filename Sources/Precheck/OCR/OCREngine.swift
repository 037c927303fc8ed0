import PrecheckNative

/// What to recognise and how.
public struct RecognitionRequest: Sendable, Equatable {
    public var region: PixelBox?
    public var segmentation: PageSegmentation
    /// The document's real resolution in the image being read.
    public var dpi: Int
    /// Only these characters may be read (`nil`: any).
    public var whitelist: String?
    /// Collect per-character alternatives (for checksum-guided correction).
    public var withAlternatives: Bool
    /// Stop recognising at this instant (`nil`: no limit). Set by
    /// ``TimeLimitedEngine``; engines that cannot stop early may ignore it.
    public var deadline: ContinuousClock.Instant?
    /// The script the region is written in: the document's language, or
    /// Latin letters and digits only (codes), which a Latin model reads
    /// better than a Chinese one.
    public var script: Script

    /// The script of the text to read.
    public enum Script: Sendable, Equatable {
        /// The engine's document language (Chinese with its Latin letters and digits).
        case document
        /// Latin letters and digits only.
        case latin
    }

    public init(region: PixelBox? = nil, segmentation: PageSegmentation = .block, dpi: Int,
                whitelist: String? = nil, withAlternatives: Bool = false, deadline: ContinuousClock.Instant? = nil,
                script: Script = .document) {
        self.region = region
        self.segmentation = segmentation
        self.dpi = dpi
        self.whitelist = whitelist
        self.withAlternatives = withAlternatives
        self.deadline = deadline
        self.script = script
    }
}

/// A text recogniser. One instance serves one task at a time; see
/// ``OCREnginePool`` for sharing engines between concurrent documents.
///
/// The protocol keeps the pipeline independent of Tesseract so tests can
/// put in an engine that fails or answers from a script.
public protocol OCREngine: AnyObject {
    /// Reads text from a grey or RGB image.
    func recognize(_ image: Raster, _ request: RecognitionRequest) throws -> RecognizedText
    /// Boxes of the text lines found by layout analysis alone (no recognition).
    func textLines(_ image: Raster, dpi: Int) throws -> [PixelBox]
    /// Estimates how far the page is turned, or `nil` when it cannot tell.
    func detectOrientation(_ image: Raster, dpi: Int) throws -> OrientationEstimate?
}
