import Foundation
@testable import Precheck
import PrecheckNative
import Testing

/// The rules on hand-made readings: every reason code's trigger, the
/// review path when a reading is missing or unsure, and that a clean
/// application passes.
@Suite("Rules and decision policy")
struct RuleTests {
    static func creditCode(_ prefix: String) -> String { prefix + String(CreditCode.checkCharacter(for: prefix)!) }
    static func idNumber(_ prefix: String) -> String { prefix + String(ResidentIDNumber.checkCharacter(for: prefix)!) }

    let code = RuleTests.creditCode("91330103MA2CFX8N5")
    let person = RuleTests.idNumber("33010319850712001")
    let company = "杭州云溪物业管理有限公司"
    let box = PixelBox(x: 10, y: 10, width: 100, height: 20)

    var form: ApplicationForm {
        ApplicationForm(applicationId: "159108036521080", submittedAt: "2026-11-20", caProvider: "浙江汇信CA", quantity: 1,
                        organization: .init(name: company, kind: "legal-entity", certificateType: "business-license", creditCode: code,
                                            registrationAuthority: "杭州市下城区市场监督管理局", registrationRegion: ["浙江省", "杭州市", "下城区"]),
                        applicant: .init(name: "王明", idNumber: person, mobile: "15600000000", email: "admin@example.com"),
                        documents: ["businessLicense": "license.jpg", "idCardFront": "front.png", "idCardBack": "back.jpg",
                                    "authorizationLetter": "letter.pdf"])
    }

    func field(_ value: String, confidence: Double = 0.97, support: Double? = nil) -> FieldReading {
        FieldReading(value: value, confidence: confidence, box: box, support: support)
    }

    func seal(_ kind: SealKind, _ text: String, inside: Double? = nil) -> SealEvidence {
        SealEvidence(kind: kind, text: text, box: PixelBox(x: 500, y: 500, width: 300, height: 300), color: .red, score: 0.9, insideBox: inside)
    }

    /// Evidence of a clean application that fits `form`.
    var documents: [DocumentSlot: DocumentReading] {
        let quality = QualityMeasures.test
        return [
            .businessLicense: DocumentReading(detectedType: .businessLicense, classificationScore: 0.9,
                                               isBlackAndWhiteCopy: false, quality: quality,
                                               fields: ["name": field(company), "creditCode": field(code),
                                                        "organizationType": field("有限责任公司(自然人投资或控股)")],
                                               seals: [seal(.registrationAuthority, "杭州市下城区市场监督管理局")], text: []),
            .idCardFront: DocumentReading(detectedType: .idCardFront, classificationScore: 0.9, isBlackAndWhiteCopy: false,
                                           quality: quality, fields: ["name": field("王明"), "idNumber": field(person)], text: []),
            .idCardBack: DocumentReading(detectedType: .idCardBack, classificationScore: 0.9, isBlackAndWhiteCopy: false,
                                          quality: quality, fields: ["validFrom": field("2020-03-01"), "validUntil": field("2040-03-01")], text: []),
            .authorizationLetter: DocumentReading(detectedType: .authorizationLetter, classificationScore: 0.9,
                                                   isBlackAndWhiteCopy: false, quality: quality,
                                                   fields: ["principalName": field(company), "agentName": field("王明"),
                                                            "agentIdNumber": field(person), "termEnd": field("2027-11-19")],
                                                   seals: [seal(.company, "杭州云溪物业管理有限公司", inside: 0.95)], text: []),
        ]
    }

    func verdict(form: ApplicationForm? = nil, _ change: (inout [DocumentSlot: DocumentReading]) -> Void = { _ in }) -> Verdict {
        var evidence = documents
        change(&evidence)
        var outcomes: [DocumentSlot: DocumentOutcome] = [:]
        for (slot, document) in evidence { outcomes[slot] = .read("\(slot).jpg", document) }
        return Verdict.assemble(form: form ?? self.form, outcomes: outcomes, submitted: CalendarDate(iso: "2026-11-20")!,
                                policy: .default, timingsMs: [:])
    }

    func codes(_ verdict: Verdict) -> [String] { verdict.reasons.map(\.code.rawValue) }

