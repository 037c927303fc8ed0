import Precheck

/// Edits a clean application's content so that it carries exactly one
/// defect. Defects that live in the files (missing, truncated, swapped,
/// blurred, copied without seal) are applied when the files are written.
struct DefectInjector {
    let factory: IdentityFactory

    func inject(_ defect: Defect, into content: inout ApplicationContent, random: inout SeededRandom) {
        let submitted = CalendarDate(iso: content.form.submittedAt!)!
        switch defect {
        case .companyNameOneCharacter:
            content.form.organization.name = changingOneCharacter(of: content.license.name, random: &random)
        case .otherValidCreditCode:
            let authority = factory.authority(for: AdministrativeDivisions.shared.division(String(content.license.creditCode.dropFirst(2).prefix(6)))!)
            var other = content.license.creditCode
            while other == content.license.creditCode {
                other = factory.creditCode(at: authority, individual: content.license.isIndividualBusiness, random: &random)
            }
            content.form.organization.creditCode = other
        case .wrongCreditCodeCheck:
            var characters = Array(content.license.creditCode)
            let right = characters[17]
            characters[17] = CreditCode.alphabet.filter { $0 != right }.randomElement(using: &random)!
            content.form.organization.creditCode = String(characters)
        case .neighbouringAuthority:
            let own = authorityOf(content)
            content.form.organization.registrationAuthority = factory.neighbour(of: own, random: &random).name
        case .regionOfAnotherDistrict:
            let own = authorityOf(content)
            content.form.organization.registrationRegion = factory.neighbour(of: own, random: &random).region
        case .wrongOrganizationKind:
            content.form.organization.kind = content.license.isIndividualBusiness ? "legal-entity" : "individual-business"
        case .applicantNameOneCharacter:
            content.form.applicant.name = changingOneCharacter(of: content.idCard.name, random: &random)
        case .applicantOtherIDNumber:
            let birth = CalendarDate(iso: content.idCard.birthDate)!
            var other = content.idCard.idNumber
            while other == content.idCard.idNumber {
                other = factory.idNumber(county: String(other.prefix(6)), birth: birth, male: content.idCard.sex == "男", random: &random)
            }
            content.form.applicant.idNumber = other
        case .wrongIDNumberCheck:
            var characters = Array(content.idCard.idNumber)
            let right = characters[17]
            characters[17] = Array("0123456789X").filter { $0 != right }.randomElement(using: &random)!
            content.form.applicant.idNumber = String(characters)
        case .expiredIDCard:
            let expired = IDValidity.expired(submitted: submitted, random: &random)
            content.idCard.validFrom = expired.from.iso
            content.idCard.validUntil = expired.until.iso
        case .letterNamesAnotherCompany:
            var other = content.license.name
            while other == content.license.name {
                let authority = authorityOf(content)
                other = factory.companyName(city: authority.region[1], individual: content.license.isIndividualBusiness,
                                            district: authority.region[2], random: &random)
            }
            content.letter.principalName = other
        case .letterNamesAnotherAgent:
            if random.chance(0.5) {
                content.letter.agentName = changingOneCharacter(of: content.letter.agentName, random: &random)
            } else {
                var other = factory.personName(random: &random)
                while other == content.letter.agentName { other = factory.personName(random: &random) }
                content.letter.agentName = other
            }
        case .letterTermTooShort:
            content.letter.termEnd = submitted.adding(days: Int.random(in: 1...25, using: &random)).iso
        case .letterWithoutSeal:
            content.letter.sealPlacement = .none
        case .letterSealOutsideBox:
            content.letter.sealPlacement = .outsideBox
        case .letterSealOfAnotherCompany:
            let authority = authorityOf(content)
            var other = content.license.name
            while other == content.license.name {
                other = factory.companyName(city: authority.region[1], individual: content.license.isIndividualBusiness,
                                            district: authority.region[2], random: &random)
            }
            content.letter.sealText = other
        case .malformedEmail:
            content.form.applicant.email = content.form.applicant.email!.replacingOccurrences(of: "@", with: "#")
        case .malformedMobile:
            content.form.applicant.mobile = String(content.form.applicant.mobile!.dropLast())
        case .slotMissing:
            content.form.documents.removeValue(forKey: DocumentSlot.idCardBack.rawValue)
        case .fileMissing, .truncatedJPEG, .emptyFile, .idBackInFrontSlot, .licenseInLetterSlot, .unreadablyBlurred, .copyWithoutSeal:
            break  // applied to the files
        }
    }

    func authorityOf(_ content: ApplicationContent) -> Authority {
        factory.authority(for: AdministrativeDivisions.shared.division(String(content.license.creditCode.dropFirst(2).prefix(6)))!)
    }

    /// The text with one Han character replaced by a different one.
    func changingOneCharacter(of text: String, random: inout SeededRandom) -> String {
        var characters = Array(text)
        let positions = characters.indices.filter { characters[$0].unicodeScalars.first!.value >= 0x4E00 }
        guard let position = positions.randomElement(using: &random) else { return text + "公司" }
        let pool = ContentPools.givenNameCharacters + Array("鸣铭茗溪西夕华桦骅达大信新鑫泰太")
        var replacement = characters[position]
        while replacement == characters[position] { replacement = pool.randomElement(using: &random)! }
        characters[position] = replacement
        return String(characters)
    }
}
