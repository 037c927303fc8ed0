import Synchronization

/// Hands OCR engines to concurrent tasks, one task per engine at a time.
///
/// Engines are made lazily by `factory` up to `capacity` and then reused
/// (initialising Tesseract costs 100-200 ms). When all are busy, a caller
/// waits for one to come back.
///
/// ```swift
/// let pool = OCREnginePool(capacity: 2) { try TesseractEngine() }
/// let text = try await pool.withEngine { try $0.recognize(image, request) }
/// ```
public final class OCREnginePool: Sendable {
    private struct State {
        var idle: [Box] = []
        var made = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// Moves an engine between tasks.
    ///
    /// `@unchecked Sendable`: an engine is only ever used by the one task
    /// that took it out of the pool, and goes back in only when that task is
    /// done with it; the mutex orders the hand-over.
    private final class Box: @unchecked Sendable {
        let engine: any OCREngine
        init(_ engine: any OCREngine) { self.engine = engine }
    }

    public let capacity: Int
    private let factory: @Sendable () throws -> any OCREngine
    private let state = Mutex(State())

    /// - Parameter ready: an engine already made (e.g. to check the set-up
    ///   at start); it is the first one handed out.
    public init(capacity: Int, ready: (any OCREngine)? = nil, factory: @escaping @Sendable () throws -> any OCREngine) {
        self.capacity = max(1, capacity)
        self.factory = factory
        if let ready { state.withLock { $0.idle = [Box(ready)]; $0.made = 1 } }
    }

    /// Runs `body` with an engine no other task is using.
    public func withEngine<T>(_ body: (any OCREngine) throws -> T) async throws -> T {
        let box = try await checkOut()
        defer { checkIn(box) }
        return try body(box.engine)
    }

    private enum Claim { case reuse(Box), make, wait }

    private func checkOut() async throws -> Box {
        while true {
            let claim: Claim = state.withLock { state in
                if let box = state.idle.popLast() { return .reuse(box) }
                if state.made < capacity { state.made += 1; return .make }
                return .wait
            }
            switch claim {
            case .reuse(let box):
                return box
            case .make:
                do { return Box(try factory()) } catch {
                    state.withLock { $0.made -= 1 }
                    throw error
                }
            case .wait:
                await withCheckedContinuation { continuation in
                    let resumeNow = state.withLock { state -> Bool in
                        if !state.idle.isEmpty || state.made < capacity { return true }
                        state.waiters.append(continuation)
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            }
        }
    }

    private func checkIn(_ box: Box) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.idle.append(box)
            return state.waiters.isEmpty ? nil : state.waiters.removeFirst()
        }
        waiter?.resume()
    }
}
