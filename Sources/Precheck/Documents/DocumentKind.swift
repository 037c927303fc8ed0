/// What a scan shows.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    case businessLicense, creditCodeCertificate, idCardFront, idCardBack, authorizationLetter, unknown

    /// The slot this kind of document belongs in.
    public var slot: DocumentSlot? {
        switch self {
        case .businessLicense, .creditCodeCertificate: .businessLicense
        case .idCardFront: .idCardFront
        case .idCardBack: .idCardBack
        case .authorizationLetter: .authorizationLetter
        case .unknown: nil
        }
    }

    /// A business licence or a credit-code certificate: the kinds that bear
    /// the registration authority's seal.
    public var isLicence: Bool { slot == .businessLicense }
}
