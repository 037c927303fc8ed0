import Foundation
import Precheck
import Testing

/// The library as a backend uses it: only the public surface of `Precheck`
/// (no `@testable`), a checker made once and shared, folders and
/// in-memory uploads, the contract's JSON.
@Suite("Public API")
struct PublicAPITests {
    static let checker = Result { try Checker(concurrency: 2) }

    func sample(_ name: String) -> URL { Samples.directory.appendingPathComponent(name) }

    @Test func verdictJSONFollowsTheContract() async throws {
        let checker = try Self.checker.get()
        // APP-0014: the form's e-mail is malformed.
        let verdict = try await checker.check(folder: sample("APP-0014"))
        #expect(verdict.decision == .rejected)
        let object = try #require(try JSONSerialization.jsonObject(with: verdict.jsonData()) as? [String: Any])
        #expect(Set(object.keys) == ["applicationId", "decision", "reasons", "documents", "timingsMs"])
        #expect(object["decision"] as? String == "rejected")
        let reasons = try #require(object["reasons"] as? [[String: Any]])
        let email = try #require(reasons.first { $0["field"] as? String == "applicant.email" })
        #expect(email["code"] as? String == "FORM_FIELD_INVALID")
        #expect(email["severity"] as? String == "reject")
        #expect((email["message"] as? String)?.contains("邮箱") == true)
        #expect((email["messageEn"] as? String)?.contains("e-mail") == true)
        let documents = try #require(object["documents"] as? [String: [String: Any]])
        #expect(Set(documents.keys) == ["businessLicense", "idCardFront", "idCardBack", "authorizationLetter"])
        let licence = try #require(documents["businessLicense"])
        #expect(licence["detectedType"] as? String == "businessLicense")
        let fields = try #require(licence["fields"] as? [String: [String: Any]])
        let code = try #require(fields["creditCode"])
        #expect(code["value"] as? String == "92150724MA21B8XG5E")
        #expect((code["box"] as? [Int])?.count == 4)
        #expect((object["timingsMs"] as? [String: Int])?["total"] != nil)
    }

    @Test func inMemoryUploadsGiveTheSameVerdictAsTheFolder() async throws {
        let checker = try Self.checker.get()
        let folder = sample("APP-0021")
        let form = try JSONDecoder().decode(ApplicationForm.self, from: Data(contentsOf: folder.appendingPathComponent("application.json")))
        var uploads: [DocumentSlot: UploadedDocument] = [:]
        for slot in DocumentSlot.allCases {
            let name = try #require(form.file(for: slot))
            uploads[slot] = .bytes([UInt8](try Data(contentsOf: folder.appendingPathComponent(name))), name: name)
        }
        async let fromMemory = checker.check(Application(form: form, documents: uploads))
        async let fromFolder = checker.check(folder: folder)
        let (memory, disk) = try await (fromMemory, fromFolder)
        #expect(memory.decision == disk.decision)
        #expect(memory.reasons.map(\.code) == disk.reasons.map(\.code))
        #expect(memory.reasons.map(\.code).contains(.organizationKindMismatch))
    }

    @Test func foldersThatAreNotApplicationsAreTypedErrors() async throws {
        let checker = try Self.checker.get()
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("precheck-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        await #expect(throws: ApplicationError.formMissing(empty.path)) { try await checker.check(folder: empty) }
        try Data("{\"organization\": ".utf8).write(to: empty.appendingPathComponent("application.json"))
        await #expect { try await checker.check(folder: empty) } throws: { error in
            if case ApplicationError.formMalformed = error { return true } else { return false }
        }
        // A form naming files outside its folder, or none at all: every slot is missing.
        try Data("{\"documents\": {\"businessLicense\": \"../../etc/passwd\"}}".utf8).write(to: empty.appendingPathComponent("application.json"))
        let verdict = try await checker.check(folder: empty)
        #expect(verdict.decision == .rejected)
        #expect(verdict.reasons.filter { $0.code == .documentMissing }.count == 4)
    }
}
