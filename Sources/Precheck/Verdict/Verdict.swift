import Foundation

/// Precheck's answer for one application (contract §3). Encodes to exactly
/// the contract's JSON; a rejection is a normal verdict, not an error.
public struct Verdict: Sendable, Codable, Equatable {
    public var applicationId: String
    public var decision: Decision
    public var reasons: [Reason]
    public var documents: [DocumentSlot: DocumentEvidence]
    /// Stage → milliseconds (`total` always present).
    public var timingsMs: [String: Int]

    public init(applicationId: String, reasons: [Reason], documents: [DocumentSlot: DocumentEvidence], timingsMs: [String: Int]) {
        self.applicationId = applicationId
        self.decision = Verdict.decision(for: reasons)
        self.reasons = reasons
        self.documents = documents
        self.timingsMs = timingsMs
    }

    /// Rejected when any reason rejects; manual review when any asks for
    /// review; otherwise pre-approved (contract §3).
    public static func decision(for reasons: [Reason]) -> Decision {
        if reasons.contains(where: { $0.severity == .reject }) { return .rejected }
        if reasons.contains(where: { $0.severity == .review }) { return .manualReview }
        return .preApproved
    }
}

extension Verdict {
    /// The verdict as the contract's JSON, keys sorted so that equal
    /// verdicts print byte for byte equally.
    public func jsonData(pretty: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

