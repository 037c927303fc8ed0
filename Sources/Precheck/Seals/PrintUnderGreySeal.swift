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
struct PrintUnderGreySeal {
    let page: CleanedPage
    let seal: DetectedSeal
    /// Grey levels at or above this are not print: halfway between the
    /// seal's median border level and the darkest print
    /// (``SealInkImage/printCutoff(_:seal:region:sealPercentile:)``; with
    /// the ring reader's 90th percentile 7 dates came right instead of 21);
    /// 0 where the copy made the seal as dark as the print.
    let darkestPaper: UInt8

    /// Measures the seal's level against the print around it, once per seal.
    init(page: CleanedPage, seal: DetectedSeal) {
        let (region, raw) = SealInkImage.rawInk(of: seal, on: page)
        let cutoff = SealInkImage.printCutoff(raw, seal: seal, region: region, sealPercentile: 50)
        self.page = page
        self.seal = seal
        self.darkestPaper = cutoff.map { UInt8(max(0, min(255, 255 - $0))) } ?? 0
    }

    /// `page.grey` over `region`, with the pixels on the seal's border
    /// stroke (``borderBand``) set to paper (255), except print: pixels
    /// darker than ``darkestPaper``, and strokes that cross the border (ink
    /// just inside and just outside it on the same ray).
    func grey(in region: PixelBox) -> Raster {
        let grey = page.grey
        func isInk(_ x: Double, _ y: Double) -> Bool {
            let (column, row) = (Int(x), Int(y))
            guard column >= 0, row >= 0, column < grey.width, row < grey.height else { return false }
            return grey[column, row] < Self.inkLevel
        }
        var kept = grey.cropped(to: region)
        for y in 0..<kept.height {
            for x in 0..<kept.width where kept[x, y] >= darkestPaper {
                let dx = Double(region.x + x) + 0.5 - seal.centreX, dy = Double(region.y + y) + 0.5 - seal.centreY
                let u = dx / seal.radiusX, v = dy / seal.radiusY
                let rho = (u * u + v * v).squareRoot()
                guard Self.borderBand.contains(rho) else { continue }
                let inner = (Self.borderBand.lowerBound - 0.02) / rho, outer = (Self.borderBand.upperBound + 0.02) / rho
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
