import Foundation
import Hummingbird
import Logging
import NIOCore
import Precheck

/// Turns every error into the service's JSON error body (``APIError``), so
/// no request gets Hummingbird's default error format or an empty 500.
///
/// Errors that are not ``APIError`` (a route not found, a body over the
/// limit, an unexpected failure) are mapped to one; unexpected failures are
/// logged (masked) and answered with 500 `internal` without detail.
struct ErrorResponseMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxUploadBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            return try apiError(for: error).response(from: request, context: context)
        } catch is NIOTooManyBytesError {
            return try APIError.uploadTooLarge(limit: maxUploadBytes).response(from: request, context: context)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path) failed: \(PersonalData.masked(String(describing: error)))")
            return try APIError(.internalServerError, code: "internal",
                                message: "the server failed to handle this request; it has been logged, try again")
                .response(from: request, context: context)
        }
    }

    private func apiError(for error: HTTPError) -> APIError {
        switch error.status {
        case .notFound:
            APIError(.notFound, code: "not_found", message: error.body ?? "no such resource; see /openapi.yaml for the API")
        case .methodNotAllowed:
            APIError(.methodNotAllowed, code: "method_not_allowed", message: error.body ?? "this path does not take that method; see /openapi.yaml")
        case .contentTooLarge:
            .uploadTooLarge(limit: maxUploadBytes)
        default:
            APIError(error.status, code: error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_"),
                     message: error.body ?? error.status.reasonPhrase)
        }
    }
}
