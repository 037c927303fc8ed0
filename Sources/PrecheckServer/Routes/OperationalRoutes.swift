import Foundation
import Hummingbird

/// `/healthz`, `/metrics` and `/openapi.yaml`.
struct OperationalRoutes {
    let backend: ReviewBackend

    func register(on router: Router<BasicRequestContext>) {
        router.get("healthz", use: health)
        router.get("metrics", use: metrics)
        router.get("openapi.yaml", use: openAPI)
    }

    /// 200 `{"status": "ok", …}` when the database answers; 503 otherwise.
    @Sendable func health(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let counts = backend.checks.counts
        do {
            try await backend.store.ping()
        } catch {
            throw APIError(.serviceUnavailable, code: "database_unavailable", message: "the database does not answer: \(error)")
        }
        return try JSONBody.response(HealthReport(status: "ok", checksRunning: counts.running, checksWaiting: counts.waiting,
                                                  jobs: backend.configuration.jobs, queueLimit: backend.configuration.queueLimit))
    }

    @Sendable func metrics(_ request: Request, context: BasicRequestContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: backend.metrics.exposition())))
    }

    @Sendable func openAPI(_ request: Request, context: BasicRequestContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.bytes)))
    }
}

struct HealthReport: Codable, Sendable {
    var status: String
    var checksRunning: Int
    var checksWaiting: Int
    var jobs: Int
    var queueLimit: Int
}

/// `docs/openapi.yaml`, shipped in the module's resources.
enum OpenAPIDocument {
    static let bytes: [UInt8] = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"), let data = try? Data(contentsOf: url) else {
            return Array("openapi: 3.1.0\ninfo: {title: Precheck, version: '1'}\npaths: {}\n# the full document was not installed with this build\n".utf8)
        }
        return Array(data)
    }()
}
