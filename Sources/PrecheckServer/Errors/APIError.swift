import Foundation
import Hummingbird

/// A request the service refuses, as the JSON every error response carries:
/// `{"error": "<code>", "message": "<what to do>"}`.
///
/// `error` is a stable machine-readable code (listed in `docs/openapi.yaml`);
/// `message` says what went wrong and how to fix it.
public struct APIError: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String
    /// Extra response headers (`Retry-After`, `WWW-Authenticate`).
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The JSON body.
    public var body: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(["error": code, "message": message])) ?? Data("{\"error\":\"internal\"}".utf8))
    }
}

extension APIError {
    static func notFound(_ what: String) -> APIError {
        APIError(.notFound, code: "not_found", message: "\(what) does not exist; check the id (GET /v1/applications lists the stored ones)")
    }

    static func unauthorized() -> APIError {
        APIError(.unauthorized, code: "unauthorized",
                 message: "this server needs a token: send the header 'Authorization: Bearer <token>' (the token the server was started with)",
                 headers: [.wwwAuthenticate: "Bearer realm=\"precheck\""])
    }

    static func busy(retryAfterSeconds: Int) -> APIError {
        APIError(.serviceUnavailable, code: "busy",
                 message: "every check slot and the waiting queue are taken; send the application again in \(retryAfterSeconds) s",
                 headers: [.retryAfter: String(retryAfterSeconds)])
    }

    static func uploadTooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "upload_too_large",
                 message: "the upload is over the server's limit of \(limit / (1024 * 1024)) MB; send smaller scans (150-300 dpi is enough)")
    }

    static func crossOrigin() -> APIError {
        APIError(.forbidden, code: "cross_origin",
                 message: "the request came from another site's page (its Origin differs from this server); open the review page on this server")
    }
}
