import Precheck

/// Everything an application says, before it is rendered: the form and the
/// content of each document. Defects are injected by editing this.
public struct ApplicationContent: Sendable {
    public var form: ApplicationForm
    public var license: LicenseContent
    public var idCard: IDCardContent
    public var letter: LetterContent
    /// Ring text of the company seal stamped on B&W copies.
    public var companySealText: String

    /// A consistent, defect-free application.
    static func clean(id: String, factory: IdentityFactory, random: inout SeededRandom) -> ApplicationContent {
        let submitted = CalendarDate(year: 2026, month: 1, day: 5)!.adding(days: Int.random(in: 0...319, using: &random))
        let authority = factory.randomAuthority(random: &random)
        let individual = random.chance(0.12)
        let code = factory.creditCode(at: authority, individual: individual, random: &random)
        let companyName = factory.companyName(city: authority.region[1], individual: individual, district: authority.region[2], random: &random)
        let legalRepresentative = factory.personName(random: &random)
        let established = CalendarDate(year: 2005, month: 1, day: 1)!.adding(days: Int.random(in: 0...7000, using: &random))
        let issued = established.adding(days: Int.random(in: 0...max(1, submitted.dayNumber - established.dayNumber - 30), using: &random))
        let license = LicenseContent(
            creditCode: code, name: companyName,
            organizationType: individual ? "个体工商户" : ContentPools.legalEntityTypes.randomElement(using: &random)!,
            legalRepresentative: legalRepresentative,
            registeredCapital: individual ? "" : ContentPools.capitalAmounts.randomElement(using: &random)!,
            establishedOn: established.iso,
            termEnd: random.chance(0.6) ? nil : established.adding(years: [20, 30, 50].randomElement(using: &random)!).adding(days: -1).iso,
            address: factory.address(in: authority, random: &random),
            businessScope: factory.businessScope(random: &random),
            registrationAuthority: authority.name, issuedOn: issued.iso, isIndividualBusiness: individual,
            isDuplicate: random.chance(0.7))

        // The applicant and their ID card.
        let male = random.chance(0.5)
        let birth = CalendarDate(year: 1962, month: 1, day: 1)!.adding(days: Int.random(in: 0...14600, using: &random))
        let home = factory.homeAddress(random: &random)
        let idNumber = factory.idNumber(county: home.county, birth: birth, male: male, random: &random)
        let applicantName = factory.personName(random: &random)
        let validity = IDValidity.clean(birth: birth, submitted: submitted, random: &random)
        let homeAuthority = factory.authority(for: AdministrativeDivisions.shared.division(home.county)!)
        let idCard = IDCardContent(name: applicantName, sex: male ? "男" : "女", ethnicity: ContentPools.ethnicities.randomElement(using: &random)!,
                                   birthDate: birth.iso, address: home.address, idNumber: idNumber,
                                   issuingAuthority: homeAuthority.policeName, validFrom: validity.from.iso,
                                   validUntil: validity.until?.iso ?? "long-term")

        let signed = submitted.adding(days: -Int.random(in: 0...20, using: &random))
        let letter = LetterContent(principalName: companyName, creditCode: code, legalRepresentative: legalRepresentative,
                                   agentName: applicantName, agentIdNumber: idNumber, termStart: signed.iso,
                                   termEnd: signed.adding(years: Int.random(in: 1...3, using: &random)).adding(days: -1).iso,
                                   signedOn: signed.iso, sealPlacement: .insideBox, sealText: companyName)

        let form = ApplicationForm(
            applicationId: id, submittedAt: submitted.iso, caProvider: ContentPools.caProviders.randomElement(using: &random)!, quantity: 1,
            organization: .init(name: companyName, kind: individual ? "individual-business" : "legal-entity",
                                certificateType: "business-license", creditCode: code,
                                registrationAuthority: authority.name, registrationRegion: authority.region),
            applicant: .init(name: applicantName, idNumber: idNumber,
                             mobile: "1" + String(Int.random(in: 3...9, using: &random)) + String(format: "%09d", Int.random(in: 0...999_999_999, using: &random)),
                             email: "ca\(Int.random(in: 100...99999, using: &random))@example.com"),
            documents: ["businessLicense": "license.jpg", "idCardFront": "id-front.jpg",
                        "idCardBack": "id-back.jpg", "authorizationLetter": "authorization.jpg"])
        return ApplicationContent(form: form, license: license, idCard: idCard, letter: letter, companySealText: companyName)
    }
}

/// ID-card validity terms by age at issue (5, 10, 20 years, or long-term from 46).
enum IDValidity {
    static func years(ageAtIssue: Int) -> Int? {
        switch ageAtIssue {
        case ..<16: 5
        case 16...25: 10
        case 26...45: 20
        default: nil
        }
    }

    /// A card valid on `submitted`.
    static func clean(birth: CalendarDate, submitted: CalendarDate, random: inout SeededRandom) -> (from: CalendarDate, until: CalendarDate?) {
        for _ in 0..<20 {
            let from = submitted.adding(days: -Int.random(in: 30...7000, using: &random))
            let age = from.year - birth.year
            guard age >= 16 else { continue }
            guard let term = years(ageAtIssue: age) else { return (from, nil) }
            let until = from.adding(years: term)
            if until > submitted.adding(months: 2) { return (from, until) }
        }
        let from = submitted.adding(days: -400)
        return (from, from.adding(years: 20))
    }

    /// A card that ended before `submitted`.
    static func expired(submitted: CalendarDate, random: inout SeededRandom) -> (from: CalendarDate, until: CalendarDate) {
        let until = submitted.adding(days: -Int.random(in: 1...500, using: &random))
        return (until.adding(years: -[10, 20].randomElement(using: &random)!), until)
    }
}
