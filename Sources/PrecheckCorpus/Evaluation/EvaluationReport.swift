import Foundation
import Precheck

/// Scores of the pipeline against ground truth (`precheck eval`).
public struct EvaluationReport: Sendable, Codable {
    /// One field compared with its truth.
    public struct FieldMiss: Sendable, Codable {
        public var application: String
        public var slot: String
        public var field: String
        public var expected: String
        public var found: String?
    }

    /// Exact matches out of the fields that truth holds, per slot and field.
    public struct Tally: Sendable, Codable {
        public var exact = 0
        public var total = 0
        public var rate: Double { total == 0 ? 0 : Double(exact) / Double(total) }

        /// Counts one case, a hit or a miss.
        mutating func record(_ hit: Bool) {
            total += 1
            if hit { exact += 1 }
        }

        static func += (tally: inout Tally, other: Tally) {
            tally.exact += other.exact
            tally.total += other.total
        }
    }

    public var applications = 0
    /// Applications with the expected decision and every expected reason code.
    public var decisions = Tally()
    /// Defective applications that were pre-approved (must stay empty).
    public var falseApprovals: [String] = []
    /// Clean applications pre-approved.
    public var automation = Tally()
    /// Expected reason codes that were given.
    public var reasonRecall = Tally()
    /// "expected → decided" → count.
    public var decisionMatrix: [String: Int] = [:]
    public var decisionMisses: [String] = []
    public var documents = 0
    /// Documents whose detected kind belongs to their slot.
    public var classified = Tally()
    /// Documents whose B&W-copy flag matches the truth.
    public var copyDetection = Tally()
    /// `slot.field` → tally.
    public var fields: [String: Tally] = [:]
    /// `slot.field` → tally of the recogniser's own text
    /// (``FieldReading/read`` where the value is a confirmed claim): how
    /// much of ``fields`` the reading alone gets right.
    public var freeReadings: [String: Tally] = [:]
    /// The same split by scan style (clean vs degraded).
    public var fieldsByStyle: [String: Tally] = [:]
    /// Scan style (clean, degraded) → `slot.field` → tally.
    public var fieldsPerStyle: [String: [String: Tally]] = [:]
    public var misses: [FieldMiss] = []
    public var classificationMisses: [String] = []
    /// Documents that could not be read at all (application/slot: error).
    public var unreadable: [String] = []
    public var secondsPerApplication = 0.0

    public var allFields: Tally { Self.sum(fields) }

    /// The tallies of `tallies` added up.
    static func sum(_ tallies: [String: Tally]) -> Tally {
        tallies.values.reduce(into: Tally()) { $0 += $1 }
    }

    /// The table `precheck eval` prints.
    public func table() -> String {
        var lines: [String] = []
        func percent(_ tally: Tally) -> String { String(format: "%6.1f%% (%d/%d)", tally.rate * 100, tally.exact, tally.total) }
        lines.append("applications: \(applications)   documents: \(documents)   \(String(format: "%.2f", secondsPerApplication)) s CPU-wall per application")
        lines.append("decisions right (decision + reasons): \(percent(decisions))")
        lines.append("false approvals:                  \(falseApprovals.count)\(falseApprovals.isEmpty ? "" : " — " + falseApprovals.joined(separator: ", "))")
        lines.append("clean applications pre-approved:  \(percent(automation))")
        lines.append("expected reason codes given:      \(percent(reasonRecall))")
        for (key, count) in decisionMatrix.sorted(by: { $0.key < $1.key }) { lines.append("  \(key): \(count)") }
        lines.append("classification (kind fits slot): \(percent(classified))")
        lines.append("B&W copy detected correctly:     \(percent(copyDetection))")
        lines.append("fields read exactly (all):      \(percent(allFields))")
        lines.append("  free reading alone (no claims): \(percent(Self.sum(freeReadings)))")
        for (style, tally) in fieldsByStyle.sorted(by: { $0.key < $1.key }) {
            lines.append("  scans \(style.padding(toLength: 14, withPad: " ", startingAt: 0)) \(percent(tally))")
        }
        lines.append("")
        let styles = fieldsPerStyle.keys.sorted()
        lines.append("| field | exact |" + styles.map { " \($0) |" }.joined() + " free reading |")
        lines.append("|---|---|" + styles.map { _ in "---|" }.joined() + "---|")
        for (key, tally) in fields.sorted(by: { $0.key < $1.key }) {
            let perStyle = styles.map { style in fieldsPerStyle[style]?[key].map { " \(percent($0)) |" } ?? " – |" }
            lines.append("| \(key) | \(percent(tally)) |" + perStyle.joined() + " \(freeReadings[key].map(percent) ?? "–") |")
        }
        if !unreadable.isEmpty {
            lines.append("")
            lines.append("not read (\(unreadable.count)): " + unreadable.prefix(20).joined(separator: "; "))
        }
        if !decisionMisses.isEmpty {
            lines.append("")
            lines.append("wrong decisions (\(decisionMisses.count)):")
            for miss in decisionMisses { lines.append("  " + miss) }
        }
        if !classificationMisses.isEmpty {
            lines.append("")
            lines.append("misclassified (\(classificationMisses.count)): " + classificationMisses.prefix(20).joined(separator: "; "))
        }
        if !misses.isEmpty {
            lines.append("")
            lines.append("field misses (\(misses.count)):")
            for miss in misses.prefix(200) {
                lines.append("  \(miss.application) \(miss.slot).\(miss.field): expected \(miss.expected), found \(miss.found ?? "nothing")")
            }
        }
        return lines.joined(separator: "\n")
    }
}
