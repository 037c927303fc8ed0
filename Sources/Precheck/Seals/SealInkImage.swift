import PrecheckNative

/// Ink darkness (0 paper … 1 full ink) of one seal's surroundings, taken
/// only from the seal's own ink: for a red seal the red chroma, so black
/// text under the seal stays white; for a grey seal the grey level, without
/// the print that is clearly darker than the seal (see ``withoutPrint(_:seal:region:)``).
struct SealInkImage: Sendable {
    /// Page coordinates of the region held.
    let region: PixelBox
    /// Row-major darkness over `region`.
    let darkness: [Float]

    /// Widest hue (degrees from pure red) still counted as seal ink.
    static let maxHueDegrees = 35.0

    init(seal: DetectedSeal, page: CleanedPage) {
        var (region, raw) = Self.rawInk(of: seal, on: page)
        if seal.colour == .grey { raw = Self.withoutPrint(raw, seal: seal, region: region) }
        // Full ink is the 95th percentile of the inked pixels, so faded stamps read as dark as fresh ones.
        let inked = raw.filter { $0 > 25 }.sorted()
        let full = max(60, inked.isEmpty ? 60 : inked[inked.count * 95 / 100])
        let floor: Float = seal.colour == .red ? 15 : 40
        darkness = raw.map { max(0, min(1, ($0 - floor) / (0.85 * full - floor))) }
        self.region = region
    }

    /// The seal's surroundings (its box and 4 pixels more) and their raw
    /// ink, row-major: red chroma for a red seal, 255 − grey for a grey one.
    static func rawInk(of seal: DetectedSeal, on page: CleanedPage) -> (region: PixelBox, raw: [Float]) {
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
        return (region, raw)
    }

    /// Grey-seal darkness with black print removed. A black-and-white copy
    /// turns the red seal mid-grey while print stays black, and on licences
    /// the issue date is printed across the authority's seal. The seal's
    /// own level is the 90th percentile, round the ring, of the darkest
    /// pixel on each ray through its border; when the darkest print in the
    /// region (99th percentile) is clearly darker (the seal level is under
    /// ``maxSealShareOfPrint`` of it), pixels darker than halfway between
    /// the two, grown by ``printGrowth`` pixels for their anti-aliased
    /// edges, are taken as print and cleared. A seal as dark as the print
    /// is left whole.
    static func withoutPrint(_ raw: [Float], seal: DetectedSeal, region: PixelBox) -> [Float] {
        guard let cutoff = printCutoff(raw, seal: seal, region: region, sealPercentile: 90) else { return raw }
        var cleared = raw
        for y in 0..<region.height {
            for x in 0..<region.width where raw[y * region.width + x] > cutoff {
                for dy in -printGrowth...printGrowth {
                    for dx in -printGrowth...printGrowth {
                        let (nx, ny) = (x + dx, y + dy)
                        if nx >= 0, ny >= 0, nx < region.width, ny < region.height { cleared[ny * region.width + nx] = 0 }
                    }
                }
            }
        }
        return cleared
    }

    /// The darkness halfway between a grey seal's own level and the
    /// darkest print over `region` (see ``withoutPrint(_:seal:region:)``),
    /// or `nil` when the print is not clearly darker than the seal.
    ///
    /// - Parameters:
    ///   - raw: row-major darkness (255 − grey) over `region`.
    ///   - sealPercentile: which percentile, round the ring, of the darkest
    ///     pixel on each ray through the border is the seal's level. Taking
    ///     print away from the seal errs towards keeping the seal (90);
    ///     taking the seal away from print errs towards keeping the print
    ///     (50, ``PrintUnderGreySeal``).
    static func printCutoff(_ raw: [Float], seal: DetectedSeal, region: PixelBox, sealPercentile: Int) -> Float? {
        let rays = 180
        var border: [Float] = []
        for ray in 0..<rays {
            let theta = Double(ray) / Double(rays) * 2 * .pi
            var darkest: Float = 0
            for step in 0...6 {
                let point = seal.point(theta: theta, rho: 0.9 + 0.02 * Double(step))
                let x = Int(point.x) - region.x, y = Int(point.y) - region.y
                guard x >= 0, y >= 0, x < region.width, y < region.height else { continue }
                darkest = max(darkest, raw[y * region.width + x])
            }
            border.append(darkest)
        }
        let sealLevel = border.sorted()[rays * sealPercentile / 100]
        let inked = raw.filter { $0 > 25 }.sorted()
        guard !inked.isEmpty else { return nil }
        let printLevel = inked[inked.count * 99 / 100]
        guard sealLevel < maxSealShareOfPrint * printLevel else { return nil }
        return (sealLevel + printLevel) / 2
    }

    static let maxSealShareOfPrint: Float = 0.8
    static let printGrowth = 2

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
