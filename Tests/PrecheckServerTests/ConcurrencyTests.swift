import Foundation
@testable import PrecheckServer
import Testing

@Suite("Review service: bounded concurrency")
struct ConcurrencyTests {
    @Test func admissionRefusesBeyondRunningPlusWaiting() throws {
        let admission = CheckAdmission(maxRunning: 2, maxWaiting: 1)
        let tickets = try (0..<3).map { _ in try admission.admit() }
        #expect(admission.counts.admitted == 3)
        do {
            _ = try admission.admit()
            Issue.record("a fourth ticket was admitted")
        } catch {
            #expect(error.status == .serviceUnavailable)
            #expect(Int(error.headers[.retryAfter] ?? "") ?? 0 >= 1)
        }
        admission.leave(tickets[0])
        let again = try admission.admit()
        for ticket in tickets.dropFirst() + [again] { admission.leave(ticket) }
        #expect(admission.counts.admitted == 0)
    }

    @Test func aQueuedCheckRunsWhenARunningOneLeaves() async throws {
        let admission = CheckAdmission(maxRunning: 1, maxWaiting: 1)
        let first = try admission.admit(), second = try admission.admit()
        await admission.waitForTurn(first)
        #expect(admission.counts.running == 1)
        let waiter = Task {
            await admission.waitForTurn(second)
            return admission.counts
        }
        while admission.counts.waiting == 0 { await Task.yield() }
        #expect(admission.counts.running == 1)
        admission.leave(first)
        let countsWhenRunning = await waiter.value
        #expect(countsWhenRunning.running == 1)
        #expect(countsWhenRunning.waiting == 0)
        admission.leave(second)
        #expect(admission.counts == (0, 0, 0))
    }

    @Test func workRunsOnThePoolThreadsWithItsChildTasks() async {
        let pool = CheckThreadPool(threadCount: 2, name: "precheck-test-pool")
        defer { pool.stop() }
        let names = await pool.run {
            await withTaskGroup(of: String.self) { group in
                for _ in 0..<4 { group.addTask { currentThreadName() } }
                var names = [currentThreadName()]
                for await name in group { names.append(name) }
                return names
            }
        }
        #expect(names.count == 5)
        #expect(names.allSatisfy { $0 == "precheck-test-pool" }, "\(names)")
    }
}

extension ConcurrencyTests {
    @Test func aStoppedPoolRunsWorkAgainOnceStarted() async {
        let pool = CheckThreadPool(threadCount: 1, name: "precheck-restart-pool")
        #expect(await pool.run { currentThreadName() } == "precheck-restart-pool")
        pool.stop()
        pool.start()
        #expect(await pool.run { currentThreadName() } == "precheck-restart-pool")
        pool.stop()
    }
}

/// The pool running the caller (synchronous: `Thread.current` is not for async code).
private func currentThreadName() -> String {
    CheckThreadPool.currentPoolName ?? "not a pool thread"
}
