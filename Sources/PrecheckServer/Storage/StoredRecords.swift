import Foundation
import GRDB

/// One checked application as stored: the verdict JSON exactly as it was
/// answered, the form it was checked against, and a few columns for lists.
struct StoredApplication: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "application"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// The service's own id (the one in `/v1/applications/{id}`).
    var id: String
    /// The form's `applicationId` (empty when the form has none).
    var applicationId: String
    var organizationName: String
    /// The verdict's decision (`pre-approved`, `rejected`, `manual-review`).
    var decision: String
    var createdAt: Date
    /// The contract's verdict JSON (sorted keys, compact).
    var verdictJson: Data
    /// The uploaded `application.json`, as uploaded.
    var formJson: Data
    /// When the scans were deleted by the retention setting.
    var scansPurgedAt: Date?

}

/// One uploaded scan (personal data: purged after the retention period).
struct StoredScan: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "scan"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var applicationId: String
    /// A ``Precheck/DocumentSlot`` raw value.
    var slot: String
    var fileName: String
    var bytes: Data

}

/// A reviewer's decision on an application: one line of the audit trail.
/// Decisions are only ever added, never changed; the latest one counts.
public struct ReviewDecision: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "review_decision"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// What the reviewer decided.
    public enum Action: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        case approve, reject
    }

    public var id: Int64?
    /// The stored application's id.
    public var applicationId: String
    /// Who decided (as the reviewer gave their name).
    public var reviewer: String
    public var action: Action
    public var note: String
    public var decidedAt: Date

    public init(id: Int64? = nil, applicationId: String, reviewer: String, action: Action, note: String, decidedAt: Date) {
        self.id = id
        self.applicationId = applicationId
        self.reviewer = reviewer
        self.action = action
        self.note = note
        self.decidedAt = decidedAt
    }


    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A stored application as lists show it.
struct ApplicationSummary: Sendable, Equatable {
    var id: String
    var applicationId: String
    var organizationName: String
    var decision: String
    var createdAt: Date
    /// The latest reviewer decision, if any.
    var latestReview: ReviewDecision.Action?
}
