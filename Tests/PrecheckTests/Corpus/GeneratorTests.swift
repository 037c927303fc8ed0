import Foundation
import Precheck
import PrecheckCorpus
import Testing

@Suite("Synthetic corpus generator")
struct GeneratorTests {
    let generator = ApplicationGenerator()

    func form(_ application: GeneratedApplication) throws -> ApplicationForm {
        try JSONDecoder().decode(ApplicationForm.self, from: Data(application.files["application.json"]!))
    }

    @Test func sameSeedGivesByteIdenticalFiles() throws {
        let first = try generator.generate(index: 3, seed: 11, defect: .letterSealOutsideBox, style: .skewed)
        let second = try generator.generate(index: 3, seed: 11, defect: .letterSealOutsideBox, style: .skewed)
        #expect(first.files.keys.sorted() == second.files.keys.sorted())
        for (name, bytes) in first.files { #expect(bytes == second.files[name], "\(name) differs") }
        let other = try generator.generate(index: 4, seed: 11, defect: .letterSealOutsideBox, style: .skewed)
        #expect(other.files["truth.json"] != first.files["truth.json"])
    }

    @Test func cleanApplicationsCarryValidCodesThatAgreeEverywhere() throws {
        for index in 1...3 {
            let application = try generator.generate(index: index, seed: 21, defect: nil, style: .clean)
            let truth = application.truth
            let form = try form(application)
            let license = try #require(truth.fields["businessLicense"])
            let front = try #require(truth.fields["idCardFront"])
            let letter = try #require(truth.fields["authorizationLetter"])
            #expect(CreditCode.isValid(license["creditCode"]!))
            #expect(ResidentIDNumber.isValid(front["idNumber"]!))
            #expect(form.organization.creditCode == license["creditCode"])
            #expect(form.organization.name == license["name"] && letter["principalName"] == license["name"])
            #expect(form.applicant.idNumber == front["idNumber"] && letter["agentIdNumber"] == front["idNumber"])
            #expect(form.applicant.name == front["name"] && letter["agentName"] == front["name"])
            // The credit code's division is the authority's.
            let division = String(license["creditCode"]!.dropFirst(2).prefix(6))
            #expect(AdministrativeDivisions.shared.division(division)?.name == form.organization.registrationRegion?.last)
            #expect(truth.expectedDecision == .preApproved && truth.expectedReasons.isEmpty)
            for slot in DocumentSlot.allCases {
                let file = try #require(form.file(for: slot))
                #expect(application.files[file].map { !$0.isEmpty } == true)
            }
        }
    }

    @Test(arguments: Defect.allCases)
    func injectedDefectIsInTheTruthAndInTheFiles(_ defect: Defect) throws {
        let application = try generator.generate(index: 1, seed: 31, defect: defect, style: .clean)
        let truth = application.truth
        let form = try form(application)
        #expect(truth.defect == defect)
        #expect(truth.expectedDecision == .rejected)
        #expect(truth.expectedReasons == [defect.reason])
        let license = truth.fields["businessLicense"]
        let front = truth.fields["idCardFront"]
        let letter = truth.fields["authorizationLetter"]
        switch defect {
        case .fileMissing:
            #expect(application.files[form.file(for: .businessLicense)!] == nil)
        case .slotMissing:
            #expect(form.file(for: .idCardBack) == nil)
        case .truncatedJPEG:
            let bytes = try #require(application.files[form.file(for: .businessLicense)!])
            #expect(bytes.prefix(2) == [0xFF, 0xD8] && bytes.suffix(2) != [0xFF, 0xD9])
        case .emptyFile:
            #expect(application.files[form.file(for: .idCardBack)!] == [])
        case .idBackInFrontSlot:
            #expect(application.files[form.file(for: .idCardFront)!] == application.files[form.file(for: .idCardBack)!])
        case .licenseInLetterSlot:
            #expect(application.files[form.file(for: .authorizationLetter)!] == application.files[form.file(for: .businessLicense)!])
        case .unreadablyBlurred:
            #expect(truth.presentation["businessLicense"]?.degradations == ["unreadableBlur"])
        case .copyWithoutSeal:
            // The licence, or both sides of the ID card.
            let unsealed = ["businessLicense", "idCardFront", "idCardBack"].filter {
                truth.presentation[$0]?.blackAndWhiteCopy == true && truth.presentation[$0]?.companySealOnCopy == false
            }
            #expect(unsealed == ["businessLicense"] || unsealed == ["idCardFront", "idCardBack"])
        case .malformedEmail:
            #expect(form.applicant.email?.contains("@") == false)
        case .malformedMobile:
            #expect(form.applicant.mobile?.count == 10)
        case .wrongCreditCodeCheck:
            #expect(!CreditCode.isValid(form.organization.creditCode!))
        case .wrongIDNumberCheck:
            #expect(!ResidentIDNumber.isValid(form.applicant.idNumber!))
        case .companyNameOneCharacter:
            #expect(TextSimilarity.distance(form.organization.name!, license!["name"]!) == 1)
        case .otherValidCreditCode:
            #expect(CreditCode.isValid(form.organization.creditCode!) && form.organization.creditCode != license!["creditCode"])
        case .neighbouringAuthority:
            #expect(form.organization.registrationAuthority != license!["registrationAuthority"])
        case .regionOfAnotherDistrict:
            #expect(form.organization.registrationRegion?.last != AdministrativeDivisions.shared.division(String(license!["creditCode"]!.dropFirst(2).prefix(6)))?.name)
        case .wrongOrganizationKind:
            #expect((form.organization.kind == "individual-business") == license!["creditCode"]!.hasPrefix("91"))
        case .applicantNameOneCharacter:
            #expect(TextSimilarity.distance(form.applicant.name!, front!["name"]!) == 1)
        case .applicantOtherIDNumber:
            #expect(ResidentIDNumber.isValid(form.applicant.idNumber!) && form.applicant.idNumber != front!["idNumber"])
        case .expiredIDCard:
            let until = try #require(CalendarDate(iso: truth.fields["idCardBack"]!["validUntil"]!))
            #expect(until < CalendarDate(iso: form.submittedAt!)!)
        case .letterNamesAnotherCompany:
            #expect(letter!["principalName"] != license!["name"])
        case .letterNamesAnotherAgent:
            #expect(letter!["agentName"] != form.applicant.name)
        case .letterTermTooShort:
            #expect(CalendarDate(iso: letter!["termEnd"]!)! < CalendarDate(iso: form.submittedAt!)!.adding(months: 1))
        case .letterWithoutSeal:
            #expect(truth.seals["authorizationLetter"]?.isEmpty == true)
        case .letterSealOutsideBox, .letterSealOfAnotherCompany:
            let seal = try #require(truth.seals["authorizationLetter"]?.first)
            #expect(defect == .letterSealOutsideBox ? seal.text == license!["name"] : seal.text != license!["name"])
        }
    }
}
