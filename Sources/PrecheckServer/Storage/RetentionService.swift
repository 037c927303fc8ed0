import Foundation
import Logging
import ServiceLifecycle

/// Deletes scans older than the retention period (personal data), at start
/// and then every hour, until the service shuts down. Verdicts and the
/// audit trail stay; the annotated images of purged applications answer 410.
struct RetentionService: Service {
    let store: ReviewStore
    let retentionDays: Int
    let logger: Logger
    var interval: Duration = .seconds(3600)

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            await purgeOnce()
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }

    /// Purges once, logging what was done or what failed.
    func purgeOnce(now: Date = Date()) async {
        let cutoff = now.addingTimeInterval(-Double(retentionDays) * 86_400)
        do {
            let purged = try await store.purgeScans(storedBefore: cutoff, now: now)
            if purged > 0 { logger.info("retention: deleted the scans of \(purged) applications stored before \(cutoff) (\(retentionDays) days)") }
        } catch {
            logger.error("retention: could not delete old scans: \(error)")
        }
    }
}
