import Hummingbird
import Logging
import Precheck

/// Counts and times every request by method, route and status, and logs
/// one line per request (masked: no ID or phone numbers in logs).
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await next(request, context)
        let duration = clock.now - start
        // The route template (`/v1/applications/{id}`), not the path, keeps the label set small.
        let route = context.endpointPath ?? "NotFound"
        metrics.recordRequest(method: request.method.rawValue, route: route, status: response.status.code, duration: duration)
        context.logger.info("\(request.method) \(PersonalData.masked(request.uri.path)) \(response.status.code) \(duration.milliseconds) ms")
        return response
    }
}

extension Duration {
    /// Whole milliseconds.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
