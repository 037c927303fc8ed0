import Foundation
import PrecheckNative

/// Finds how far a page is turned (0, 90, 180 or 270° clockwise).
///
/// Cheaper than Tesseract's OSD (~300 ms a page here) and made for Chinese
/// documents, whose square characters give OSD little to go on:
/// 1. **Axis**: closing the binary page with a wide, flat brick merges the
///    characters of each horizontal line into one long component; a tall,
///    narrow brick does the same for vertical lines. The direction that
///    yields more line-shaped text is the direction of the lines.
/// 2. **Direction**: the body lines with the most characters are read as
///    they stand and turned by 180° (psm 7, ~15 ms each), scoring only Han
///    characters (digits read alike both ways up). Tesseract reads
///    upside-down Chinese with confident garbage, so no absolute confidence
///    decides; the upright reading leads by 0.2-0.35 on a typical line, and
///    a lead of ``decisiveMargin`` per line ends the test early.
public struct OrientationDetector: Sendable, Equatable {
    /// A mean-confidence lead per line that settles the direction early.
    public var decisiveMargin: Double = 0.15
    /// Lower confidence margin needed to prefer one direction at all.
    public var minMargin: Double = 0.08
    /// Lines tried at most.
    public var maxLines: Int = 3
    /// Whether step 2 runs. Without it the page is only levelled (0 or
    /// 90°) and a caller that reads the page anyway settles which way up
    /// it is (see ``DocumentReader``), which saves the direction test's
    /// OCR on the pages that come the right way up.
    public var readsDirection = true

    public init() {}

    /// The clockwise turn that makes the page upright, and a confidence 0-1.
    public func detect(grey: Raster, binary: Raster, engine: any OCREngine, dpi: Int) throws -> (turn: QuarterTurn, confidence: Double) {
        let character = max(8, Double(dpi) * 9.5 / 72)
        let horizontalText = try lineLength(binary, character: character, horizontal: true)
        let verticalText = try lineLength(binary, character: character, horizontal: false)
        // Lines horizontal: candidates 0/180; vertical: 90/270.
        let horizontal = horizontalText >= verticalText
        let baseTurn: QuarterTurn = horizontal ? .none : .clockwise90
        guard readsDirection else { return (baseTurn, 0) }

        let levelGrey = try grey.rotated(baseTurn)
        let levelBinary = try binary.rotated(baseTurn)
        var uprightScore = 0.0, flippedScore = 0.0
        var informative = 0
        let lines = try TextLineFinder().lines(binary: levelBinary, characterHeight: character)
        // Ordinary body lines (near the median height) with many characters:
        // titles fused with logos or QR blocks, and small print, mislead.
        let heights = lines.map(\.box.height).sorted()
        let typical = heights.isEmpty ? 0 : heights[heights.count / 2]
        let bands = lines.filter { 10 * $0.box.height >= 7 * typical && 10 * $0.box.height <= 15 * typical }
            .sorted { $0.components > $1.components }
            .map { line -> PixelBox in
                // A dozen characters show the direction as well as a whole
                // line, at a fraction of the cost: take the line's middle.
                var box = line.box
                let width = min(box.width, box.height * 12)
                box.x += (box.width - width) / 2
                box.width = width
                return box.expanded(by: box.height / 4, within: (levelBinary.width, levelBinary.height))
            }
        for band in bands.prefix(maxLines + 3) {
            let crop = levelGrey.cropped(to: band)
            let upright = try lineScore(crop, engine: engine, dpi: dpi)
            let flipped = try lineScore(try crop.rotated(.upsideDown), engine: engine, dpi: dpi)
            // Digits and Latin read much the same either way up: only lines
            // with Han characters tell the direction.
            guard max(upright, flipped) >= 0.2 else { continue }
            uprightScore += upright
            flippedScore += flipped
            informative += 1
            if abs(uprightScore - flippedScore) >= decisiveMargin * Double(informative) || informative >= maxLines { break }
        }
        if flippedScore > uprightScore + minMargin {
            let turn = QuarterTurn(rawValue: (baseTurn.rawValue + 180) % 360)!
            return (turn, min(1, flippedScore - uprightScore))
        }
        return (baseTurn, uprightScore > flippedScore ? min(1, uprightScore - flippedScore) : 0)
    }

    /// Confidence of the Han characters of one line read with psm 7, per
    /// character read (so a line read as Latin junk scores low).
    public func lineScore(_ crop: Raster, engine: any OCREngine, dpi: Int) throws -> Double {
        let text = try engine.recognize(crop, RecognitionRequest(segmentation: .singleLine, dpi: dpi))
        let symbols = text.symbols
        guard !symbols.isEmpty else { return 0 }
        let han = symbols.filter { $0.text.contains(where: \.isHanCharacter) }
        return han.reduce(0) { $0 + $1.confidence } / Double(symbols.count)
    }

    /// Total length of line-shaped components (text lines) after closing
    /// along one direction: at least 3× longer than thick, and as thick as
    /// a character (thin rules and frames do not count).
    func lineLength(_ binary: Raster, character: Double, horizontal: Bool) throws -> Double {
        let size = Int(character * 0.9)
        let boxes = try Leptonica.components(binary: binary, closingWidth: horizontal ? size : 1,
                                             closingHeight: horizontal ? 1 : size)
        var total = 0.0
        for box in boxes {
            let length = Double(horizontal ? box.width : box.height)
            let thickness = Double(horizontal ? box.height : box.width)
            if length >= 3 * thickness && thickness >= 0.5 * character && thickness <= 2.5 * character {
                total += length
            }
        }
        return total
    }

}
