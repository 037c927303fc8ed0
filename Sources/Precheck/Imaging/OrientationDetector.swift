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
/// 2. **Direction**: the densest text lines are read as they stand and
///    turned by 180° (psm 7, ~15 ms each). Tesseract reads upside-down
///    Chinese with confident garbage, so no absolute confidence decides;
///    the upright reading leads by 0.2-0.35 on a typical line, and a lead
///    of ``decisiveMargin`` per line ends the test early.
public struct OrientationDetector: Sendable, Equatable {
    /// A mean-confidence lead per line that settles the direction early.
    public var decisiveMargin: Double = 0.15
    /// Lower confidence margin needed to prefer one direction at all.
    public var minMargin: Double = 0.08
    /// Lines tried at most.
    public var maxLines: Int = 3

    public init() {}

    /// The clockwise turn that makes the page upright, and a confidence 0-1.
    public func detect(grey: Raster, binary: Raster, engine: any OCREngine, dpi: Int) throws -> (turn: QuarterTurn, confidence: Double) {
        let character = max(8, Double(dpi) * 9.5 / 72)
        let horizontalText = try lineLength(binary, character: character, horizontal: true)
        let verticalText = try lineLength(binary, character: character, horizontal: false)
        // Lines horizontal: candidates 0/180; vertical: 90/270.
        let horizontal = horizontalText >= verticalText
        let baseTurn: QuarterTurn = horizontal ? .none : .clockwise90
        let axisConfidence = min(1, abs(horizontalText - verticalText) / max(horizontalText, verticalText, 1))

        let levelGrey = try grey.rotated(baseTurn)
        let levelBinary = try binary.rotated(baseTurn)
        var uprightScore = 0.0, flippedScore = 0.0
        for (index, band) in textBands(levelBinary).prefix(maxLines).enumerated() {
            let crop = levelGrey.cropped(to: band)
            uprightScore += try lineConfidence(crop, engine: engine, dpi: dpi)
            flippedScore += try lineConfidence(try crop.rotated(.upsideDown), engine: engine, dpi: dpi)
            if abs(uprightScore - flippedScore) >= decisiveMargin * Double(index + 1) { break }
        }
        if flippedScore > uprightScore + minMargin {
            let turn = QuarterTurn(rawValue: (baseTurn.rawValue + 180) % 360)!
            return (turn, min(1, flippedScore - uprightScore))
        }
        return (baseTurn, uprightScore > flippedScore ? min(1, uprightScore - flippedScore) : 0)
    }

    /// Mean symbol confidence of one line read with psm 7.
    public func lineConfidence(_ crop: Raster, engine: any OCREngine, dpi: Int) throws -> Double {
        let text = try engine.recognize(crop, RecognitionRequest(segmentation: .singleLine, dpi: dpi))
        let symbols = text.lines.flatMap(\.symbols)
        guard !symbols.isEmpty else { return 0 }
        return symbols.reduce(0) { $0 + $1.confidence } / Double(symbols.count)
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

    /// Bands of rows holding one text line each, tallest and densest first, each cut to
    /// at most ~30 line-heights of its inked width.
    public func textBands(_ binary: Raster) -> [PixelBox] {
        let w = binary.width, h = binary.height
        // Columns inked over most of the height are frames and rules, not text.
        var columnInk = [Int](repeating: 0, count: w)
        for y in stride(from: 0, to: h, by: 2) {
            for x in 0..<w where binary.pixels[y * w + x] < 128 { columnInk[x] += 1 }
        }
        let textColumns = stride(from: 0, to: w, by: 2).filter { columnInk[$0] * 2 < h * 4 / 10 }
        var rowInk = [Int](repeating: 0, count: h)
        for y in 0..<h {
            var ink = 0
            for x in textColumns where binary.pixels[y * w + x] < 128 { ink += 1 }
            rowInk[y] = ink
        }
        let threshold = max(2, w / 400)
        var bands: [(start: Int, end: Int, ink: Int)] = []
        var y = 0
        while y < h {
            if rowInk[y] > threshold {
                let start = y
                var ink = 0
                while y < h, rowInk[y] > threshold { ink += rowInk[y]; y += 1 }
                bands.append((start, y, ink))
            } else { y += 1 }
        }
        let heights = bands.map { $0.end - $0.start }.sorted()
        guard !heights.isEmpty else { return [] }
        let typical = heights[heights.count / 2]
        let lines = bands.filter { band in
            let height = band.end - band.start
            // A row inked across most of the text columns is a rule, not text.
            let solid = rowInk[band.start..<band.end].max() ?? 0
            return height >= max(8, typical / 2) && height <= typical * 2 && height <= h / 10
                && solid * 10 < textColumns.count * 6
        }
        // Small print reads unreliably either way up: prefer tall, dense lines.
        return lines.sorted { $0.ink * ($0.end - $0.start) > $1.ink * ($1.end - $1.start) }.map { band in
            let height = band.end - band.start
            // Horizontal extent of the ink in this band.
            var left = w, right = 0
            for yy in band.start..<band.end {
                for x in textColumns where binary.pixels[yy * w + x] < 128 {
                    left = min(left, x); right = max(right, x)
                }
            }
            let width = min(max(1, right - left + 1), height * 30)
            let margin = height / 3
            return PixelBox(x: left, y: band.start, width: width, height: height)
                .expanded(by: margin, within: (w, h))
        }
    }
}
