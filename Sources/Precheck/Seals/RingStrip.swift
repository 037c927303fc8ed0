import Foundation
import PrecheckNative

/// A seal's unwrapped text band (see ``RingUnwrapper``) together with the
/// geometry it was unwrapped with, so that a stretch of it can be taken
/// again from the page as the seal maker drew it.
///
/// Seal characters are cut upright towards the centre, not bent along the
/// ring: in the polar strip each glyph's outer half comes out narrower than
/// its inner half (by the ratio of the band's radii, ~1.5). A
/// ``glyphPatch(columns:)`` samples the glyph on straight axes turned to
/// its angle instead, which keeps its shape.
struct RingStrip: Sendable {
    /// The strip, grey: 0 ink, 255 paper; the text band starts `margin` pixels in.
    let raster: Raster
    let seal: DetectedSeal
    let ink: SealInkImage
    /// Relative radii of the band (1 = outer ring).
    let band: ClosedRange<Double>
    /// Clockwise angles covered: from `start` over `span` radians.
    let span: (start: Double, span: Double)
    /// Columns of the band, without margins.
    let textWidth: Int
    let margin: Int
    /// The seal ink darkness the strip shows as full black.
    let fullInk: Float

    /// The glyph between strip columns `columns` (raster coordinates, margin
    /// included), sampled on axes turned to the glyph's angle: rows run
    /// across the band like the strip's, columns along the tangent at the
    /// glyph's centre, at the strip's spacing on the band's middle radius.
    /// Darkness 0 paper … 1 ink, row-major.
    func glyphPatch(columns: ClosedRange<Double>) -> (darkness: [Float], width: Int, height: Int) {
        let height = raster.height - 2 * margin
        let width = max(1, Int((columns.upperBound - columns.lowerBound).rounded()))
        let middle = (band.lowerBound + band.upperBound) / 2
        // Relative arc length (radius units) per strip column on the middle radius.
        let step = span.span * middle / Double(textWidth)
        let centreColumn = (columns.lowerBound + columns.upperBound) / 2 - Double(margin)
        let theta = span.start + centreColumn / Double(textWidth) * span.span
        let (radialX, radialY) = (sin(theta), -cos(theta)), (tangentX, tangentY) = (cos(theta), sin(theta))
        var darkness = [Float](repeating: 0, count: width * height)
        for row in 0..<height {
            let rho = band.upperBound - (Double(row) + 0.5) / Double(height) * (band.upperBound - band.lowerBound)
            for column in 0..<width {
                let along = (Double(column) + 0.5 - Double(width) / 2) * step
                let x = seal.centreX + (rho * radialX + along * tangentX) * seal.radiusX
                let y = seal.centreY + (rho * radialY + along * tangentY) * seal.radiusY
                darkness[row * width + column] = min(1, ink.darkness(atX: x, y: y) / fullInk)
            }
        }
        return (darkness, width, height)
    }
}
