@testable import Precheck
import PrecheckNative
import Testing

/// A claim the image supports is reported as the field's value, with the
/// recogniser's text kept beside it; anything less leaves the reading alone.
@Suite("Confirmed claims as values")
struct ConfirmedClaimsTests {
    let confirmed = ConfirmedClaims(policy: CheckPolicy())
    let box = PixelBox(x: 10, y: 20, width: 90, height: 30)

    func reading(_ value: String, support: Double?) -> FieldReading {
        FieldReading(value: value, confidence: 0.8, box: box, support: support)
    }

    @Test func supportedNameBecomesTheValue() {
        let field = confirmed.applying("贾凯", to: reading("机凯", support: 0.91))
        #expect(field.value == "贾凯")
        #expect(field.read == "机凯")
        #expect(field.support == 0.91)
        #expect(field.box == box)
    }

    @Test func weakSupportKeepsTheReading() {
        let field = confirmed.applying("贾凯", to: reading("机凯", support: 0.59))
        #expect(field.value == "机凯")
        #expect(field.read == nil)
    }

    @Test func readingThatAlreadyMatchesIsLeftAlone() {
        // Full-width brackets in the claim, half-width on the page: the same name.
        let field = confirmed.applying("长沙（明辉）广告有限公司", to: reading("长沙(明辉)广告有限公司", support: nil))
        #expect(field.value == "长沙(明辉)广告有限公司")
        #expect(field.read == nil)
    }

    @Test func codeClaimIsNormalisedAndMustValidate() {
        let valid = "91330103MA2CFX8N5C", misread = "91330103MA2CFX8NSC"
        let field = confirmed.applying(" 91330103ma2cfx8n5c", to: reading(misread, support: 0.8), isValid: CreditCode.isValid)
        #expect(field.value == valid)
        #expect(field.read == misread)
        // A claim that fails its checksum never becomes a value.
        let invalid = confirmed.applying("91330103MA2CFX8N5D", to: reading(misread, support: 0.8), isValid: CreditCode.isValid)
        #expect(invalid.value == misread)
    }

    @Test func documentFieldsFollowTheirClaims() {
        var page = DocumentReading(detectedType: .idCardFront, classificationScore: 0.9, isBlackAndWhiteCopy: false,
                                   quality: .test, fields: [:], text: [])
        page.fields["name"] = reading("汪晶夺", support: 0.88)
        page.fields["sex"] = reading("男", support: nil)
        let result = confirmed.applying(["name": "汪晶鑫", "idNumber": "11010519491231002X"], to: page)
        #expect(result.fields["name"]?.value == "汪晶鑫")
        #expect(result.fields["name"]?.read == "汪晶夺")
        #expect(result.fields["sex"]?.value == "男")
        #expect(result.fields["idNumber"] == nil)
    }
}
