import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PrecheckServer
import Testing

/// Bad uploads and requests get a 4xx JSON error and the server stays up
/// (none of these reaches the OCR stage).
@Suite("Review service: bad requests")
struct BadRequestTests {
    static let limit = 64 * 1024

    /// Runs `body` against a fresh server with a 64 KB upload limit, then
    /// checks that the server still answers.
    func withServer(jobs: Int = 1, queueLimit: Int = 2,
                    _ body: @Sendable (any TestClientProtocol, ReviewServer) async throws -> Void) async throws {
        let data = TestServer.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let server = try TestServer.make(TestServer.configuration(data: data, jobs: jobs, queueLimit: queueLimit, maxUploadBytes: Self.limit))
        try await server.application().test(.router) { client in
            try await body(client, server)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(health.text.contains("\"status\":\"ok\""))
        }
    }

    @Test func oversizedUploadGets413() async throws {
        try await withServer { client, _ in
            var body = MultipartBody()
            body.addFile(field: "files", fileName: "license.jpg", contents: [UInt8](repeating: 0xFF, count: Self.limit + 1))
            body.close()
            let response = try await client.upload(body)
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "upload_too_large")
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }

    @Test(arguments: [
        ("not multipart", "application/json", "{}", HTTPResponse.Status.unsupportedMediaType, "unsupported_media_type"),
        ("no boundary", "multipart/form-data", "--x\r\n", .badRequest, "malformed_multipart"),
        ("garbage", MultipartBody.contentType, "\u{0}\u{1}garbage without any boundary", .badRequest, "malformed_multipart"),
        ("truncated", MultipartBody.contentType,
         "--\(MultipartBody.boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"application.json\"\r\n\r\n{\"applicationId\": \"1\"",
         .badRequest, "malformed_multipart"),
        ("non-ASCII header name", MultipartBody.contentType,
         "--\(MultipartBody.boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.jpg\"\r\n名称: x\r\n\r\nx\r\n--\(MultipartBody.boundary)--\r\n",
         .badRequest, "malformed_multipart"),
        ("non-ASCII header name in the preamble", MultipartBody.contentType,
         "preamble --\(MultipartBody.boundary)\r\n\u{E4}\r\n\r\nx\r\n--\(MultipartBody.boundary)--\r\n",
         .badRequest, "malformed_multipart"),
        ("bad header", MultipartBody.contentType, "--\(MultipartBody.boundary)\r\nno colon here\r\n\r\nx\r\n--\(MultipartBody.boundary)--\r\n",
         .badRequest, "malformed_multipart"),
    ])
    func malformedBodiesGet4xx(_ name: String, _ contentType: String, _ body: String, _ status: HTTPResponse.Status, _ code: String) async throws {
        try await withServer { client, _ in
            let response = try await client.execute(uri: "/v1/applications", method: .post, headers: [.contentType: contentType],
                                                    body: ByteBuffer(string: body))
            #expect(response.status == status, "\(name)")
            #expect(response.errorCode == code, "\(name): \(response.text)")
        }
    }

    @Test func uploadWithoutOrWithABrokenFormGets400() async throws {
        try await withServer { client, server in
            var noForm = MultipartBody()
            noForm.addFile(field: "files", fileName: "license.jpg", contents: [1, 2, 3])
            noForm.close()
            let missing = try await client.upload(noForm)
            #expect(missing.status == .badRequest)
            #expect(missing.errorCode == "form_missing")

            for text in ["not json", "[1, 2]", "{\"organization\": "] {
                var broken = MultipartBody()
                broken.addFile(field: "files", fileName: "application.json", contents: Array(text.utf8))
                broken.close()
                let response = try await client.upload(broken)
                #expect(response.status == .badRequest)
                #expect(response.errorCode == "form_malformed", "\(text)")
            }
            // Nothing was stored.
            #expect(try await server.backend.store.recent(limit: 10).isEmpty)
        }
    }

    @Test func uploadBeyondTheQueueGets503WithRetryAfter() async throws {
        try await withServer(jobs: 1, queueLimit: 0) { client, server in
            // Another upload holds the only place.
            let held = try server.backend.checks.admit()
            var body = MultipartBody()
            body.addFile(field: "files", fileName: "application.json", contents: Array("{}".utf8))
            body.close()
            let refused = try await client.upload(body)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.errorCode == "busy")
            #expect(Int(refused.headers[.retryAfter] ?? "") ?? 0 >= 1)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.text.contains("precheck_checks_refused_total 1"))
            server.backend.checks.leave(held)
            #expect(server.backend.checks.counts.admitted == 0)
        }
    }

    @Test func unknownThingsGet404() async throws {
        try await withServer { client, _ in
            let unknownID = String(repeating: "a", count: 32)
            for path in ["/v1/applications/\(unknownID)", "/v1/applications/not-an-id", "/v1/applications/\(unknownID)/documents/businessLicense/annotated",
                         "/v1/applications/\(unknownID)/reviews", "/no/such/path"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.errorCode == "not_found", "\(path)")
            }
            let slot = try await client.execute(uri: "/v1/applications/\(unknownID)/documents/passport/annotated", method: .get)
            #expect(slot.status == .notFound)
            #expect(slot.errorCode == "unknown_slot")
            let review = try await client.execute(uri: "/v1/applications/\(unknownID)/reviews", method: .post,
                                                  body: ByteBuffer(string: #"{"reviewer": "x", "action": "approve"}"#))
            #expect(review.status == .notFound)
            let badJSON = try await client.execute(uri: "/v1/applications/\(unknownID)/reviews", method: .post, body: ByteBuffer(string: "{"))
            #expect(badJSON.status == .badRequest)
            #expect(badJSON.errorCode == "invalid_review")
            let page = try await client.execute(uri: "/applications/\(unknownID)", method: .get)
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
        }
    }
}
