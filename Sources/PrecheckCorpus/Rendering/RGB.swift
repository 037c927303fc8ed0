/// An sRGB colour.
public struct RGB: Sendable, Equatable, Codable {
    public var r: UInt8, g: UInt8, b: UInt8

    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r; self.g = g; self.b = b
    }

    public static let black = RGB(20, 20, 22)
    public static let white = RGB(255, 255, 255)
    public static let sealRed = RGB(214, 30, 38)
    public static let paper = RGB(250, 249, 245)
}
