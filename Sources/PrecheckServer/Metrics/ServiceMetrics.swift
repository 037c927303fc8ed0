import CoreMetrics
import Foundation
import Metrics
import Prometheus

/// The service's metrics, kept in its own Prometheus registry (so several
/// servers in one process, as in tests, do not mix their counts) and
/// exposed as Prometheus text at `/metrics`.
///
/// | metric | labels |
/// |---|---|
/// | `precheck_http_requests_total` | method, route, status |
/// | `precheck_http_request_duration_seconds` (histogram) | method, route |
/// | `precheck_verdicts_total` | decision |
/// | `precheck_stage_duration_seconds` (histogram) | stage: upload, queue, check, store, annotate, and each document slot |
/// | `precheck_checks_refused_total` | – (503 busy) |
/// | `precheck_checks_running`, `precheck_checks_waiting` (gauges) | – |
final class ServiceMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let refused: CoreMetrics.Counter
    private let running: CoreMetrics.Meter
    private let waiting: CoreMetrics.Meter

    init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Checks take seconds: extend the default buckets (5 ms … 10 s) to a minute.
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(20), .seconds(30), .seconds(60),
        ]
        self.factory = factory
        refused = CoreMetrics.Counter(label: "precheck_checks_refused_total", factory: factory)
        running = CoreMetrics.Meter(label: "precheck_checks_running", factory: factory)
        waiting = CoreMetrics.Meter(label: "precheck_checks_waiting", factory: factory)
    }

    func recordRequest(method: String, route: String, status: Int, duration: Duration) {
        CoreMetrics.Counter(label: "precheck_http_requests_total", dimensions: [("method", method), ("route", route), ("status", String(status))],
                factory: factory).increment()
        CoreMetrics.Timer(label: "precheck_http_request_duration_seconds", dimensions: [("method", method), ("route", route)],
                      factory: factory).record(duration: duration)
    }

    func recordVerdict(decision: String) {
        CoreMetrics.Counter(label: "precheck_verdicts_total", dimensions: [("decision", decision)], factory: factory).increment()
    }

    func recordStage(_ stage: String, duration: Duration) {
        CoreMetrics.Timer(label: "precheck_stage_duration_seconds", dimensions: [("stage", stage)], factory: factory).record(duration: duration)
    }

    func recordRefusedCheck() {
        refused.increment()
    }

    func recordQueue(running: Int, waiting: Int) {
        self.running.set(running)
        self.waiting.set(waiting)
    }

    /// Every metric in Prometheus' text exposition format.
    func exposition() -> String {
        registry.emitToString()
    }
}
