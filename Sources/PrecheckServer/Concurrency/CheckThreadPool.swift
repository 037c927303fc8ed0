import Foundation
import ServiceLifecycle

/// Dedicated threads for the CPU-heavy work (OCR, drawing evidence), as a
/// task executor.
///
/// Swift's cooperative pool has one thread per core; a Tesseract call holds
/// its thread for hundreds of milliseconds, so checks run there would keep
/// the HTTP handlers (health checks, page views) waiting. Work started with
/// ``run(_:)`` — and every child task it starts — runs on these threads
/// instead, leaving the cooperative pool and NIO's event loops free.
///
/// The threads start with the pool; ``stop()`` lets them end once the
/// queue is empty, and ``start()`` brings them back (a server's services
/// may run more than once, as in tests).
///
/// `@unchecked Sendable`: the job queue, the stop flag and the thread count
/// are only touched with `condition` locked; the threads are never touched
/// after start.
final class CheckThreadPool: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var head = 0
    private var stopped = false
    private var liveThreads = 0
    private var threadsMade = 0
    let threadCount: Int
    /// Names the threads (`top -H` shows the first 15 characters).
    let name: String

    init(threadCount: Int, name: String = "precheck-ocr") {
        self.threadCount = max(1, threadCount)
        self.name = name
        start()
    }

    /// Makes sure ``threadCount`` threads are running (after ``stop()``).
    func start() {
        condition.lock()
        stopped = false
        let missing = threadCount - liveThreads
        liveThreads += max(0, missing)
        let firstIndex = threadsMade
        threadsMade += max(0, missing)
        condition.unlock()
        for index in firstIndex..<(firstIndex + max(0, missing)) {
            Thread { [self] in
                Self.nameCurrentThread("\(name)-\(index)")
                Thread.current.threadDictionary[Self.poolKey] = name
                work()
            }.start()
        }
    }

    private static let poolKey = "precheck.CheckThreadPool"

    /// Names the calling thread for `top -H` and debuggers (Linux keeps only
    /// 15 bytes). Linux threads otherwise keep their creator's name, and
    /// `Thread.name` did not always reach the kernel; best effort.
    private static func nameCurrentThread(_ name: String) {
        guard let handle = FileHandle(forWritingAtPath: "/proc/thread-self/comm") else { return }
        try? handle.write(contentsOf: Data(name.utf8.prefix(15)))
        try? handle.close()
    }

    /// The name of the pool whose thread runs the caller (`nil`: not a pool thread).
    static var currentPoolName: String? {
        Thread.current.threadDictionary[poolKey] as? String
    }

    /// Runs `body` (and the tasks it starts) on this pool's threads.
    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        try await withTaskExecutorPreference(self) { try await body() }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads end once the queued jobs are done.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == jobs.count && !stopped { condition.wait() }
            guard head < jobs.count else {
                liveThreads -= 1
                condition.unlock()
                return
            }
            let job = jobs[head]
            head += 1
            if head > 64 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// Stops a ``CheckThreadPool`` when the service shuts down.
struct CheckThreadPoolService: Service {
    let pool: CheckThreadPool

    func run() async throws {
        pool.start()
        try? await gracefulShutdown()
        pool.stop()
    }
}
