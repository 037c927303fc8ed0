/// What the verdict reports about one uploaded document (contract §3,
/// `documents.<slot>`): the file, what it was found to be, and every
/// reading behind the rules, so a reviewer can see why.
public struct DocumentEvidence: Sendable, Codable, Equatable {
    /// The file name as given in the form.
    public var file: String
    public var detectedType: DocumentKind?
    public var classificationScore: Double?
    public var isBlackAndWhiteCopy: Bool?
    public var quality: QualityMeasures?
    /// Contract field key → reading.
    public var fields: [String: FieldReading]
    public var seals: [SealEvidence]
    /// The text lines as read, for reviewers.
    public var text: [String]?
    /// Why the file could not be read, when it could not.
    public var error: String?

    public init(file: String, detectedType: DocumentKind? = nil, classificationScore: Double? = nil,
                isBlackAndWhiteCopy: Bool? = nil, quality: QualityMeasures? = nil, fields: [String: FieldReading] = [:],
                seals: [SealEvidence] = [], text: [String]? = nil, error: String? = nil) {
        self.file = file
        self.detectedType = detectedType
        self.classificationScore = classificationScore
        self.isBlackAndWhiteCopy = isBlackAndWhiteCopy
        self.quality = quality
        self.fields = fields
        self.seals = seals
        self.text = text
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case file, detectedType, classificationScore, isBlackAndWhiteCopy, quality, fields, seals, text, error
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encodeIfPresent(detectedType, forKey: .detectedType)
        try container.encodeIfPresent(classificationScore, forKey: .classificationScore)
        try container.encodeIfPresent(isBlackAndWhiteCopy, forKey: .isBlackAndWhiteCopy)
        try container.encodeIfPresent(quality, forKey: .quality)
        // Field keys in a fixed order, so that equal verdicts print equally.
        var fieldContainer = container.nestedContainer(keyedBy: NamedKey.self, forKey: .fields)
        for key in fields.keys.sorted() { try fieldContainer.encode(fields[key], forKey: NamedKey(key)) }
        try container.encode(seals, forKey: .seals)
        try container.encodeIfPresent(text, forKey: .text)
        try container.encodeIfPresent(error, forKey: .error)
    }
}

/// A coding key made from any string.
struct NamedKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
