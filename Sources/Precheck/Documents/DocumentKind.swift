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

    /// Whether a black-and-white copy of this kind of document is accepted
    /// when the company's seal is stamped on it: licences and ID cards.
    /// (The letter must carry the red seal itself.)
    var mayBeCopied: Bool {
        switch self {
        case .businessLicense, .creditCodeCertificate, .idCardFront, .idCardBack: true
        case .authorizationLetter, .unknown: false
        }
    }
}
