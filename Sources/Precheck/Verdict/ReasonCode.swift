/// Why an application is rejected or sent to manual review (contract §3).
/// Stable API: codes are never renamed.
public enum ReasonCode: String, Sendable, Codable, CaseIterable {
    case documentMissing = "DOCUMENT_MISSING"
    case documentUnreadable = "DOCUMENT_UNREADABLE"
    case documentTypeWrong = "DOCUMENT_TYPE_WRONG"
    case imageQualityPoor = "IMAGE_QUALITY_POOR"
    case copySealMissing = "COPY_SEAL_MISSING"
    case formFieldInvalid = "FORM_FIELD_INVALID"
    case formCreditCodeInvalid = "FORM_CREDIT_CODE_INVALID"
    case formIDNumberInvalid = "FORM_ID_NUMBER_INVALID"
    case companyNameMismatch = "COMPANY_NAME_MISMATCH"
    case creditCodeMismatch = "CREDIT_CODE_MISMATCH"
    case registrationAuthorityMismatch = "REGISTRATION_AUTHORITY_MISMATCH"
    case registrationRegionMismatch = "REGISTRATION_REGION_MISMATCH"
    case organizationKindMismatch = "ORGANIZATION_KIND_MISMATCH"
    case applicantNameMismatch = "APPLICANT_NAME_MISMATCH"
    case applicantIDMismatch = "APPLICANT_ID_MISMATCH"
    case idCardExpired = "ID_CARD_EXPIRED"
    case letterCompanyMismatch = "LETTER_COMPANY_MISMATCH"
    case letterAgentMismatch = "LETTER_AGENT_MISMATCH"
    case letterTermTooShort = "LETTER_TERM_TOO_SHORT"
    case letterSealMissing = "LETTER_SEAL_MISSING"
    case letterSealOutsideBox = "LETTER_SEAL_OUTSIDE_BOX"
    case sealNameMismatch = "SEAL_NAME_MISMATCH"
    case fieldUncertain = "FIELD_UNCERTAIN"

    /// Every code rejects except `FIELD_UNCERTAIN`, which asks for review.
    public var severity: Severity { self == .fieldUncertain ? .review : .reject }
}

/// What a reason does to the decision.
public enum Severity: String, Sendable, Codable {
    case reject, review
}

/// The outcome for an application (contract §3); `error` only in batch
/// output, for an input that could not be processed at all.
public enum Decision: String, Sendable, Codable, CaseIterable {
    case preApproved = "pre-approved"
    case rejected
    case manualReview = "manual-review"
    case error
}
