import Precheck

/// One injected defect: what is wrong with the application, and the reason
/// code the pipeline must give for it.
public enum Defect: String, Sendable, Codable, CaseIterable {
    case fileMissing                 // DOCUMENT_MISSING: the form names a file that is not there
    case slotMissing                 // DOCUMENT_MISSING: the form names no file for a slot
    case truncatedJPEG               // DOCUMENT_UNREADABLE
    case emptyFile                   // DOCUMENT_UNREADABLE
    case idBackInFrontSlot           // DOCUMENT_TYPE_WRONG
    case licenseInLetterSlot         // DOCUMENT_TYPE_WRONG
    case unreadablyBlurred           // IMAGE_QUALITY_POOR
    case copyWithoutSeal             // COPY_SEAL_MISSING (B&W copy of the licence or of both ID sides, no company seal)
    case malformedEmail              // FORM_FIELD_INVALID
    case malformedMobile             // FORM_FIELD_INVALID
    case wrongCreditCodeCheck        // FORM_CREDIT_CODE_INVALID
    case wrongIDNumberCheck          // FORM_ID_NUMBER_INVALID
    case companyNameOneCharacter     // COMPANY_NAME_MISMATCH
    case otherValidCreditCode        // CREDIT_CODE_MISMATCH
    case neighbouringAuthority       // REGISTRATION_AUTHORITY_MISMATCH
    case regionOfAnotherDistrict     // REGISTRATION_REGION_MISMATCH
    case wrongOrganizationKind       // ORGANIZATION_KIND_MISMATCH
    case applicantNameOneCharacter   // APPLICANT_NAME_MISMATCH
    case applicantOtherIDNumber      // APPLICANT_ID_MISMATCH
    case expiredIDCard               // ID_CARD_EXPIRED
    case letterNamesAnotherCompany   // LETTER_COMPANY_MISMATCH
    case letterNamesAnotherAgent     // LETTER_AGENT_MISMATCH
    case letterTermTooShort          // LETTER_TERM_TOO_SHORT
    case letterWithoutSeal           // LETTER_SEAL_MISSING
    case letterSealOutsideBox        // LETTER_SEAL_OUTSIDE_BOX
    case letterSealOfAnotherCompany  // SEAL_NAME_MISMATCH

    /// The reason code this defect must produce.
    public var reason: ReasonCode {
        switch self {
        case .fileMissing, .slotMissing: .documentMissing
        case .truncatedJPEG, .emptyFile: .documentUnreadable
        case .idBackInFrontSlot, .licenseInLetterSlot: .documentTypeWrong
        case .unreadablyBlurred: .imageQualityPoor
        case .copyWithoutSeal: .copySealMissing
        case .malformedEmail, .malformedMobile: .formFieldInvalid
        case .wrongCreditCodeCheck: .formCreditCodeInvalid
        case .wrongIDNumberCheck: .formIDNumberInvalid
        case .companyNameOneCharacter: .companyNameMismatch
        case .otherValidCreditCode: .creditCodeMismatch
        case .neighbouringAuthority: .registrationAuthorityMismatch
        case .regionOfAnotherDistrict: .registrationRegionMismatch
        case .wrongOrganizationKind: .organizationKindMismatch
        case .applicantNameOneCharacter: .applicantNameMismatch
        case .applicantOtherIDNumber: .applicantIDMismatch
        case .expiredIDCard: .idCardExpired
        case .letterNamesAnotherCompany: .letterCompanyMismatch
        case .letterNamesAnotherAgent: .letterAgentMismatch
        case .letterTermTooShort: .letterTermTooShort
        case .letterWithoutSeal: .letterSealMissing
        case .letterSealOutsideBox: .letterSealOutsideBox
        case .letterSealOfAnotherCompany: .sealNameMismatch
        }
    }

    /// The document the defect is in (`nil` for the form itself).
    public var slot: DocumentSlot? {
        switch self {
        case .fileMissing, .slotMissing, .truncatedJPEG, .emptyFile, .unreadablyBlurred, .copyWithoutSeal,
             .otherValidCreditCode, .companyNameOneCharacter, .neighbouringAuthority, .regionOfAnotherDistrict,
             .wrongOrganizationKind, .wrongCreditCodeCheck: .businessLicense
        case .idBackInFrontSlot, .applicantNameOneCharacter, .applicantOtherIDNumber, .wrongIDNumberCheck: .idCardFront
        case .expiredIDCard: .idCardBack
        case .licenseInLetterSlot, .letterNamesAnotherCompany, .letterNamesAnotherAgent, .letterTermTooShort,
             .letterWithoutSeal, .letterSealOutsideBox, .letterSealOfAnotherCompany: .authorizationLetter
        case .malformedEmail, .malformedMobile: nil
        }
    }
}
