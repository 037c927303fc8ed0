import PrecheckNative

/// One field as read from a scan: the evidence behind every rule.
public struct FieldReading: Sendable, Codable, Equatable {
    /// Normalised value (dates `YYYY-MM-DD`, `long-term` for 长期).
    public var value: String
    /// 0-1: how sure the reading is.
    public var confidence: Double
    /// Where it was read, in the uploaded image's pixels.
    public var box: PixelBox
    /// Set when checksum-guided correction changed the raw reading.
    public var correctedFrom: String?
    /// When the form claims a value for this field: 0-1, how well the image
    /// supports that claim (see ``ClaimVerifier``). `nil` when nothing was
    /// claimed.
    public var support: Double?
    /// When the reading differs from the claim in place (same length): at
    /// the differing characters, how much more their glyphs look like the
    /// claimed characters than like those read (render and compare; the
    /// lowest over the places, −1…1). Near 0 the shapes cannot tell them
    /// apart (昊/吴), so the difference may be the recogniser's.
    public var shapeMargin: Double?
    /// Set when ``value`` is the form's claim rather than the recogniser's
    /// text: the image supports the claim well enough for the rules to
    /// confirm it (``support`` at least the policy's minimum), so the claim
    /// is the best statement of what the document says. This is what the
    /// recogniser read there (e.g. 机凯 for 贾凯), kept as evidence.
    public var read: String?
    /// Where it was read on the working image (for re-reading; not encoded).
    var workingBox: PixelBox?

    public init(value: String, confidence: Double, box: PixelBox, correctedFrom: String? = nil, support: Double? = nil) {
        self.value = value
        self.confidence = confidence
        self.box = box
        self.correctedFrom = correctedFrom
        self.support = support
    }

    init(value: String, confidence: Double, box: PixelBox, workingBox: PixelBox, correctedFrom: String? = nil) {
        self.init(value: value, confidence: confidence, box: box, correctedFrom: correctedFrom)
        self.workingBox = workingBox
    }

    enum CodingKeys: String, CodingKey {
        case value, confidence, box, correctedFrom, support, shapeMargin, read
    }
}
