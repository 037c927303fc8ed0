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

    public init(value: String, confidence: Double, box: PixelBox, correctedFrom: String? = nil) {
        self.value = value
        self.confidence = confidence
        self.box = box
        self.correctedFrom = correctedFrom
    }
}
