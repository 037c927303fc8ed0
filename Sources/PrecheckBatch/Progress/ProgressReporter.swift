import Foundation
import Precheck
import Synchronization

/// Shows how a run is going on stderr: on a terminal, one line redrawn in
/// place (bar, count, rate, ETA); otherwise (CI, a log file) a plain line
/// every ``plainInterval`` or every ``plainEvery`` applications.
///
/// The total is not known when reading starts (archives are streamed); a
/// counting pass supplies it later through ``setTotal(_:)``, and until then
/// no bar or ETA is shown. Every line goes through ``PersonalData/masked(_:)``.
public final class ProgressReporter: Sendable {
    private struct State {
        var total: Int?
        var done = 0
        var skipped = 0
        var counts: [Decision: Int] = [:]
        var lastDraw: ContinuousClock.Instant?
        var lastPlainCount = 0
        var drewInPlace = false
    }

    public let isTerminal: Bool
    public let plainInterval: Duration
    public let plainEvery: Int
    private let started = ContinuousClock.now
    private let state = Mutex(State())
    private let output: @Sendable (String) -> Void

    /// - Parameter output: where lines go (default: stderr).
    public init(isTerminal: Bool = isatty(STDERR_FILENO) != 0, plainInterval: Duration = .seconds(10), plainEvery: Int = 25,
                output: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.isTerminal = isTerminal
        self.plainInterval = plainInterval
        self.plainEvery = plainEvery
        self.output = output
    }

    public func setTotal(_ total: Int) {
        state.withLock { $0.total = total }
    }

    /// An application already in the results (resume).
    public func skipped() {
        state.withLock { $0.skipped += 1 }
    }

    /// How many applications were skipped so far.
    public var skippedCount: Int { state.withLock { $0.skipped } }

    /// An application (or error line) finished in this run.
    public func finished(_ decision: Decision) {
        let line: String? = state.withLock { state in
            state.done += 1
            state.counts[decision, default: 0] += 1
            let now = ContinuousClock.now
            if isTerminal {
                if let last = state.lastDraw, now - last < .milliseconds(200) { return nil }
                state.lastDraw = now
                state.drewInPlace = true
                return "\r\u{1B}[K" + Self.describe(state, elapsed: now - started, bar: true)
            }
            let due = state.lastDraw.map { now - $0 >= plainInterval } ?? (now - started >= plainInterval)
            guard due || state.done - state.lastPlainCount >= plainEvery else { return nil }
            state.lastDraw = now
            state.lastPlainCount = state.done
            return "precheck batch: " + Self.describe(state, elapsed: now - started, bar: false) + "\n"
        }
        if let line { output(PersonalData.masked(line)) }
    }

    /// Ends the in-place line (before the summary is printed).
    public func finish() {
        let wasDrawing = state.withLock { state in
            defer { state.drewInPlace = false }
            return state.drewInPlace
        }
        if wasDrawing { output("\n") }
    }

    /// Prints a message on a line of its own (clearing an in-place bar).
    public func message(_ text: String) {
        let prefix = state.withLock { $0.drewInPlace } ? "\r\u{1B}[K" : ""
        output(prefix + PersonalData.masked(text) + "\n")
    }

    private static func describe(_ state: State, elapsed: Duration, bar: Bool) -> String {
        let seconds = max(0.001, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        let perMinute = Double(state.done) / seconds * 60
        var parts: [String] = []
        let finished = state.done + state.skipped
        if let total = state.total, total > 0 {
            if bar {
                let width = 24, filled = min(width, finished * width / total)
                parts.append("[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]")
            }
            parts.append("\(finished)/\(total)")
        } else {
            parts.append("\(finished) done")
        }
        if state.skipped > 0 { parts.append("(\(state.skipped) skipped)") }
        parts.append(String(format: "%.1f/min", perMinute))
        if let total = state.total, perMinute > 0, total > finished {
            parts.append("ETA " + Self.duration(Double(total - finished) / perMinute * 60))
        }
        let problems = (state.counts[.error] ?? 0)
        if problems > 0 { parts.append("\(problems) errors") }
        return parts.joined(separator: "  ")
    }

    /// `1h02m`, `4m05s`, `12s`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total >= 3600 { return String(format: "%dh%02dm", total / 3600, total % 3600 / 60) }
        if total >= 60 { return String(format: "%dm%02ds", total / 60, total % 60) }
        return "\(total)s"
    }
}
