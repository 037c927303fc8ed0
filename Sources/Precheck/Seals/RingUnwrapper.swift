import Foundation
import PrecheckNative

/// Polar-unwraps the ring-text band of a seal into a horizontal strip,
/// character tops up, read clockwise from the end of the text gap.
struct RingUnwrapper: Sendable {
    /// Glyph height in the strip, pixels (Tesseract reads 40-60 px glyphs well).
    var glyphHeight = 48.0
    /// Ring glyphs are about this share of the outer radius tall.
    var glyphShareOfRadius = 0.30
    /// White margin around the strip, pixels.
    var margin = 12
    /// Relative radii where the ring text lies, for finding its gap.
    var textCoreBand = 0.68...0.85
    /// A measured gap outside this range (degrees) is not trusted…
    var minGapDegrees = 60.0
    var maxGapDegrees = 200.0
    /// …and the gap is then taken as this wide (ring text usually covers about 230°).
    var usualGapDegrees = 130.0
    /// Angles sampled per 2° bin of the gap finder's ink profile.
    var profileSamplesPerBin = 4
    /// Extra angle (degrees) kept either side of the text.
    var angleMargin = 4.0
    /// A strip's full ink is the 95th percentile of its pixels darker than
    /// `minStripInk`, but never below `fullStripInkFloor` (a blank strip
    /// stays blank).
    var minStripInk: Float = 0.1
    var fullStripInkFloor: Float = 0.3

    /// The text's angular span: clockwise from `start` (radians, 0 = up) over `span` radians.
    ///
    /// The gap is looked for near the bottom (stamps are turned ±20° at
    /// most and the page is upright): the quietest 90° window there is its
    /// core, grown while the ink profile stays empty. When the gap cannot be
    /// measured (print under a grey seal fills it: on licences the issue
    /// date crosses the authority's seal), it is taken as the usual 130°
    /// centred at the bottom. (Centring it on the quietest window instead
    /// confirmed 1 of 30 authority seals on the B&W copies of seed 2039,
    /// the bottom 15: the date pulls the quietest window aside.)
    func textSpan(of seal: DetectedSeal, ink: SealInkImage) -> (start: Double, span: Double) {
        let bins = 180
        let profile = angularProfile(of: seal, ink: ink, bins: bins)
        let window = bins / 4, searchHalfWidth = bins / 8
        var quietest = bins / 2, quietestSum = Float.infinity
        for centre in (bins / 2 - searchHalfWidth)...(bins / 2 + searchHalfWidth) {
            var sum: Float = 0
            for offset in -window / 2...window / 2 { sum += profile[(centre + offset + bins) % bins] }
            if sum < quietestSum { quietest = centre; quietestSum = sum }
        }
        let typical = profile.sorted()[bins * 3 / 4]
        let isEmpty = { (bin: Int) in profile[(bin + bins) % bins] <= max(0.3, typical * 0.1) }
        var first = quietest, last = quietest
        while first > quietest - bins / 2, isEmpty(first - 1) { first -= 1 }
        while last < quietest + bins / 2, isEmpty(last + 1) { last += 1 }
        let binWidth = 2 * Double.pi / Double(bins)
        var gapStart = Double(first) * binWidth, gapLength = Double(last - first + 1) * binWidth
        if !isEmpty(quietest) || !(minGapDegrees...maxGapDegrees).contains(gapLength * 180 / .pi) {
            gapLength = usualGapDegrees * .pi / 180
            gapStart = .pi - gapLength / 2
        }
        let marginRadians = angleMargin * .pi / 180
        return (gapStart + gapLength - marginRadians, 2 * .pi - gapLength + 2 * marginRadians)
    }

    /// Ink summed over the text core band, per angle bin (bin 0 starts at the top, clockwise).
    ///
    /// Each bin is sampled at ``profileSamplesPerBin`` angles: a 2° bin is
    /// 4-5 pixels wide at the text on a letter's seal, and the strokes of a
    /// character such as 三 cross the band radially, thinner than that; with
    /// one angle per bin they fell between the samples and the gap grew over
    /// the character.
    private func angularProfile(of seal: DetectedSeal, ink: SealInkImage, bins: Int) -> [Float] {
        var profile = [Float](repeating: 0, count: bins)
        let samples = profileSamplesPerBin
        for bin in 0..<bins {
            for sample in 0..<samples {
                let theta = (Double(bin) + (Double(sample) + 0.5) / Double(samples)) / Double(bins) * 2 * .pi
                for step in 0..<8 {
                    let rho = textCoreBand.lowerBound + (textCoreBand.upperBound - textCoreBand.lowerBound) * Double(step) / 7
                    let point = seal.point(theta: theta, rho: rho)
                    profile[bin] += ink.darkness(atX: point.x, y: point.y) / Float(samples)
                }
            }
        }
        return profile
    }

    /// The band between relative radii `band` over the text span, as a grey strip
    /// (0 ink, 255 paper), widened by `stretch` (ring glyphs are packed tight).
    func strip(of seal: DetectedSeal, ink: SealInkImage, band: ClosedRange<Double>, span: (start: Double, span: Double),
               stretch: Double = 1) -> RingStrip {
        let radius = (seal.radiusX + seal.radiusY) / 2
        let pixelsPerRadius = glyphHeight / glyphShareOfRadius / radius
        let middle = (band.lowerBound + band.upperBound) / 2
        let height = max(8, Int((band.upperBound - band.lowerBound) * radius * pixelsPerRadius))
        let width = max(8, Int(span.span * middle * radius * pixelsPerRadius * stretch))
        var darkness = [Float](repeating: 0, count: width * height)
        for column in 0..<width {
            let theta = span.start + (Double(column) + 0.5) / Double(width) * span.span
            for row in 0..<height {
                let rho = band.upperBound - (Double(row) + 0.5) / Double(height) * (band.upperBound - band.lowerBound)
                let point = seal.point(theta: theta, rho: rho)
                darkness[row * width + column] = ink.darkness(atX: point.x, y: point.y)
            }
        }
        // The ring's border and star set the seal's full ink; its thin
        // characters come out fainter, so the strip is rescaled to its own ink.
        let inked = darkness.filter { $0 > minStripInk }.sorted()
        let full = inked.isEmpty ? 1 : max(fullStripInkFloor, inked[inked.count * 95 / 100])
        let fullWidth = width + 2 * margin, fullHeight = height + 2 * margin
        var pixels = [UInt8](repeating: 255, count: fullWidth * fullHeight)
        for row in 0..<height {
            for column in 0..<width {
                let value = min(1, darkness[row * width + column] / full)
                pixels[(row + margin) * fullWidth + column + margin] = UInt8(max(0, min(255, 255 - value * 255)))
            }
        }
        return RingStrip(raster: Raster(width: fullWidth, height: fullHeight, channels: 1, pixels: pixels),
                         seal: seal, ink: ink, band: band, span: span, textWidth: width, margin: margin, fullInk: full)
    }
}
