/// How an applicant scanned all four documents; the generator gives each
/// application one style so that the corpus covers them evenly.
public enum ScanStyle: String, Sendable, Codable, CaseIterable {
    case clean, skewed, turned, phonePhoto, soft, lowResolution, compressed, photocopy

    /// The degradations a style applies to each scan.
    var degradations: [Degradation] {
        switch self {
        case .clean: []
        case .skewed: [.skew]
        case .turned: [.quarterTurn]
        case .phonePhoto: [.phonePhoto]
        case .soft: [.blur, .noise]
        case .lowResolution: [.lowResolution]
        case .compressed: [.jpegArtefacts, .noise]
        case .photocopy: [.skew]
        }
    }
}
