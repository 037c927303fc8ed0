import Foundation
import Hummingbird
import Precheck

/// The review page: server-rendered HTML, forms that post and redirect,
/// and the assets it needs.
struct PageRoutes {
    let backend: ReviewBackend

    private var signOut: Bool { backend.configuration.token != nil }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/", use: index)
        router.post("upload", use: upload)
        router.get("applications/:id", use: review)
        router.post("applications/:id/review", use: recordDecision)
        router.get("login", use: loginForm)
        router.post("login", use: login)
        router.post("logout", use: logout)
        router.get(RouterPath(stringLiteral: PageAssets.stylesheetPath)) { _, _ in
            Self.asset(PageAssets.stylesheet, type: "text/css; charset=utf-8")
        }
        router.get(RouterPath(stringLiteral: PageAssets.scriptPath)) { _, _ in
            Self.asset(PageAssets.script, type: "text/javascript; charset=utf-8")
        }
    }

    @Sendable func index(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let recent = try await backend.store.recent(limit: backend.configuration.recentListLength)
        return Self.page(IndexPage(recent: recent, signOut: signOut).html)
    }

    /// The plain form's upload: on success, 303 to the application's page;
    /// a bad upload gets the index page with the problem (same 4xx status).
    @Sendable func upload(_ request: Request, context: BasicRequestContext) async throws -> Response {
        do {
            let submission = try await backend.submit(request, context: context)
            return Response(status: .seeOther, headers: [.location: "/applications/\(submission.id)"])
        } catch let error as APIError {
            let recent = (try? await backend.store.recent(limit: backend.configuration.recentListLength)) ?? []
            var headers = error.headers
            headers[.contentType] = "text/html; charset=utf-8"
            return Self.page(IndexPage(recent: recent, signOut: signOut, message: error.message).html, status: error.status, headers: headers)
        }
    }

    @Sendable func review(_ request: Request, context: BasicRequestContext) async throws -> Response {
        do {
            return Self.page(try await reviewPage(context: context, reviewer: SessionCookie.reviewer(in: request) ?? "").html)
        } catch let error as APIError {
            return Self.errorPage(error, signOut: signOut)
        }
    }

    /// The decision form: 303 back to the page (the new line is in the
    /// audit trail), or the page again with the problem (400).
    @Sendable func recordDecision(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let input: ReviewInput
        do {
            let body = try await request.body.collect(upTo: 64 * 1024)
            input = try URLEncodedFormDecoder().decode(ReviewInput.self, from: String(buffer: body))
        } catch {
            input = ReviewInput()
        }
        do {
            let id = try APIRoutes.applicationID(context)
            let decision: ReviewDecision
            do {
                decision = try input.decision(applicationID: id)
            } catch {
                var page = try await reviewPage(context: context, reviewer: input.reviewer ?? "")
                page.decisionError = error.message
                return Self.page(page.html, status: .badRequest)
            }
            guard try await backend.store.addReview(decision) != nil else { throw APIError.notFound("application \(id)") }
            context.logger.info("review \(id): \(decision.action.rawValue) recorded")
            var response = Response(status: .seeOther, headers: [.location: "/applications/\(id)#review"])
            response.setCookie(SessionCookie.reviewerCookie(decision.reviewer))
            return response
        } catch let error as APIError {
            return Self.errorPage(error, signOut: signOut)
        }
    }

    @Sendable func loginForm(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard backend.configuration.token != nil else { return Response(status: .seeOther, headers: [.location: "/"]) }
        let next = Self.safeNext(request.uri.queryParameters.get("next"))
        return Self.page(LoginPage(next: next, reviewer: SessionCookie.reviewer(in: request) ?? "", failed: false).html)
    }

    @Sendable func login(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard let token = backend.configuration.token else { return Response(status: .seeOther, headers: [.location: "/"]) }
        let body = try await request.body.collect(upTo: 16 * 1024)
        let form = (try? URLEncodedFormDecoder().decode(LoginInput.self, from: String(buffer: body))) ?? LoginInput()
        let next = Self.safeNext(form.next)
        let reviewer = (form.reviewer ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let given = form.token, AccessControlMiddleware<BasicRequestContext>.constantTimeEqual(given, token) else {
            context.logger.notice("login refused: wrong token")
            return Self.page(LoginPage(next: next, reviewer: reviewer, failed: true).html, status: .unauthorized)
        }
        var response = Response(status: .seeOther, headers: [.location: next])
        response.setCookie(SessionCookie.tokenCookie(token))
        if !reviewer.isEmpty && reviewer.count <= ReviewInput.maxReviewerLength { response.setCookie(SessionCookie.reviewerCookie(reviewer)) }
        return response
    }

    @Sendable func logout(_ request: Request, context: BasicRequestContext) async throws -> Response {
        var response = Response(status: .seeOther, headers: [.location: backend.configuration.token == nil ? "/" : "/login"])
        response.setCookie(SessionCookie.expiredTokenCookie())
        return response
    }

    private func reviewPage(context: BasicRequestContext, reviewer: String) async throws -> ReviewPage {
        let id = try APIRoutes.applicationID(context)
        guard let stored = try await backend.store.application(id: id) else { throw APIError.notFound("application \(id)") }
        let verdict = try backend.decodeVerdict(stored)
        let form = (try? ApplicationUpload.decodeForm(stored.formJson)) ?? ApplicationForm()
        return ReviewPage(id: id, createdAt: stored.createdAt, verdict: verdict, form: form,
                          reviews: try await backend.store.reviews(applicationID: id), scansPurgedAt: stored.scansPurgedAt,
                          reviewer: reviewer, signOut: signOut, decisionError: nil)
    }

    /// Only paths on this server (`/…`, not `//host`), so the login form
    /// cannot be made to send the reviewer elsewhere.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }

    static func page(_ html: HTML, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.cacheControl] = "no-store"
        fields[.contentSecurityPolicy] = "default-src 'self'; img-src 'self'; style-src 'self'; frame-ancestors 'none'; form-action 'self'"
        fields[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: html.rendered)))
    }

    static func errorPage(_ error: APIError, signOut: Bool) -> Response {
        let content: HTML = "\(PageLayout.notice(error.message, error: true))<p><a href=\"/\">Back to the applications</a></p>"
        return page(PageLayout.page(title: error.code, signOut: signOut, content: content), status: error.status)
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600", .xContentTypeOptions: "nosniff"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The login form's fields.
struct LoginInput: Codable, Sendable {
    var token: String?
    var reviewer: String?
    var next: String?
}
