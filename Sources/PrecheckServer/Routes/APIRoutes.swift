import Foundation
import HTTPTypes
import Hummingbird
import Precheck

/// The JSON API under `/v1` (see `docs/openapi.yaml`).
struct APIRoutes {
    let backend: ReviewBackend

    func register(on router: Router<BasicRequestContext>) {
        let api = router.group("v1/applications")
        api.post(use: submit)
        api.get(use: list)
        api.get(":id", use: verdict)
        api.get(":id/documents/:slot/annotated", use: annotated)
        api.get(":id/reviews", use: reviews)
        api.post(":id/reviews", use: addReview)
    }

    /// `POST /v1/applications`: 201, the verdict, `Location: /v1/applications/{id}`.
    @Sendable func submit(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let submission = try await backend.submit(request, context: context)
        return Response(status: .created,
                        headers: [.contentType: "application/json; charset=utf-8", .location: "/v1/applications/\(submission.id)",
                                  .precheckRecordID: submission.id],
                        body: .init(byteBuffer: ByteBuffer(bytes: submission.verdictJSON)))
    }

    /// `GET /v1/applications?limit=N`: the most recent stored applications.
    @Sendable func list(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let limit = request.uri.queryParameters.get("limit", as: Int.self).map { min(max($0, 1), 500) } ?? 50
        let summaries = try await backend.store.recent(limit: limit)
        let items = summaries.map { summary in
            ApplicationListItem(id: summary.id, applicationId: summary.applicationId, organizationName: summary.organizationName,
                                decision: summary.decision, createdAt: summary.createdAt, review: summary.latestReview?.rawValue,
                                href: "/v1/applications/\(summary.id)")
        }
        return try JSONBody.response(["applications": items])
    }

    /// `GET /v1/applications/{id}`: the stored verdict, byte for byte as answered at upload.
    @Sendable func verdict(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let stored = try await storedApplication(context)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .precheckRecordID: stored.id],
                        body: .init(byteBuffer: ByteBuffer(bytes: stored.verdictJson)))
    }

    /// `GET /v1/applications/{id}/documents/{slot}/annotated`: JPEG with the evidence boxes.
    @Sendable func annotated(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try Self.applicationID(context)
        let slotName = context.parameters.get("slot") ?? ""
        guard let slot = DocumentSlot(rawValue: slotName) else {
            throw APIError(.notFound, code: "unknown_slot",
                           message: "'\(slotName)' is not a document slot; use one of \(DocumentSlot.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let jpeg = try await backend.annotatedScan(applicationID: id, slot: slot)
        return Response(status: .ok, headers: [.contentType: "image/jpeg", .cacheControl: "private, max-age=300"],
                        body: .init(byteBuffer: ByteBuffer(bytes: jpeg)))
    }

    /// `GET /v1/applications/{id}/reviews`: the audit trail, oldest first.
    @Sendable func reviews(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let stored = try await storedApplication(context)
        return try JSONBody.response(["reviews": try await backend.store.reviews(applicationID: stored.id)])
    }

    /// `POST /v1/applications/{id}/reviews` with `{"reviewer", "action", "note"}`: 201, the decision as stored.
    @Sendable func addReview(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try Self.applicationID(context)
        let body = try await request.body.collect(upTo: 64 * 1024)
        let input: ReviewInput
        do {
            input = try JSONDecoder().decode(ReviewInput.self, from: Data(buffer: body))
        } catch {
            throw APIError(.badRequest, code: "invalid_review",
                           message: "send JSON {\"reviewer\": \"name\", \"action\": \"approve\" or \"reject\", \"note\": \"why\"}")
        }
        let decision = try input.decision(applicationID: id)
        guard let stored = try await backend.store.addReview(decision) else { throw APIError.notFound("application \(id)") }
        return try JSONBody.response(stored, status: .created)
    }

    private func storedApplication(_ context: BasicRequestContext) async throws -> StoredApplication {
        let id = try Self.applicationID(context)
        guard let stored = try await backend.store.application(id: id) else { throw APIError.notFound("application \(id)") }
        return stored
    }

    /// The `{id}` path parameter, if it can be an id at all (else 404 without a query).
    static func applicationID(_ context: BasicRequestContext) throws(APIError) -> String {
        let id = context.parameters.get("id") ?? ""
        guard ReviewStore.isWellFormedID(id) else { throw APIError.notFound("application \(id.prefix(40))") }
        return id
    }
}

/// One line of `GET /v1/applications`.
struct ApplicationListItem: Codable, Sendable {
    var id: String
    var applicationId: String
    var organizationName: String
    var decision: String
    var createdAt: Date
    /// The latest reviewer decision (`approve`/`reject`), if any.
    var review: String?
    var href: String
}

/// A reviewer's decision as sent by a client or the review page's form.
struct ReviewInput: Codable, Sendable {
    var reviewer: String?
    var action: String?
    var note: String?

    static let maxReviewerLength = 100, maxNoteLength = 4000

    /// - Throws: ``APIError`` 400 `invalid_review` naming what to fix.
    func decision(applicationID: String, at date: Date = Date()) throws(APIError) -> ReviewDecision {
        let reviewer = (reviewer ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let note = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        func invalid(_ message: String) -> APIError { APIError(.badRequest, code: "invalid_review", message: message) }
        guard !reviewer.isEmpty, reviewer.count <= Self.maxReviewerLength else {
            throw invalid("give the reviewer's name (1-\(Self.maxReviewerLength) characters): the audit trail records who decided")
        }
        guard let action = action.flatMap(ReviewDecision.Action.init(rawValue:)) else {
            throw invalid("the action must be 'approve' or 'reject'")
        }
        guard note.count <= Self.maxNoteLength else { throw invalid("the note is longer than \(Self.maxNoteLength) characters; shorten it") }
        guard action == .approve || !note.isEmpty else {
            throw invalid("a rejection needs a note: say what the applicant must fix")
        }
        return ReviewDecision(applicationId: applicationID, reviewer: reviewer, action: action, note: note, decidedAt: date)
    }
}

/// JSON responses (sorted keys, ISO 8601 dates).
enum JSONBody {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}

extension HTTPField.Name {
    /// The stored application's id, on the upload's and the verdict's responses.
    static let precheckRecordID = HTTPField.Name("Precheck-Record-Id")!
}