    @Test func cleanApplicationIsPreApproved() {
        let result = verdict()
        #expect(result.decision == .preApproved, "\(codes(result))")
        #expect(result.reasons.isEmpty)
    }

    @Test func formProblemsReject() {
        var broken = form
        broken.applicant.mobile = "1560000000"
        broken.applicant.email = "admin#example.com"
        broken.quantity = 0
        broken.organization.creditCode = String(code.dropLast()) + (code.last == "0" ? "1" : "0")
        broken.applicant.idNumber = String(person.dropLast()) + (person.last == "0" ? "1" : "0")
        let result = verdict(form: broken)
        #expect(result.decision == .rejected)
        let fields = result.reasons.filter { $0.code == .formFieldInvalid }.compactMap(\.field)
        #expect(fields == ["applicant.mobile", "applicant.email", "quantity"])
        #expect(codes(result).contains("FORM_CREDIT_CODE_INVALID"))
        #expect(codes(result).contains("FORM_ID_NUMBER_INVALID"))
        // The mobile number is masked even in the verdict.
        #expect(result.reasons.first { $0.field == "applicant.mobile" }?.found == "156***0000")
    }

    @Test func oneCharacterNameDifferenceSeenOnTwoDocumentsRejects() {
        let result = verdict { $0[.businessLicense]!.fields["name"] = field("杭州云西物业管理有限公司", support: 0.02)
                               $0[.authorizationLetter]!.fields["principalName"] = field("杭州云西物业管理有限公司", support: 0.02) }
        #expect(result.decision == .rejected)
        let reason = result.reasons.first { $0.code == .companyNameMismatch }
        #expect(reason?.expected == company)
        #expect(reason?.found == "杭州云西物业管理有限公司")
        #expect(reason?.box == box)
        // The letter agrees with the licence, so it is not blamed.
        #expect(!codes(result).contains("LETTER_COMPANY_MISMATCH"))
    }

    @Test func onlyInkOffTheGreyAxisShowsAnUnsealedPageIsAColourOriginal() {
        func reasons(_ verdict: Verdict) -> [String] { verdict.reasons.map { "\($0.code.rawValue)/\($0.document?.rawValue ?? "")" } }
        // A photo whose tinted light made a copy look coloured to the tint
        // measures: its ink on the grey axis shows the copy.
        var photographed = QualityMeasures.test
        photographed.isPhotographed = true
        photographed.offGreyInkShare = 0.01
        #expect(photographed.isBlackAndWhiteCopy)
        let copy = verdict {
            $0[.idCardFront]!.quality = photographed
            $0[.idCardFront]!.isBlackAndWhiteCopy = photographed.isBlackAndWhiteCopy
        }
        #expect(reasons(copy) == ["COPY_SEAL_MISSING/idCardFront"])
        // Neither grey nor clearly coloured: held for review, photo or scan.
        photographed.offGreyInkShare = 0.12
        let unsure = verdict { $0[.idCardFront]!.quality = photographed }
        #expect(unsure.decision == .manualReview)
        #expect(reasons(unsure) == ["FIELD_UNCERTAIN/idCardFront"])
        #expect(unsure.reasons.first?.messageEn.contains("photo") == true)
        var scanned = QualityMeasures.test
        scanned.offGreyInkShare = nil
        #expect(reasons(verdict { $0[.idCardBack]!.quality = scanned }) == ["FIELD_UNCERTAIN/idCardBack"])
        // Printed colours pass, on a photo as on a scan.
        photographed.offGreyInkShare = 0.33
        #expect(verdict { $0[.idCardFront]!.quality = photographed }.decision == .preApproved)
        // With the company's seal stamped on it, a page passes whether copy or not.
        photographed.offGreyInkShare = 0.01
        let stamped = verdict {
            $0[.idCardFront]!.quality = photographed
            $0[.idCardFront]!.isBlackAndWhiteCopy = true
            $0[.idCardFront]!.seals = [seal(.company, company)]
        }
        #expect(stamped.decision == .preApproved, "\(codes(stamped))")
    }

