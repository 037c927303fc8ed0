/// The four documents an application must carry (contract §2), by their
/// keys in `application.json` and the verdict.
public enum DocumentSlot: String, Sendable, Codable, CaseIterable, CodingKeyRepresentable, Comparable {
    case businessLicense, idCardFront, idCardBack, authorizationLetter

    /// Whether a black-and-white copy may stand in this slot when the
    /// company's seal is stamped on it: the licence and the ID card's
    /// sides. (The letter must carry the red seal itself.)
    public var acceptsSealedCopy: Bool {
        switch self {
        case .businessLicense, .idCardFront, .idCardBack: true
        case .authorizationLetter: false
        }
    }

    public static func < (a: DocumentSlot, b: DocumentSlot) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
