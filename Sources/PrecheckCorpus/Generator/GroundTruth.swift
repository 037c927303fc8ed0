import Precheck

/// How one document of a generated application was presented.
public struct SlotPresentation: Sendable, Codable, Equatable {
    public var file: String
    public var format: String
    public var degradations: [String]
    /// A black-and-white photocopy.
    public var blackAndWhiteCopy: Bool
    /// The company's red seal stamped on the copy after copying.
    public var companySealOnCopy: Bool
    /// An ID card placed on an A4 page (rather than cropped to the card).
    public var onPage: Bool
}

/// `truth.json`: what a generated application really contains and what
/// Precheck must decide about it.
public struct GroundTruth: Sendable, Codable, Equatable {
    public var applicationId: String
    public var seed: UInt64
    public var style: String
    public var expectedDecision: Decision
    /// Reason codes that must appear (others may accompany them).
    public var expectedReasons: [ReasonCode]
    public var defect: Defect?
    /// Slot → field key → true value (contract field keys; dates `YYYY-MM-DD`).
    public var fields: [String: [String: String]]
    public var presentation: [String: SlotPresentation]
    /// Seals drawn on each document (boxes in the rendered page before any degradation).
    public var seals: [String: [SealTruth]]
}
