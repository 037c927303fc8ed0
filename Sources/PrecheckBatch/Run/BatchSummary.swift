import Precheck

/// How a run ended: counts over the whole results file (earlier runs
/// included when resumed) and what this run did.
public struct BatchSummary: Sendable, Equatable {
    /// Applications (and error lines) in the results file, by decision.
    public let counts: [Decision: Int]
    /// Lines written by this run.
    public let writtenThisRun: Int
    /// Applications skipped because the results already held them.
    public let skipped: Int
    /// Wall time of this run.
    public let elapsed: Duration

    /// The contract's exit code: 0 when every application got a verdict,
    /// 65 when some input could not be processed (has an error line).
    public var exitCode: Int32 { (counts[.error] ?? 0) > 0 ? 65 : 0 }

    public var total: Int { counts.values.reduce(0, +) }

    /// The summary printed on stderr at the end.
    public var text: String {
        let order: [Decision] = [.preApproved, .rejected, .manualReview, .error]
        let byDecision = order.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? String(format: "%.1f", Double(writtenThisRun) / seconds * 60) : "–"
        var text = "precheck batch: \(total) in the results: \(byDecision)\n"
        text += "  this run: \(writtenThisRun) lines in \(ProgressReporter.duration(seconds)) (\(rate)/min)"
        if skipped > 0 { text += ", \(skipped) skipped (already in the results)" }
        return text
    }
}
