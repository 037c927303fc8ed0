import PrecheckNative

/// Whose seal a seal is.
public enum SealKind: String, Sendable, Codable {
    /// The registration authority's seal on a licence (ring text: the authority).
    case registrationAuthority
    /// The applicant organisation's seal (公章; ring text: the company name).
    case company
}

/// A seal found on a document, as reported in the verdict.
public struct SealEvidence: Sendable, Codable, Equatable {
    public var kind: SealKind
    /// The ring text as read (Tesseract reads seal text poorly; see `support`).
    public var text: String
    /// Every reading of the ring that was tried (band radii, directions).
    public var readings: [String]?
    /// The ring read with only the expected name's characters allowed, and
    /// the mean confidence of each reading (see
    /// ``SealRingReader/constrainedReadings(_:in:engine:alphabet:)``).
    public var constrainedReadings: [String]?
    public var constrainedConfidences: [Double]?
    /// The ring compared glyph by glyph with the name it should carry.
    public var glyphCheck: RingGlyphCheck?
    /// 0-1: how well the ring supports the name it should carry, when known.
    public var support: Double?
    /// In the uploaded image's pixels.
    public var box: PixelBox
    public var color: SealColour
    /// 0-1: how seal-like the shape is.
    public var score: Double
    /// Share of the seal inside the letter's dashed box (letters only).
    public var insideBox: Double?

    /// Every unrestricted reading of the ring (``text`` is the surest of them).
    public var freeReadings: [String] { readings ?? [text] }

    public init(kind: SealKind, text: String, readings: [String]? = nil, support: Double? = nil, box: PixelBox, color: SealColour, score: Double,
                insideBox: Double? = nil) {
        self.kind = kind
        self.text = text
        self.readings = readings
        self.support = support
        self.box = box
        self.color = color
        self.score = score
        self.insideBox = insideBox
    }
}
