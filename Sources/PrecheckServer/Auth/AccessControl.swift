import Foundation
import HTTPTypes
import Hummingbird

/// Who may call the service: with a token configured, every request but
/// the public ones (`/healthz`, `/login`, `/openapi.yaml`, the page assets)
/// must carry it, either as `Authorization: Bearer <token>` (API clients)
/// or as the session cookie the login page sets (the review page).
///
/// Also refuses state-changing requests sent by another site's page (an
/// `Origin` that is not this server), so a page elsewhere cannot make a
/// reviewer's browser upload or decide — with or without a token.
struct AccessControlMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String?

    static var publicPaths: Set<String> { ["/healthz", "/login", "/openapi.yaml", PageAssets.stylesheetPath, PageAssets.scriptPath] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method != .get && request.method != .head && !Self.isSameOrigin(request) {
            throw APIError.crossOrigin()
        }
        guard let token, !Self.publicPaths.contains(request.uri.path) else { return try await next(request, context) }
        if SessionCookie.token(in: request).map({ Self.constantTimeEqual($0, token) }) == true
            || Self.bearerToken(in: request).map({ Self.constantTimeEqual($0, token) }) == true {
            return try await next(request, context)
        }
        if Self.wantsPage(request) {
            let next = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
            return Response(status: .seeOther, headers: [.location: "/login?next=\(Self.queryEscaped(next))"])
        }
        throw APIError.unauthorized()
    }

    /// The token of an `Authorization: Bearer …` header.
    static func bearerToken(in request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// Compares without stopping at the first difference (no timing hint).
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(truncatingIfNeeded: x.count ^ y.count)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }

    /// A browser navigating to a page (answered with a redirect to the
    /// login page rather than a 401 JSON body).
    static func wantsPage(_ request: Request) -> Bool {
        request.method == .get && !request.uri.path.hasPrefix("/v1/") && request.uri.path != "/metrics"
    }

    /// No `Origin` header (not a browser, or a same-origin GET), or one
    /// naming this server's own host and port.
    static func isSameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin] else { return true }
        guard let host = request.head.authority else { return false }
        for scheme in ["http://", "https://"] where origin.lowercased().hasPrefix(scheme) {
            return origin.dropFirst(scheme.count).lowercased() == host.lowercased()
        }
        return false
    }

    static func queryEscaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~/"))) ?? "/"
    }
}
