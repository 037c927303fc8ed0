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
    /// The lines as read, for reviewers.
    public var text: [String]

    public init(detectedType: DocumentKind, classificationScore: Double, isBlackAndWhiteCopy: Bool,
                quality: QualityMeasures, fields: [String: FieldReading], seals: [SealEvidence] = [], text: [String]) {
        self.detectedType = detectedType
        self.classificationScore = classificationScore
        self.isBlackAndWhiteCopy = isBlackAndWhiteCopy
        self.quality = quality
        self.fields = fields
        self.seals = seals
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case detectedType, classificationScore, isBlackAndWhiteCopy, quality, fields, seals, text
    }

    /// Keys in declaration order, field keys sorted, so that equal readings
    /// print equally.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(detectedType, forKey: .detectedType)
        try container.encode(classificationScore, forKey: .classificationScore)
        try container.encode(isBlackAndWhiteCopy, forKey: .isBlackAndWhiteCopy)
        try container.encode(quality, forKey: .quality)
        var fieldContainer = container.nestedContainer(keyedBy: NamedKey.self, forKey: .fields)
        for key in fields.keys.sorted() { try fieldContainer.encode(fields[key], forKey: NamedKey(key)) }
        try container.encode(seals, forKey: .seals)
        try container.encode(text, forKey: .text)
    }
}
