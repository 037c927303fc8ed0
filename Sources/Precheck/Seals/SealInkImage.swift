import PrecheckNative

/// Ink darkness (0 paper … 1 full ink) of one seal's surroundings, taken
/// only from the seal's own ink: for a red seal the red chroma, so black
/// text under the seal stays white; for a grey seal the grey level.
struct SealInkImage: Sendable {
    /// Page coordinates of the region held.
    let region: PixelBox
    /// Row-major darkness over `region`.
    let darkness: [Float]

    /// Widest hue (degrees from pure red) still counted as seal ink.
    static let maxHueDegrees = 35.0

    init(seal: DetectedSeal, page: CleanedPage) {
        let region = seal.box.expanded(by: 4, within: (page.colour.width, page.colour.height))
        var raw = [Float](repeating: 0, count: region.area)
        for y in 0..<region.height {
            for x in 0..<region.width {
                let index = (region.y + y) * page.colour.width + region.x + x
                raw[y * region.width + x] = seal.colour == .red
                    ? Self.redChroma(page.colour.pixels, index)
                    : Float(255 - Int(page.grey.pixels[index]))
            }
        }
        // Full ink is the 95th percentile of the inked pixels, so faded stamps read as dark as fresh ones.
        let inked = raw.filter { $0 > 25 }.sorted()
        let full = max(60, inked.isEmpty ? 60 : inked[inked.count * 95 / 100])
        let floor: Float = seal.colour == .red ? 15 : 40
        darkness = raw.map { max(0, min(1, ($0 - floor) / (0.85 * full - floor))) }
        self.region = region
    }

    /// The red chroma at RGB pixel `index` (see ``RedInkSeparator/redChroma(_:_:_:maxHueDegrees:)``).
    private static func redChroma(_ rgb: [UInt8], _ index: Int) -> Float {
        Float(RedInkSeparator.redChroma(Int(rgb[index * 3]), Int(rgb[index * 3 + 1]), Int(rgb[index * 3 + 2]),
                                        maxHueDegrees: maxHueDegrees))
    }

    /// Bilinear darkness at page point (x, y); 0 outside the region.
    func darkness(atX x: Double, y: Double) -> Float {
        let lx = x - Double(region.x) - 0.5, ly = y - Double(region.y) - 0.5
        let x0 = Int(lx.rounded(.down)), y0 = Int(ly.rounded(.down))
        guard x0 >= 0, y0 >= 0, x0 + 1 < region.width, y0 + 1 < region.height else { return 0 }
        let fx = Float(lx - Double(x0)), fy = Float(ly - Double(y0))
        let top = darkness[y0 * region.width + x0] * (1 - fx) + darkness[y0 * region.width + x0 + 1] * fx
        let bottom = darkness[(y0 + 1) * region.width + x0] * (1 - fx) + darkness[(y0 + 1) * region.width + x0 + 1] * fx
        return top * (1 - fy) + bottom * fy
    }
}
