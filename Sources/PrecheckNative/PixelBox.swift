/// An axis-aligned rectangle in pixel coordinates, `[x, y, width, height]`.
///
/// Encodes as the JSON array `[x, y, w, h]` the verdict contract uses.
public struct PixelBox: Sendable, Hashable, Codable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var area: Int { max(0, width) * max(0, height) }
    public var centerX: Double { Double(x) + Double(width) / 2 }
    public var centerY: Double { Double(y) + Double(height) / 2 }
    public var description: String { "[\(x), \(y), \(width), \(height)]" }

    /// Whether the point lies inside the box.
    public func contains(x px: Double, y py: Double) -> Bool {
        px >= Double(x) && px < Double(maxX) && py >= Double(y) && py < Double(maxY)
    }

    /// The smallest box holding both.
    public func union(_ other: PixelBox) -> PixelBox {
        let left = min(x, other.x), top = min(y, other.y)
        return PixelBox(x: left, y: top, width: max(maxX, other.maxX) - left, height: max(maxY, other.maxY) - top)
    }

    /// The overlap, or `nil` when the boxes do not meet.
    public func intersection(_ other: PixelBox) -> PixelBox? {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return nil }
        return PixelBox(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Grows by `margin` on every side, then clips to `width`×`height`.
    public func expanded(by margin: Int, within bounds: (width: Int, height: Int)) -> PixelBox {
        let left = max(0, x - margin), top = max(0, y - margin)
        let right = min(bounds.width, maxX + margin), bottom = min(bounds.height, maxY + margin)
        return PixelBox(x: left, y: top, width: max(0, right - left), height: max(0, bottom - top))
    }

    /// The part of the box inside an image of the given size.
    public func clipped(to bounds: (width: Int, height: Int)) -> PixelBox {
        let left = max(0, x), top = max(0, y)
        let right = min(bounds.width, maxX), bottom = min(bounds.height, maxY)
        return PixelBox(x: left, y: top, width: max(0, right - left), height: max(0, bottom - top))
    }

    public init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        self.init(x: try container.decode(Int.self), y: try container.decode(Int.self),
                  width: try container.decode(Int.self), height: try container.decode(Int.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(x)
        try container.encode(y)
        try container.encode(width)
        try container.encode(height)
    }
}
