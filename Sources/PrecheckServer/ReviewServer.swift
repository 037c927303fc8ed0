import Foundation
import Hummingbird
import Logging
import Precheck
import ServiceLifecycle

/// Builds the `precheck serve` application: routes, middleware, storage
/// and background services, over a ``Precheck/Checker``.
///
/// ```swift
/// let checker = try Checker(concurrency: 2)
/// let server = try ReviewServer(configuration: ServerConfiguration(dataDirectory: dataURL), checker: checker)
/// try await server.application().runService()
/// ```
///
/// Tests build the same application and drive it in-process
/// (HummingbirdTesting's `app.test(.router)`).
public struct ReviewServer: Sendable {
    public let configuration: ServerConfiguration
    let backend: ReviewBackend
    let logger: Logger

    /// Opens (or creates) the database under the data directory.
    /// - Throws: ``ServerSetupError`` when the data directory or the
    ///   database cannot be used.
    public init(configuration: ServerConfiguration, checker: Checker, logger: Logger = Logger(label: "precheck.serve")) throws(ServerSetupError) {
        self.configuration = configuration
        self.logger = logger
        let store = try ReviewStore(directory: configuration.dataDirectory)
        backend = ReviewBackend(configuration: configuration, checker: checker, store: store)
    }

    /// The router with every route and middleware.
    func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware(metrics: backend.metrics))
        router.add(middleware: ErrorResponseMiddleware(maxUploadBytes: configuration.maxUploadBytes))
        router.add(middleware: AccessControlMiddleware(token: configuration.token))
        OperationalRoutes(backend: backend).register(on: router)
        APIRoutes(backend: backend).register(on: router)
        PageRoutes(backend: backend).register(on: router)
        return router
    }

    /// The application to run: listens on ``ServerConfiguration/effectiveHost``
    /// and runs the retention purge (when set) beside the server.
    public func application() -> some ApplicationProtocol {
        var services: [any Service] = [CheckThreadPoolService(pool: backend.workers)]
        if let days = configuration.retentionDays, days > 0 {
            services.append(RetentionService(store: backend.store, retentionDays: days, logger: logger))
        }
        return Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.effectiveHost, port: configuration.port), serverName: "precheck"),
            services: services,
            logger: logger)
    }
}
