import PrecheckNative

/// A seal as drawn, for ground truth.
public struct SealTruth: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case registrationAuthority, company
    }
    public var kind: Kind
    public var text: String
    public var box: PixelBox
    public var colour: String
}

/// A rendered page with where everything was drawn.
public struct RenderedDocument: Sendable {
    public var canvas: Canvas
    /// Field key → box of the value, in page pixels.
    public var fieldBoxes: [String: PixelBox] = [:]
    public var seals: [SealTruth] = []
    /// The dashed box for the company seal (authorization letter only).
    public var sealBox: PixelBox?
}
