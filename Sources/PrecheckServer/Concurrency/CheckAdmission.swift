import Synchronization

/// Bounds the checks the service takes on: at most `running` at once and
/// `waiting` more queued behind them; anything beyond is refused at once
/// (the caller answers 503 with Retry-After), so memory stays bounded by
/// (`running` + `waiting`) uploads.
///
/// ```swift
/// let ticket = try admission.admit()        // before reading the upload
/// defer { admission.leave(ticket) }
/// try await admission.waitForTurn(ticket)   // then check
/// ```
final class CheckAdmission: Sendable {
    /// A place taken in the service: first waiting, then running.
    struct Ticket: Sendable, Hashable {
        fileprivate let number: Int
    }

    private struct State {
        var nextNumber = 0
        var admitted: Set<Int> = []
        var running: Set<Int> = []
        /// Tickets waiting for a running slot, first come first served.
        var queue: [(number: Int, continuation: CheckedContinuation<Void, Never>)] = []
        /// Seconds a recent check took (moving average), for Retry-After.
        var averageCheckSeconds = 5.0
    }

    let maxRunning: Int
    let maxWaiting: Int
    private let state = Mutex(State())

    init(maxRunning: Int, maxWaiting: Int) {
        self.maxRunning = max(1, maxRunning)
        self.maxWaiting = max(0, maxWaiting)
    }

    /// Takes a place, or throws ``APIError/busy(retryAfterSeconds:)`` when
    /// `maxRunning + maxWaiting` places are taken.
    func admit() throws(APIError) -> Ticket {
        let outcome: Result<Ticket, APIError> = state.withLock { state in
            guard state.admitted.count < maxRunning + maxWaiting else {
                let waves = Double(state.admitted.count) / Double(maxRunning)
                return .failure(.busy(retryAfterSeconds: max(1, Int((waves * state.averageCheckSeconds).rounded(.up)))))
            }
            state.nextNumber += 1
            state.admitted.insert(state.nextNumber)
            return .success(Ticket(number: state.nextNumber))
        }
        return try outcome.get()
    }

    /// Waits until the ticket may run (at most `maxRunning` run at once).
    func waitForTurn(_ ticket: Ticket) async {
        await withCheckedContinuation { continuation in
            let runNow = state.withLock { state -> Bool in
                if state.running.count < maxRunning && state.queue.isEmpty {
                    state.running.insert(ticket.number)
                    return true
                }
                state.queue.append((ticket.number, continuation))
                return false
            }
            if runNow { continuation.resume() }
        }
    }

    /// Gives the place back, whether its check ran or not (the upload may
    /// have been refused first), and lets the next queued ticket run. Call
    /// it once per ticket, never while ``waitForTurn(_:)`` is suspended.
    func leave(_ ticket: Ticket) {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.admitted.remove(ticket.number)
            guard state.running.remove(ticket.number) != nil, !state.queue.isEmpty else { return nil }
            let next = state.queue.removeFirst()
            state.running.insert(next.number)
            return next.continuation
        }
        next?.resume()
    }

    /// Feeds the Retry-After estimate.
    func recordCheck(seconds: Double) {
        state.withLock { $0.averageCheckSeconds = 0.8 * $0.averageCheckSeconds + 0.2 * max(0.1, seconds) }
    }

    /// (running, waiting, admitted) right now, for metrics and tests.
    var counts: (running: Int, waiting: Int, admitted: Int) {
        state.withLock { ($0.running.count, $0.queue.count, $0.admitted.count) }
    }
}
