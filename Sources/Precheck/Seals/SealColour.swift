/// The ink colour of a seal as it appears on the scan.
public enum SealColour: String, Sendable, Codable {
    /// Stamped in red ink (an original seal).
    case red
    /// Grey or black: a seal that was photocopied with the page.
    case grey
}
