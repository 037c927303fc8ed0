/// The form an organisation filled in: `application.json` (contract §2).
///
/// Every field is optional when decoding, so that a form with missing or
/// empty fields still decodes and the rules can say which field is wrong
/// (`FORM_FIELD_INVALID`) instead of refusing the whole file. Unknown keys
/// are ignored.
public struct ApplicationForm: Sendable, Codable, Equatable {
    public var applicationId: String?
    /// `YYYY-MM-DD`: the date every date rule is measured from (missing: today).
    public var submittedAt: String?
    public var caProvider: String?
    public var quantity: Int?
    public var organization: Organization
    public var applicant: Applicant
    public var documents: [String: String]

    /// The organisation applying.
    public struct Organization: Sendable, Codable, Equatable {
        public var name: String?
        /// `legal-entity` or `individual-business`.
        public var kind: String?
        /// `business-license` or `credit-code-certificate`.
        public var certificateType: String?
        public var creditCode: String?
        public var registrationAuthority: String?
        /// Province, city, district of the registration authority.
        public var registrationRegion: [String]?

        public init(name: String? = nil, kind: String? = nil, certificateType: String? = nil, creditCode: String? = nil,
                    registrationAuthority: String? = nil, registrationRegion: [String]? = nil) {
            self.name = name
            self.kind = kind
            self.certificateType = certificateType
            self.creditCode = creditCode
            self.registrationAuthority = registrationAuthority
            self.registrationRegion = registrationRegion
        }
    }

    /// The person applying (the agent of the authorization letter).
    public struct Applicant: Sendable, Codable, Equatable {
        public var name: String?
        public var idNumber: String?
        public var mobile: String?
        public var email: String?

        public init(name: String? = nil, idNumber: String? = nil, mobile: String? = nil, email: String? = nil) {
            self.name = name
            self.idNumber = idNumber
            self.mobile = mobile
            self.email = email
        }
    }

    public init(applicationId: String? = nil, submittedAt: String? = nil, caProvider: String? = nil, quantity: Int? = nil,
                organization: Organization = Organization(), applicant: Applicant = Applicant(), documents: [String: String] = [:]) {
        self.applicationId = applicationId
        self.submittedAt = submittedAt
        self.caProvider = caProvider
        self.quantity = quantity
        self.organization = organization
        self.applicant = applicant
        self.documents = documents
    }

    enum CodingKeys: String, CodingKey {
        case applicationId, submittedAt, caProvider, quantity, organization, applicant, documents
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        applicationId = try? container.decodeIfPresent(String.self, forKey: .applicationId)
        if applicationId == nil, let number = try? container.decodeIfPresent(Int.self, forKey: .applicationId) {
            applicationId = String(number)
        }
        submittedAt = try? container.decodeIfPresent(String.self, forKey: .submittedAt)
        caProvider = try? container.decodeIfPresent(String.self, forKey: .caProvider)
        quantity = try? container.decodeIfPresent(Int.self, forKey: .quantity)
        organization = (try? container.decodeIfPresent(Organization.self, forKey: .organization)) ?? Organization()
        applicant = (try? container.decodeIfPresent(Applicant.self, forKey: .applicant)) ?? Applicant()
        documents = (try? container.decodeIfPresent([String: String].self, forKey: .documents)) ?? [:]
    }

    /// The file named for `slot`, if the form names one.
    public func file(for slot: DocumentSlot) -> String? {
        documents[slot.rawValue].flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension ApplicationForm.Organization {
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try? container.decodeIfPresent(String.self, forKey: .name)
        kind = try? container.decodeIfPresent(String.self, forKey: .kind)
        certificateType = try? container.decodeIfPresent(String.self, forKey: .certificateType)
        creditCode = try? container.decodeIfPresent(String.self, forKey: .creditCode)
        registrationAuthority = try? container.decodeIfPresent(String.self, forKey: .registrationAuthority)
        registrationRegion = try? container.decodeIfPresent([String].self, forKey: .registrationRegion)
    }
}

extension ApplicationForm.Applicant {
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try? container.decodeIfPresent(String.self, forKey: .name)
        idNumber = try? container.decodeIfPresent(String.self, forKey: .idNumber)
        mobile = try? container.decodeIfPresent(String.self, forKey: .mobile)
        email = try? container.decodeIfPresent(String.self, forKey: .email)
    }
}

extension ApplicationForm {
    /// What the form says each field of a slot's document should read
    /// (contract field key → value; empty values left out). The checker
    /// verifies these against the scans; a review page shows them beside
    /// what was read.
    public func claims(for slot: DocumentSlot) -> [String: String] {
        let pairs: [(String, String?)] = switch slot {
        case .businessLicense: [("name", organization.name), ("creditCode", organization.creditCode),
                                ("registrationAuthority", organization.registrationAuthority)]
        case .idCardFront: [("name", applicant.name), ("idNumber", applicant.idNumber)]
        case .idCardBack: []
        case .authorizationLetter: [("principalName", organization.name), ("agentName", applicant.name),
                                    ("agentIdNumber", applicant.idNumber)]
        }
        var claims: [String: String] = [:]
        for (key, value) in pairs { if let value, !value.isEmpty { claims[key] = value } }
        return claims
    }

    /// The name each kind of seal should carry, per the form (the company's
    /// name and its registration authority); seals are read against them.
    public var sealNames: [SealKind: String] {
        var names: [SealKind: String] = [:]
        names[.company] = organization.name
        names[.registrationAuthority] = organization.registrationAuthority
        return names
    }
}