    @Test func cardNameUnlikeFormWhileNumberAndLetterAgreeGoesToReview() {
        // Read as garbage (梁浩 → 上全本 on a clean card): number and letter are the form's.
        let misread = verdict { $0[.idCardFront]!.fields["name"] = field("上全本", support: 0) }
        #expect(codes(misread) == ["FIELD_UNCERTAIN"])
        // Another person's card: the number differs too, so it still rejects.
        let otherCard = verdict {
            $0[.idCardFront]!.fields["name"] = field("李华强", support: 0)
            $0[.idCardFront]!.fields["idNumber"] = field("11010519491231002X", support: 0)
        }
        #expect(otherCard.decision == .rejected)
        #expect(codes(otherCard).contains("APPLICANT_NAME_MISMATCH"))
        // The letter names someone else as well: the card is believed.
        let letterToo = verdict {
            $0[.idCardFront]!.fields["name"] = field("李华强", support: 0)
            $0[.authorizationLetter]!.fields["agentName"] = field("李华强", support: 0)
        }
        #expect(codes(letterToo).contains("APPLICANT_NAME_MISMATCH"))
    }

    /// The same for the licence (seed 2046's compressed APP-0240, a clean
    /// application rejected: 荆州晟达餐饮管理有限公司 read as
    /// 草州蝶达和餐饮管理有限公司 while code and letter were the form's).
    @Test func licenceNameUnlikeFormWhileCodeAndLetterAgreeGoesToReview() {
        let misread = verdict { $0[.businessLicense]!.fields["name"] = field("草州蝶达和餐饮管理有限公司", support: 0) }
        #expect(codes(misread) == ["FIELD_UNCERTAIN"])
        // Another company's licence: its code differs too, so it still rejects.
        let otherLicence = verdict {
            $0[.businessLicense]!.fields["name"] = field("草州蝶达和餐饮管理有限公司", support: 0)
            $0[.businessLicense]!.fields["creditCode"] = field(RuleTests.creditCode("91420100MA4K1234X"), support: 0)
        }
        #expect(otherLicence.decision == .rejected)
        #expect(codes(otherLicence).contains("COMPANY_NAME_MISMATCH"))
        // The letter names that company as well: the licence is believed.
        let letterToo = verdict {
            $0[.businessLicense]!.fields["name"] = field("草州蝶达和餐饮管理有限公司", support: 0)
            $0[.authorizationLetter]!.fields["principalName"] = field("草州蝶达和餐饮管理有限公司", support: 0)
        }
        #expect(codes(letterToo).contains("COMPANY_NAME_MISMATCH"))
    }

    @Test func loneOneCharacterDifferenceGoesToReviewAndSupportConfirms() {
        let unsure = verdict { $0[.idCardFront]!.fields["name"] = field("王鸣", support: 0) }
        #expect(unsure.decision == .manualReview)
        #expect(unsure.reasons.map(\.code) == [.fieldUncertain])
        #expect(unsure.reasons.first?.field == "name")
        let supported = verdict { $0[.idCardFront]!.fields["name"] = field("王鸣", support: 0.9) }
        #expect(supported.decision == .preApproved)
        // The verdict then shows the confirmed name, and what was read beside it.
        #expect(supported.documents[.idCardFront]?.reading?.fields["name"]?.value == "王明")
        #expect(supported.documents[.idCardFront]?.reading?.fields["name"]?.read == "王鸣")
        #expect(unsure.documents[.idCardFront]?.reading?.fields["name"]?.value == "王鸣")
    }

    @Test func cardThatContradictsItsOwnNumberGoesToReview() {
        // The number 330103198507120011: born 1985-07-12, 17th digit 1 (male).
        let consistent = verdict {
            $0[.idCardFront]!.fields["birthDate"] = field("1985-07-12")
            $0[.idCardFront]!.fields["sex"] = field("男")
        }
        #expect(consistent.decision == .preApproved)
        let altered = verdict {
            $0[.idCardFront]!.fields["birthDate"] = field("1985-07-18")
            $0[.idCardFront]!.fields["sex"] = field("女")
        }
        #expect(altered.decision == .manualReview)
        #expect(altered.reasons.map(\.field) == ["birthDate", "sex"])
        #expect(altered.reasons.first?.expected == "1985-07-12")
        // An unsure reading decides nothing.
        let unsure = verdict { $0[.idCardFront]!.fields["birthDate"] = field("1985-07-18", confidence: 0.4) }
        #expect(unsure.decision == .preApproved)
    }

