import PrecheckNative

/// What Precheck read from one uploaded document: the evidence in a verdict.
public struct DocumentReading: Sendable, Codable, Equatable {
    public var detectedType: DocumentKind
    /// 0-1: how clearly the page matched its kind's titles and labels.
    public var classificationScore: Double
    public var isBlackAndWhiteCopy: Bool
    public var quality: QualityMeasures
    /// Contract field key → reading.
    public var fields: [String: FieldReading]
    /// Seals found on the page.
    public var seals: [SealEvidence]
    /// The authorization letter's dashed seal box, when found (uploaded
    /// image's pixels).
    public var dashedBox: PixelBox?
    /// The lines as read, for reviewers.
    public var text: [String]

    public init(detectedType: DocumentKind, classificationScore: Double, isBlackAndWhiteCopy: Bool,
                quality: QualityMeasures, fields: [String: FieldReading], seals: [SealEvidence] = [], dashedBox: PixelBox? = nil, text: [String]) {
        self.detectedType = detectedType
        self.classificationScore = classificationScore
        self.isBlackAndWhiteCopy = isBlackAndWhiteCopy
        self.quality = quality
        self.fields = fields
        self.seals = seals
        self.dashedBox = dashedBox
        self.text = text
    }
}
