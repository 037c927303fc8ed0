import Foundation
import Hummingbird
import HummingbirdTesting
import Precheck
import PrecheckNative
@testable import PrecheckServer
import Testing

/// A zip of an application folder instead of its files (no OCR: the one
/// scan in these archives is not an image, so the checker stops at intake).
@Suite("Review service: zip uploads")
struct ArchiveUploadTests {
    /// A zip built with libarchive: `(name, bytes)` entries, or links.
    static func zip(_ entries: [(String, [UInt8])], links: [(String, String)] = []) throws -> [UInt8] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("precheck-test-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try ArchiveWriter(path: url.path, format: .zip)
        for (name, bytes) in entries { try writer.addFile(name, bytes: bytes) }
        for (name, target) in links { try writer.addSymbolicLink(name, target: target) }
        try writer.close()
        return [UInt8](try Data(contentsOf: url))
    }

    static var form: [UInt8] {
        get throws { [UInt8](try Data(contentsOf: Samples.folder("APP-0003").appendingPathComponent("application.json"))) }
    }

    func withServer(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let data = TestServer.dataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let server = try TestServer.make(TestServer.configuration(data: data))
        try await server.application().test(.router, body)
    }

    @Test func zipOfAFolderIsCheckedLikeItsFiles() async throws {
        let archive = try Self.zip([("APP-0003/application.json", try Self.form), ("APP-0003/license.jpg", Array("not an image".utf8)),
                                    ("elsewhere/id-front.jpg", [1, 2, 3]), ("APP-0003/notes.txt", [4])])
        try await withServer { client in
            var multipart = MultipartBody()
            multipart.addFile(field: "files", fileName: "APP-0003.zip", contents: archive)
            multipart.close()
            let asPart = try await client.upload(multipart)
            let asBody = try await client.execute(uri: "/v1/applications", method: .post, headers: [.contentType: "application/zip"],
                                                  body: ByteBuffer(bytes: archive))
            for response in [asPart, asBody] {
                #expect(response.status == .created)
                let verdict = try JSONDecoder().decode(Verdict.self, from: Data(buffer: response.body))
                #expect(verdict.applicationId == "002026000000003")
                #expect(verdict.decision == .rejected)
                let codes = Dictionary(grouping: verdict.reasons.filter { $0.document != nil }, by: { $0.document! }).mapValues { $0.map(\.code) }
                #expect(codes[.businessLicense] == [.documentUnreadable])
                // The ID front in another folder of the archive is not this application's.
                #expect(codes[.idCardFront] == [.documentMissing])
                #expect(codes[.idCardBack] == [.documentMissing])
                #expect(codes[.authorizationLetter] == [.documentMissing])
            }
        }
    }

    @Test(arguments: ["../license.jpg", "/etc/license.jpg", "APP\\..\\..\\license.jpg"])
    func entriesOutsideTheArchiveAreRefused(_ name: String) async throws {
        let archive = try Self.zip([("application.json", try Self.form), (name, [1])])
        try await withServer { client in
            let response = try await client.execute(uri: "/v1/applications", method: .post, headers: [.contentType: "application/zip"],
                                                    body: ByteBuffer(bytes: archive))
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "archive_unsafe")
        }
    }

    @Test func linksBombsAndSeveralApplicationsAreRefused() async throws {
        let link = try Self.zip([("application.json", try Self.form)], links: [("license.jpg", "/etc/passwd")])
        let bomb = try Self.zip([("application.json", try Self.form), ("license.jpg", [UInt8](repeating: 0, count: 8 << 20))])
        let two = try Self.zip([("A/application.json", try Self.form), ("B/application.json", try Self.form)])
        let damaged = Array(try Self.zip([("application.json", try Self.form), ("license.jpg", [UInt8](repeating: 7, count: 4096))]).prefix(60))
        try await withServer { client in
            for (archive, status, code) in [(link, HTTPResponse.Status.badRequest, "archive_unsafe"), (bomb, .badRequest, "archive_unsafe"),
                                            (two, .badRequest, "form_ambiguous"), (damaged, .badRequest, "archive_unreadable")] {
                let response = try await client.execute(uri: "/v1/applications", method: .post, headers: [.contentType: "application/zip"],
                                                        body: ByteBuffer(bytes: archive))
                #expect(response.status == status, "\(code): \(response.text)")
                #expect(response.errorCode == code, "\(response.text)")
            }
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
    }
}