    @Test func recogniserConfusionsGoToReviewNotRejection() {
        // The same confusion on two documents (昊 read as 吴), with glyphs that cannot tell them apart.
        var ambiguous = field("杭州云西物业管理有限公司", support: 0.02)
        ambiguous.shapeMargin = -0.01
        let confused = verdict { $0[.businessLicense]!.fields["name"] = ambiguous; $0[.authorizationLetter]!.fields["principalName"] = ambiguous }
        #expect(confused.decision == .manualReview, "\(codes(confused))")
        // A Han character split in two (王 → 二丨) is one misread, not two.
        let split = verdict { $0[.idCardFront]!.fields["name"] = field("二丨明", support: 0) }
        #expect(split.decision == .manualReview, "\(codes(split))")
        // Latin letters or digits where a Chinese name should be: noise.
        let noise = verdict { $0[.idCardFront]!.fields["name"] = field("兹谷1", support: 0) }
        #expect(codes(noise) == ["FIELD_UNCERTAIN"])
        // Half of the name or less read (seed 2037 APP-0251: 孔浩宁 read as 二), with
        // the letter's agent unread: an incomplete reading, not another person.
        let partial = verdict {
            $0[.idCardFront]!.fields["name"] = field("二", support: 0)
            $0[.authorizationLetter]!.fields["agentName"] = nil
        }
        #expect(partial.decision == .manualReview, "\(codes(partial))")
        #expect(!codes(partial).contains("APPLICANT_NAME_MISMATCH"))
        // A checksum-corrected code that differs from the form refutes nothing.
        var corrected = field(RuleTests.creditCode("91330103MA27QK4N1"), support: 0)
        corrected.correctedFrom = "91330103MA27QK4N"
        #expect(codes(verdict { $0[.businessLicense]!.fields["creditCode"] = corrected }) == ["FIELD_UNCERTAIN"])
        // Clear shapes still decide: the glyphs look like the characters read.
        var clear = field("杭州云西物业管理有限公司", support: 0.02)
        clear.shapeMargin = -0.2
        let different = verdict { $0[.businessLicense]!.fields["name"] = clear; $0[.authorizationLetter]!.fields["principalName"] = clear }
        #expect(different.decision == .rejected)
    }

    @Test func missingReadingIsNeverAPass() {
        let result = verdict { $0[.idCardFront]!.fields["idNumber"] = nil; $0[.authorizationLetter]!.fields["termEnd"] = nil }
        #expect(result.decision == .manualReview)
        #expect(result.reasons.map(\.field) == ["idNumber", "termEnd"])
    }

    @Test func codesMustValidateAndDifferClearly() {
        let otherCode = RuleTests.creditCode("91330103MA27QK4N1")
        let rejected = verdict { $0[.businessLicense]!.fields["creditCode"] = field(otherCode, support: 0) }
        #expect(codes(rejected) == ["CREDIT_CODE_MISMATCH"])
        // A reading that fails the checksum decides nothing.
        let invalid = String(code.dropLast()) + (code.last == "0" ? "1" : "0")
        let unsure = verdict { $0[.businessLicense]!.fields["creditCode"] = field(invalid, support: 0) }
        #expect(codes(unsure) == ["FIELD_UNCERTAIN"])
    }

    @Test func idCardValidity() {
        let expired = verdict { $0[.idCardBack]!.fields["validFrom"] = field("2005-06-01"); $0[.idCardBack]!.fields["validUntil"] = field("2025-06-01") }
        #expect(codes(expired) == ["ID_CARD_EXPIRED"])
        let longTerm = verdict { $0[.idCardBack]!.fields["validUntil"] = field("long-term") }
        #expect(longTerm.decision == .preApproved)
        // Dates that make no real period (a misread year) are not trusted.
        let odd = verdict { $0[.idCardBack]!.fields["validUntil"] = field("2041-03-01") }
        #expect(codes(odd) == ["FIELD_UNCERTAIN"])
    }

