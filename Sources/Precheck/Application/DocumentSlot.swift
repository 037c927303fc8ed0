/// The four documents an application must carry (contract §2), by their
/// keys in `application.json` and the verdict.
public enum DocumentSlot: String, Sendable, Codable, CaseIterable, CodingKeyRepresentable, Comparable {
    case businessLicense, idCardFront, idCardBack, authorizationLetter

    public static func < (a: DocumentSlot, b: DocumentSlot) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
