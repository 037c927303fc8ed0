import Foundation
import GRDB
import Precheck

/// The service's storage: one SQLite database (`precheck.sqlite`) in the
/// data directory holding verdicts, scans and reviewer decisions.
///
/// Safe to share between tasks: GRDB's `DatabasePool` serialises writes and
/// lets reads run beside them (WAL mode). Deleted scans are overwritten on
/// disk (`PRAGMA secure_delete`), since they are personal data.
final class ReviewStore: Sendable {
    static let fileName = "precheck.sqlite"

    fileprivate let database: DatabasePool

    /// Opens (or creates) the database in `directory` and brings its schema
    /// up to date.
    /// - Throws: ``ServerSetupError`` when the directory or database cannot
    ///   be created or opened.
    init(directory: URL) throws(ServerSetupError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ServerSetupError("cannot create the data directory \(directory.path) (\(error.localizedDescription)); choose another with --data")
        }
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        let path = directory.appendingPathComponent(Self.fileName).path
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            try StoreSchema.migrator.migrate(database)
        } catch {
            throw ServerSetupError("cannot open the database \(path) (\(error)); check that it is a Precheck database and writable")
        }
    }

    /// Stores a checked application with its scans; returns its new id.
    func save(verdict: Verdict, form: ApplicationForm, formJSON: Data, scans: [DocumentSlot: UploadedScan],
              at date: Date = Date()) async throws -> String {
        let id = Self.newID()
        let record = StoredApplication(
            id: id, applicationId: form.applicationId ?? "", organizationName: form.organization.name ?? "",
            decision: verdict.decision.rawValue, createdAt: date, verdictJson: try verdict.jsonData(pretty: false),
            formJson: formJSON, scansPurgedAt: nil)
        let scanRecords = scans.sorted { $0.key < $1.key }.map { slot, scan in
            StoredScan(applicationId: id, slot: slot.rawValue, fileName: scan.fileName, bytes: Data(scan.bytes))
        }
        try await database.write { db in
            try record.insert(db)
            for scan in scanRecords { try scan.insert(db) }
        }
        return id
    }

    /// The stored application with this id, if any.
    func application(id: String) async throws -> StoredApplication? {
        try await database.read { db in try StoredApplication.fetchOne(db, key: id) }
    }

    /// The most recent applications first, with their latest reviewer decision.
    func recent(limit: Int) async throws -> [ApplicationSummary] {
        try await database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.id, a.application_id, a.organization_name, a.decision, a.created_at,
                       (SELECT r.action FROM review_decision r WHERE r.application_id = a.id ORDER BY r.id DESC LIMIT 1) AS latest_action
                FROM application a ORDER BY a.created_at DESC, a.rowid DESC LIMIT ?
                """, arguments: [limit])
            return rows.map { row in
                ApplicationSummary(id: row["id"], applicationId: row["application_id"], organizationName: row["organization_name"],
                                   decision: row["decision"], createdAt: row["created_at"],
                                   latestReview: (row["latest_action"] as String?).flatMap(ReviewDecision.Action.init(rawValue:)))
            }
        }
    }

    /// What the store holds for one scan of an application.
    enum ScanLookup: Sendable {
        case found(StoredScan, StoredApplication)
        /// The application exists but its scans were deleted (retention).
        case purged(at: Date)
        /// The application exists but nothing was uploaded for the slot.
        case notUploaded
        case noApplication
    }

    func scan(applicationID id: String, slot: DocumentSlot) async throws -> ScanLookup {
        try await database.read { db in
            guard let application = try StoredApplication.fetchOne(db, key: id) else { return .noApplication }
            if let purged = application.scansPurgedAt { return .purged(at: purged) }
            guard let scan = try StoredScan.fetchOne(db, key: ["application_id": id, "slot": slot.rawValue]) else { return .notUploaded }
            return .found(scan, application)
        }
    }

    /// Adds a reviewer's decision to the audit trail.
    /// - Returns: the decision as stored (with its id), or `nil` when there
    ///   is no such application.
    func addReview(_ decision: ReviewDecision) async throws -> ReviewDecision? {
        try await database.write { db in
            guard try StoredApplication.exists(db, key: decision.applicationId) else { return nil }
            var stored = decision
            try stored.insert(db)
            return stored
        }
    }

    /// Every reviewer decision on an application, oldest first.
    func reviews(applicationID id: String) async throws -> [ReviewDecision] {
        try await database.read { db in
            try ReviewDecision.filter(Column("application_id") == id).order(Column("id")).fetchAll(db)
        }
    }

    /// Deletes the scans of every application stored before `cutoff` and
    /// marks those applications as purged; verdicts and decisions stay.
    /// - Returns: how many applications lost their scans.
    @discardableResult
    func purgeScans(storedBefore cutoff: Date, now: Date = Date()) async throws -> Int {
        try await database.write { db in
            let ids = try String.fetchAll(db, sql: "SELECT id FROM application WHERE created_at < ? AND scans_purged_at IS NULL",
                                          arguments: [cutoff])
            guard !ids.isEmpty else { return 0 }
            try StoredScan.filter(ids.contains(Column("application_id"))).deleteAll(db)
            try StoredApplication.filter(ids.contains(Column("id"))).updateAll(db, Column("scans_purged_at").set(to: now))
            return ids.count
        }
    }

    /// A new application id: 32 lowercase hex digits (random).
    static func newID() -> String {
        UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    /// Whether `text` can be an id made by ``newID()`` (checked before any query).
    static func isWellFormedID(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}

/// An uploaded scan held in memory until it is stored.
struct UploadedScan: Sendable {
    var fileName: String
    var bytes: [UInt8]
}

extension ReviewStore {
    /// Throws when the database cannot be read (for `/healthz`).
    func ping() async throws {
        _ = try await database.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }
}
