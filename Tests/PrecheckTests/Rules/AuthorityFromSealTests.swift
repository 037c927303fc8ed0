import Foundation
import Precheck
import Testing

/// Licences that print the registration authority only on its seal: the
/// verdict reports the authority as read from the seal when the seal's
/// glyphs confirm the form's authority, or a free reading of the ring
/// spells the authority of the credit code's division; else nothing.
@Suite("Registration authority read from its seal")
struct AuthorityFromSealTests {
    let folder = Samples.directory.appendingPathComponent("APP-0001")

    func verdict(authority: String? = nil) async throws -> Verdict {
        var form = try JSONDecoder().decode(ApplicationForm.self, from: Data(contentsOf: folder.appendingPathComponent("application.json")))
        if let authority { form.organization.registrationAuthority = authority }
        var uploads: [DocumentSlot: UploadedDocument] = [:]
        let name = try #require(form.file(for: .businessLicense))
        uploads[.businessLicense] = .bytes([UInt8](try Data(contentsOf: folder.appendingPathComponent(name))), name: name)
        return try await Checker(concurrency: 1).check(Application(form: form, documents: uploads))
    }

    @Test func confirmedSealGivesTheField() async throws {
        let licence = try #require(try await verdict().documents[.businessLicense]?.reading)
        let field = try #require(licence.fields["registrationAuthority"])
        #expect(field.value == "临城县市场监督管理局")
        let seal = try #require(licence.seals.first { $0.kind == .registrationAuthority })
        #expect(field.box == seal.box)
        #expect(field.confidence >= 0.7)
    }

    @Test func neighbouringAuthorityIsNotReadIntoTheSeal() async throws {
        // 隆尧县: another county of 邢台市; the seal says 临城县.
        let licence = try #require(try await verdict(authority: "隆尧县市场监督管理局").documents[.businessLicense]?.reading)
        let seal = try #require(licence.seals.first { $0.kind == .registrationAuthority })
        // Never the claimed neighbour; the seal's own authority only when a
        // free reading spells it whole (its division is the credit code's).
        let spelled = seal.freeReadings.contains("临城县市场监督管理局")
        #expect(licence.fields["registrationAuthority"]?.value == (spelled ? "临城县市场监督管理局" : nil))
    }
}
