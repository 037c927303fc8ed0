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
}