    @Test func letterRules() {
        let short = verdict { $0[.authorizationLetter]!.fields["termEnd"] = field("2026-12-19") }
        #expect(codes(short) == ["LETTER_TERM_TOO_SHORT"])
        let exactlyOneMonth = verdict { $0[.authorizationLetter]!.fields["termEnd"] = field("2026-12-20") }
        #expect(exactlyOneMonth.decision == .preApproved)
        let noSeal = verdict { $0[.authorizationLetter]!.seals = [] }
        #expect(codes(noSeal) == ["LETTER_SEAL_MISSING"])
        let outside = verdict { $0[.authorizationLetter]!.seals = [seal(.company, company, inside: 0.1)] }
        #expect(codes(outside) == ["LETTER_SEAL_OUTSIDE_BOX"])
        let noBox = verdict { $0[.authorizationLetter]!.seals = [seal(.company, company, inside: nil)] }
        #expect(codes(noBox) == ["FIELD_UNCERTAIN"])
        // Another company's seal: legible (the shared anchors 杭州…有限公司
        // come out confidently when only the claim's characters are allowed)
        // yet without the claim's distinctive 云溪物业管理.
        var other = seal(.company, "杭州天祥医疗器械有限公司", inside: 0.9)
        other.constrainedReadings = ["杭州有限公司"]
        other.constrainedConfidences = [0.85]
        #expect(codes(verdict { $0[.authorizationLetter]!.seals = [other] }) == ["SEAL_NAME_MISMATCH"])
        // The same readings, but the glyphs show a trade-name cell that fits
        // (溪 with 2 rivals; sample APP-0004, a photographed genuine seal, had
        // 越 with none): readings that miss the distinctive part decide nothing.
        var photographed = other
        photographed.glyphCheck = RingGlyphCheck(characters: company, matched: Array(repeating: false, count: 12),
                                                 rivals: [4, 0, 11, 2, 0, 3, 4, 0, 142, 36, 0, 40])
        #expect(codes(verdict { $0[.authorizationLetter]!.seals = [photographed] }) == ["FIELD_UNCERTAIN"])
        photographed.glyphCheck?.rivals = [4, 0, 11, 9, 0, 3, 4, 0, 142, 36, 0, 40]
        #expect(codes(verdict { $0[.authorizationLetter]!.seals = [photographed] }) == ["SEAL_NAME_MISMATCH"])
        // A sister company sharing the trade name: a reading holding 云溪物业
        // (two thirds of 云溪物业管理) does not confirm, and cells that show other
        // characters veto glyphs that fit everywhere else.
        let sister = seal(.company, "杭州云溪物业服务有限公司", inside: 0.9)
        #expect(codes(verdict { $0[.authorizationLetter]!.seals = [sister] }) == ["FIELD_UNCERTAIN"])
        var sisterGlyphs = sister
        sisterGlyphs.glyphCheck = RingGlyphCheck(characters: company, matched: Array(repeating: true, count: 12),
                                                 rivals: [0, 0, 0, 0, 0, 0, 210, 0, 0, 0, 0, 0])
        #expect(codes(verdict { $0[.authorizationLetter]!.seals = [sisterGlyphs] }) == ["FIELD_UNCERTAIN"])
        var ownGlyphs = sister
        ownGlyphs.glyphCheck = RingGlyphCheck(characters: company, matched: Array(repeating: true, count: 12),
                                              rivals: [0, 1, 0, 3, 0, 2, 5, 0, 9, 0, 0, 0])
        #expect(verdict { $0[.authorizationLetter]!.seals = [ownGlyphs] }.decision == .preApproved)
        // An illegible ring decides nothing.
        var smudged = seal(.company, "抬和4项动起了堵", inside: 0.9)
        smudged.constrainedReadings = ["有"]
        smudged.constrainedConfidences = [0.1]
        #expect(codes(verdict { $0[.authorizationLetter]!.seals = [smudged] }) == ["FIELD_UNCERTAIN"])
        let otherAgent = verdict { $0[.authorizationLetter]!.fields["agentName"] = field("李华强", support: 0) }
        #expect(codes(otherAgent) == ["LETTER_AGENT_MISMATCH"])
    }

