import PrecheckNative

/// Print that a black-and-white copy laid a grey seal over, with the seal's
/// border stroke taken away.
///
/// On a licence the issue date is printed across the bottom of the
/// registration authority's seal, below its ring text. On an original the
/// seal is red and cleanup drops it; a copy turns it grey, and Tesseract
/// reads the border's arc through the date's digits as more characters
/// (seed 2045: 53 of 56 copied licences lost their issue date, read as
/// `20&0年07月17`).
enum PrintUnderGreySeal {
    /// `page.grey` over `region`, with the pixels on the seal's border
    /// stroke (``borderBand``) set to paper (255), except print: pixels
    /// darker than the copy's seal ink where the copy kept the print clearly
    /// darker (``SealInkImage/printCutoff(_:seal:region:sealPercentile:)``
    /// with the seal's median level: 21 dates right against 7 with the
    /// ring reader's 90th percentile), and strokes
    /// that cross the border (ink just inside and just outside it on the
    /// same ray).
    static func grey(of page: CleanedPage, in region: PixelBox, under seal: DetectedSeal) -> Raster {
        let grey = page.grey
        let sealRegion = seal.box.expanded(by: 4, within: (grey.width, grey.height))
        var raw = [Float](repeating: 0, count: sealRegion.area)
        for y in 0..<sealRegion.height {
            for x in 0..<sealRegion.width {
                raw[y * sealRegion.width + x] = Float(255 - Int(grey[sealRegion.x + x, sealRegion.y + y]))
            }
        }
        let cutoff = SealInkImage.printCutoff(raw, seal: seal, region: sealRegion, sealPercentile: 50)
        let darkestPaper = cutoff.map { UInt8(max(0, min(255, 255 - $0))) } ?? 0
        func isInk(_ x: Double, _ y: Double) -> Bool {
            let (column, row) = (Int(x), Int(y))
            guard column >= 0, row >= 0, column < grey.width, row < grey.height else { return false }
            return grey[column, row] < inkLevel
        }
        var kept = grey.cropped(to: region)
        for y in 0..<kept.height {
            for x in 0..<kept.width where kept[x, y] >= darkestPaper {
                let dx = Double(region.x + x) + 0.5 - seal.centreX, dy = Double(region.y + y) + 0.5 - seal.centreY
                let u = dx / seal.radiusX, v = dy / seal.radiusY
                let rho = (u * u + v * v).squareRoot()
                guard borderBand.contains(rho) else { continue }
                let inner = (borderBand.lowerBound - 0.02) / rho, outer = (borderBand.upperBound + 0.02) / rho
                let crossed = isInk(seal.centreX + dx * inner, seal.centreY + dy * inner)
                    && isInk(seal.centreX + dx * outer, seal.centreY + dy * outer)
                if !crossed { kept[x, y] = 255 }
            }
        }
        return kept
    }

    /// Relative radii (1 = the fitted outer ring) of the seal's border
    /// stroke. Chosen on seed 2045's 53 copied licences with an issue
    /// date: 0.86…1.08 gave 15 dates right (and erased digits), 0.93…1.04
    /// 19, 0.95…1.04 11, **0.91…1.04 21**, 0.89…1.05 19.
    static let borderBand = 0.91...1.04

    /// Grey levels below this count as ink when telling a stroke that
    /// crosses the border from the border itself.
    static let inkLevel: UInt8 = 140
}
