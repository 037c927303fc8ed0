import Foundation
import PrecheckNative

/// The ink colour of a detected seal.
public enum SealColour: String, Sendable, Codable {
    /// Red seal ink, as stamped on an original or on a copy.
    case red
    /// A seal that a black-and-white copy turned grey.
    case grey
}

/// A seal found on a cleaned page (working-image coordinates).
public struct DetectedSeal: Sendable, Equatable {
    /// Centre of the seal's outer ring, x.
    public var centreX: Double
    /// Centre of the seal's outer ring, y.
    public var centreY: Double
    /// Horizontal semi-axis of the outer ring (a phone photo makes seals slightly elliptical).
    public var radiusX: Double
    /// Vertical semi-axis of the outer ring.
    public var radiusY: Double
    /// Bounding box of the ellipse, working image.
    public var box: PixelBox
    /// Red ink, or grey on a black-and-white copy.
    public var colour: SealColour
    /// 0-1, how seal-like: an inked outer ring all round plus a centre star or ring text.
    public var score: Double

    /// A seal with the given ellipse; `box` is derived from it.
    public init(centreX: Double, centreY: Double, radiusX: Double, radiusY: Double, colour: SealColour, score: Double) {
        self.centreX = centreX
        self.centreY = centreY
        self.radiusX = radiusX
        self.radiusY = radiusY
        self.box = PixelBox(x: Int((centreX - radiusX).rounded(.down)), y: Int((centreY - radiusY).rounded(.down)),
                            width: Int((2 * radiusX).rounded(.up)), height: Int((2 * radiusY).rounded(.up)))
        self.colour = colour
        self.score = score
    }

    /// The point at clockwise angle `theta` (radians, 0 = up) and relative radius `rho` (1 = outer ring).
    func point(theta: Double, rho: Double) -> (x: Double, y: Double) {
        (centreX + rho * radiusX * sin(theta), centreY - rho * radiusY * cos(theta))
    }
}

extension DetectedSeal {
    /// Whether the point lies inside the seal's ellipse with its semi-axes scaled by `scale`.
    func contains(x: Double, y: Double, scale: Double = 1) -> Bool {
        let u = (x - centreX) / (radiusX * scale), v = (y - centreY) / (radiusY * scale)
        return u * u + v * v < 1
    }

    /// Share (0-1) of the seal's ellipse area lying inside `box`.
    ///
    /// Measured on a 64×64 grid of sample points over the ellipse's bounding box.
    public func fractionInside(_ box: PixelBox) -> Double {
        let steps = 64
        var inEllipse = 0, inBoth = 0
        for row in 0..<steps {
            let v = (Double(row) + 0.5) / Double(steps) * 2 - 1
            for column in 0..<steps {
                let u = (Double(column) + 0.5) / Double(steps) * 2 - 1
                guard u * u + v * v <= 1 else { continue }
                inEllipse += 1
                let x = centreX + u * radiusX, y = centreY + v * radiusY
                if box.contains(x: x, y: y) { inBoth += 1 }
            }
        }
        return inEllipse == 0 ? 0 : Double(inBoth) / Double(inEllipse)
    }
}