    @Test func authorityRegionAndKind() {
        var neighbour = form
        neighbour.organization.registrationAuthority = "杭州市西湖区市场监督管理局"
        neighbour.organization.registrationRegion = ["浙江省", "杭州市", "西湖区"]
        let rejected = verdict(form: neighbour)
        #expect(codes(rejected) == ["REGISTRATION_AUTHORITY_MISMATCH"])
        #expect(rejected.reasons.first?.found == "杭州市下城区市场监督管理局")
        // Without a readable seal the code's division alone cannot settle it.
        let unsure = verdict(form: neighbour) { $0[.businessLicense]!.seals = [] }
        #expect(codes(unsure) == ["FIELD_UNCERTAIN"])
        // 下城区 merged into 拱墅区 in 2021: a licence from before still fits.
        var region = form
        region.organization.registrationRegion = ["浙江省", "杭州市", "西湖区"]
        #expect(codes(verdict(form: region)) == ["REGISTRATION_REGION_MISMATCH"])
        var kind = form
        kind.organization.kind = "individual-business"
        #expect(codes(verdict(form: kind)) == ["ORGANIZATION_KIND_MISMATCH"])
    }

    @Test func documentProblems() {
        var outcomes: [DocumentSlot: DocumentOutcome] = [:]
        for (slot, document) in documents { outcomes[slot] = .read("\(slot).jpg", document) }
        outcomes[.idCardBack] = .missing("back.jpg")
        outcomes[.businessLicense] = .unreadable("license.jpg", IntakeError(code: .corrupt, message: "the JPEG file is damaged", underlying: nil))
        var front = documents[.idCardFront]!
        front.detectedType = .idCardBack
        outcomes[.idCardFront] = .read("front.png", front)
        let result = Verdict.assemble(form: form, outcomes: outcomes, submitted: CalendarDate(iso: "2026-11-20")!, policy: .default, timingsMs: [:])
        #expect(codes(result).prefix(3) == ["DOCUMENT_UNREADABLE", "DOCUMENT_TYPE_WRONG", "DOCUMENT_MISSING"])
        var copy = documents[.businessLicense]!
        copy.isBlackAndWhiteCopy = true
        copy.seals = []
        #expect(codes(verdict { $0[.businessLicense] = copy }).contains("COPY_SEAL_MISSING"))
        var blurred = documents[.businessLicense]!
        blurred.quality.sharpness = 1
        #expect(codes(verdict { $0[.businessLicense] = blurred }) == ["IMAGE_QUALITY_POOR"])
    }

    @Test("the authority is read from its seal when a free ring reading names the credit code's own division, as read")
    func authorityReadFreelyFromTheSealWhenTheCodeAgrees() {
        let authority = { (readings: [String]) -> FieldReading? in
            let result = self.verdict {
                var ring = self.seal(.registrationAuthority, readings[0])
                ring.readings = readings
                $0[.businessLicense]!.seals = [ring]
            }
            return result.documents[.businessLicense]?.reading?.fields["registrationAuthority"]
        }
        // The credit code's division is 330103, 杭州市下城区.
        let own = authority(["杭州市下城区市场监督管理局"])
        #expect(own?.value == "杭州市下城区市场监督管理局")
        #expect(own?.confidence == LicenseRules.codeAgreementConfidence)
        #expect(own?.box == PixelBox(x: 500, y: 500, width: 300, height: 300))
        // Any of the readings may be the one; garbage beside it does not matter.
        #expect(authority(["杭州市下城区市场监督答理局", "杭州市下城区市场监督管理局"])?.value == "杭州市下城区市场监督管理局")
        // Another district of the city, something after the suffix, or no place: nothing is reported.
        #expect(authority(["杭州市西湖区市场监督管理局"]) == nil)
        #expect(authority(["杭州市下城区市场监督管理局局"]) == nil)
        #expect(authority(["市场监督管理局"]) == nil)
    }
}

extension QualityMeasures {
    static let test = QualityMeasures(width: 2000, height: 2800, headerDPI: 200, estimatedDPI: 200, sharpness: 500, brightness: 235,
                                      contrast: 40, clippedHighlights: 0.1, clippedShadows: 0, edgeInk: [0, 0, 0, 0], colourfulness: 5,
                                      nonRedColourFraction: 0.01, nonRedMeanChroma: 3, nonRedTintedFraction: 0.01, redInkFraction: 0.01,
                                      offGreyInkShare: 0.4)
}

@Suite("Label rests in front of values")
struct LabelRestTests {
    @Test func editDistancesCountASplitOrMergedHanCharacterOnce() {
        #expect(TextSimilarity.distance("kitten", "sitting") == 3)
        #expect(TextSimilarity.distance("和歼平", "黎平") == 2)
        #expect(TextSimilarity.glyphDistance(read: "和歼平", claim: "黎平") == 1)
        // Any two characters may have run together: another name still differs in two.
        #expect(TextSimilarity.glyphDistance(read: "王明", claim: "李华强") == 2)
        #expect(TextSimilarity.glyphDistance(read: "", claim: "黎平") == 2)
        // Two read as one (seed 2038 APP-0150: 鹿寨 → 座, rejected as another name).
        #expect(TextSimilarity.glyphDistance(read: "柳州座县润泽理发店", claim: "柳州鹿寨县润泽理发店") == 1)
        #expect(TextSimilarity.distance("柳州座县润泽理发店", "柳州鹿寨县润泽理发店") == 2)
        #expect(TextSimilarity.glyphDistance(read: "座", claim: "李华强") == 2)
    }

    @Test func partReadLabelsAreDropped() {
        #expect(FieldExtractor.droppingLabelRest("(代理人):肖国晓") == "肖国晓")
        #expect(FieldExtractor.droppingLabelRest("时:江芳志") == "江芳志")
        #expect(FieldExtractor.droppingLabelRest("王明") == "王明")
        // A colon far into the value is part of it.
        #expect(FieldExtractor.droppingLabelRest("杭州云溪物业管理有限公司:") == "杭州云溪物业管理有限公司:")
        #expect(FieldExtractor.droppingLabelRest("(盖章):") == nil)
        #expect(FieldExtractor.droppingLabelRest("中铁(北京)建设有限公司") == "中铁(北京)建设有限公司")
    }

    /// A colon after a label read as a Han character (：石华凯 → 三石华凯):
    /// its box holds two dots of ink where a character holds a glyph.
    @Test func faintSymbolsAtAValuesEndsAreDropped() {
        var pixels = [UInt8](repeating: 255, count: 200 * 40)
        func ink(x: Range<Int>, y: Range<Int>) { for row in y { for column in x { pixels[row * 200 + column] = 0 } } }
        ink(x: 4..<7, y: 12..<15); ink(x: 4..<7, y: 26..<29)                      // the colon's two dots
        for start in [30, 70, 110] { ink(x: start + 4..<start + 28, y: 8..<32) }  // three glyphs
        let binary = Raster(width: 200, height: 40, channels: 1, pixels: pixels)
        let boxes = [PixelBox(x: 0, y: 4, width: 14, height: 32)] + [30, 70, 110].map { PixelBox(x: $0, y: 4, width: 32, height: 32) }
        let symbols = zip("三石华凯", boxes).map { RecognizedSymbol(text: String($0), confidence: 0.9, box: $1) }
        let value = LabelledValue(text: "三石华凯", symbols: symbols).droppingFaintEnds(on: binary)
        #expect(value.text == "石华凯")
        #expect(value.box == PixelBox(x: 30, y: 4, width: 112, height: 32))
        // Three real glyphs stay, and a two-character name is never cut.
        let glyphs = LabelledValue(text: "石华凯", symbols: Array(symbols.dropFirst()))
        #expect(glyphs.droppingFaintEnds(on: binary).text == "石华凯")
        let short = LabelledValue(text: "三石", symbols: Array(symbols.prefix(2)))
        #expect(short.droppingFaintEnds(on: binary).text == "三石")
    }

    /// 受托人(代理人) read with marks inside (受托人“〈人代理人)) matches only as
    /// 受托人; the rest of the label must not become part of the name.
    @Test func theRestOfALongerLabelIsNotTheValue() {
        func line(_ text: String) -> PageText {
            let symbols = text.enumerated().map { index, character in
                RecognizedSymbol(text: String(character), confidence: 0.9, box: PixelBox(x: 30 * index, y: 0, width: 28, height: 30))
            }
            return PageText(lines: [ReadLine(text: text, box: PixelBox(x: 0, y: 0, width: 30 * text.count, height: 30),
                                             confidence: 0.9, symbols: symbols)])
        }
        let fields = LabelledFields(catalogue: LabelCatalogue.letter)
        #expect(fields.extract(from: line("受托人“〈人代理人)许佳"))["agentName"]?.text == "许佳")
        #expect(fields.extract(from: line("受托人(代理人):许佳"))["agentName"]?.text == "许佳")
        #expect(fields.extract(from: line("受托人:许佳"))["agentName"]?.text == "许佳")
        // Only near the start: a label's words further in belong to the value.
        #expect(LabelledFields(catalogue: LabelCatalogue.letter).dropLabelEcho(
            Array("某某某某代理人".map { (character: $0, symbol: nil as RecognizedSymbol?) }),
            entry: LabelCatalogue.letter.first { $0.key == "agentName" }!).count == 7)
    }

    /// On a photo a bent line can be traced twice, once cut short
    /// (APP-0043 of seed 2036: 委托单位:泸州明辉和 above 委托单位:泸州明辉建材有限责任公司,
    /// the pair overlapping); the longer reading of that one line is the value.
    /// A second line lower down with the same label does not replace the first.
    @Test func aLineTracedTwiceGivesItsLongerValueOrTheFullerLabelsValue() {
        func line(_ text: String, y: Int) -> ReadLine {
            let symbols = text.enumerated().map { index, character in
                RecognizedSymbol(text: String(character), confidence: 0.9, box: PixelBox(x: 30 * index, y: y, width: 28, height: 30))
            }
            return ReadLine(text: text, box: PixelBox(x: 0, y: y, width: 30 * text.count, height: 30), confidence: 0.9, symbols: symbols)
        }
        let fields = LabelledFields(catalogue: LabelCatalogue.letter)
        let traced = PageText(lines: [line("委托单位:泸州明辉和", y: 100), line("委托单位:泸州明辉建材有限责任公司", y: 106)])
        #expect(fields.extract(from: traced)["principalName"]?.text == "泸州明辉建材有限责任公司")
        let twoLines = PageText(lines: [line("委托单位:泸州明辉和", y: 100), line("委托单位:泸州明辉建材有限责任公司", y: 400)])
        #expect(fields.extract(from: twoLines)["principalName"]?.text == "泸州明辉和")
        // A garbled second trace with more marks is not a fuller reading (seed 2037 APP-0037).
        let garbled = PageText(lines: [line("受托人(代理人):廖俊超", y: 100), line("人《代理人),，座伏", y: 104)])
        #expect(fields.extract(from: garbled)["agentName"]?.text == "廖俊超")
        // The garbled trace first: the trace showing more of the label wins (seed 2044 APP-0060).
        let garbledFirst = PageText(lines: [line("人《代理人):半", y: 100), line("受托人(代理人):姜文", y: 104)])
        #expect(fields.extract(from: garbledFirst)["agentName"]?.text == "姜文")
        // Not a second line lower down, however much of the label it shows.
        let lower = PageText(lines: [line("人《代理人):半", y: 100), line("受托人(代理人):姜文", y: 400)])
        #expect(fields.extract(from: lower)["agentName"].flatMap { FieldExtractor.personName($0.text) } == "半")
    }

    @Test func personNamesLoseTheMarksAroundThem() {
        #expect(FieldExtractor.personName(")郑晨") == "郑晨")
        #expect(FieldExtractor.personName("孙平|") == "孙平")
        #expect(FieldExtractor.personName("买买提·艾力") == "买买提·艾力")
        #expect(FieldExtractor.personName("兹谷1华") == "兹谷1华")  // inside: the rules' concern
        #expect(FieldExtractor.personName(")|") == nil)
        // Marks inside split off a garbled label's rest (seed 2046 APP-0082) or trailing noise.
        #expect(FieldExtractor.personName("和信)。，段吴杰") == "段吴杰")
        #expect(FieldExtractor.personName("段吴杰)。和") == "段吴杰")
        #expect(FieldExtractor.personName("郑晨|，江芳") == "江芳")
    }
}
