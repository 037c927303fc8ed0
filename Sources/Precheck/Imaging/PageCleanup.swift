import Foundation
import PrecheckNative

/// Settings for ``PageCleaner``. Defaults suit A4 scans and ID cards.
public struct CleanupOptions: Sendable, Equatable {
    /// The working image's long side is at most this many pixels…
    public var maxLongSide: Int = 2200
    /// …and, for small inputs, enlarged (up to 2×) towards this many (a 300 dpi
    /// ID card is left as it is: enlarging it read worse and cost more).
    public var minLongSide: Int = 1000
    /// Detect 90/180/270° turns (see ``OrientationDetector``).
    public var detectOrientation: Bool = true
    public var orientation = OrientationDetector()
    /// Deskew range, in degrees either way.
    public var maxSkewDegrees: Double = 10
    /// Below this Leptonica confidence the skew estimate is ignored.
    public var minSkewConfidence: Double = 1.2
    public var redInk = RedInkSeparator()

    public init() {}
}

/// A scan made ready for reading, in several variants, plus the transform
/// back to the uploaded image.
public struct CleanedPage: Sendable {
    /// Upright, deskewed, borders cropped (RGB).
    public var colour: Raster
    /// Luminance of ``colour``.
    public var grey: Raster
    /// For OCR of printed text: red ink dropped out, lighting flattened.
    public var ocrGrey: Raster
    /// ``ocrGrey`` thresholded (Sauvola): 0 = ink, 255 = paper.
    public var binary: Raster
    /// 255 where the colour scan has red (seal) ink.
    public var redInk: Raster
    /// Working image → uploaded image.
    public var transform: PageTransform
    public var quality: QualityMeasures
    /// On a photo (``QualityMeasures/isPhotographed``), the document's
    /// extent in working pixels: what lies outside it is the table or wall
    /// around the page. `nil` for scans.
    public var documentBox: PixelBox?
    /// Confidence in the turn applied, 0-1 (0 when not measured).
    public var orientationConfidence: Double
    /// Leptonica's confidence in the skew angle applied (0 when none).
    public var skewConfidence: Double

    /// Maps a working-image box to the uploaded image's coordinates.
    public func sourceBox(_ box: PixelBox) -> PixelBox { transform.toSource(box) }
    /// The estimated resolution to give the OCR engine.
    public var dpi: Int { Int(quality.estimatedDPI.rounded()) }
}

/// Normalises a decoded upload: working resolution, dark borders cropped,
/// page turned upright and deskewed, lighting flattened, red ink separated.
public struct PageCleaner: Sendable {
    public var options: CleanupOptions

    public init(options: CleanupOptions = CleanupOptions()) {
        self.options = options
    }

    /// Cleans `image`. With `engine`, 90/180/270° turns are detected;
    /// `forcedTurn` overrides detection (used when a later stage finds the
    /// page sideways).
    public func clean(_ image: DecodedImage, engine: (any OCREngine)? = nil, forcedTurn: QuarterTurn? = nil) throws -> CleanedPage {
        // 1. Working resolution.
        let longSide = max(image.raster.width, image.raster.height)
        var scale = 1.0
        if longSide > options.maxLongSide { scale = Double(options.maxLongSide) / Double(longSide) }
        else if longSide < options.minLongSide { scale = min(2, Double(options.minLongSide) / Double(longSide)) }
        var colour = try image.raster.resized(by: scale)
        var transform = PageTransform(sourceWidth: image.sourceWidth, sourceHeight: image.sourceHeight,
                                      scale: Double(colour.width) / Double(image.sourceWidth))
        transform.cropWidth = colour.width
        transform.cropHeight = colour.height

        // 2. Dark scanner borders.
        var grey = colour.grey()
        let content = darkBorderCrop(grey)
        let darkSurroundShare = 1 - Double(content.area) / Double(max(1, grey.pixelCount))
        if content.width != grey.width || content.height != grey.height {
            colour = colour.cropped(to: content)
            grey = grey.cropped(to: content)
            transform.cropX = content.x; transform.cropY = content.y
            transform.cropWidth = content.width; transform.cropHeight = content.height
        }

        // 3. Quarter turns.
        let firstBinary = try Leptonica.binarize(grey)
        var dpi = estimateDPI(firstBinary)
        var orientationConfidence = 0.0
        var turn = forcedTurn ?? .none
        if forcedTurn == nil, options.detectOrientation, let engine {
            let estimate = try options.orientation.detect(grey: grey, binary: firstBinary, engine: engine, dpi: Int(dpi))
            turn = estimate.turn
            orientationConfidence = estimate.confidence
        }
        if turn != .none {
            colour = try colour.rotated(turn)
            grey = try grey.rotated(turn)
            transform.turn = turn
        }

        // 4. Small skew.
        var skewConfidence = 0.0
        let binaryForSkew = turn == .none ? firstBinary : try firstBinary.rotated(turn)
        if let skew = try Leptonica.findSkew(binary: binaryForSkew, range: options.maxSkewDegrees),
           skew.confidence >= options.minSkewConfidence, abs(skew.degrees) >= 0.2 {
            colour = try Leptonica.rotate(colour, degrees: skew.degrees)
            grey = colour.grey()
            transform.rotationDegrees = skew.degrees
            skewConfidence = skew.confidence
        }

        // 5. Variants for the later stages.
        let redInk = options.redInk.mask(of: colour)
        let ocrGrey = try Leptonica.normalizeBackground(options.redInk.dropRed(from: colour, grey: grey, mask: redInk))
        let binary = try Leptonica.binarize(ocrGrey)
        dpi = estimateDPI(binary, fallback: dpi)

        let document = QualityMeter.documentBox(grey: grey, colour: colour)
        let quality = QualityMeter(separator: options.redInk).measure(
            colour: colour, grey: grey, binary: binary, redMask: redInk, source: image, estimatedDPI: dpi, document: document,
            darkSurroundShare: darkSurroundShare)
        return CleanedPage(colour: colour, grey: grey, ocrGrey: ocrGrey, binary: binary, redInk: redInk,
                           transform: transform, quality: quality,
                           documentBox: quality.isPhotographed == true ? document.box : nil,
                           orientationConfidence: orientationConfidence, skewConfidence: skewConfidence)
    }

    /// The part of the image inside dark scanner borders (rows and columns
    /// from the edges that are mostly near-black), at most 20% per side.
    func darkBorderCrop(_ grey: Raster) -> PixelBox {
        let w = grey.width, h = grey.height
        func darkRow(_ y: Int) -> Bool {
            var dark = 0
            for x in stride(from: 0, to: w, by: 2) where grey.pixels[y * w + x] < 70 { dark += 1 }
            return dark * 2 > w * 6 / 10
        }
        func darkColumn(_ x: Int) -> Bool {
            var dark = 0
            for y in stride(from: 0, to: h, by: 2) where grey.pixels[y * w + x] < 70 { dark += 1 }
            return dark * 2 > h * 6 / 10
        }
        var top = 0, bottom = h, left = 0, right = w
        while top < h / 5, darkRow(top) { top += 1 }
        while bottom > h - h / 5, darkRow(bottom - 1) { bottom -= 1 }
        while left < w / 5, darkColumn(left) { left += 1 }
        while right > w - w / 5, darkColumn(right - 1) { right -= 1 }
        // Leave a small margin so a soft border edge does not read as ink.
        let margin = (top > 0 || left > 0 || bottom < h || right < w) ? 3 : 0
        let box = PixelBox(x: left, y: top, width: right - left, height: bottom - top)
        return margin == 0 ? box : PixelBox(x: min(w - 1, left + (left > 0 ? margin : 0)), y: min(h - 1, top + (top > 0 ? margin : 0)),
                                            width: max(1, box.width - (left > 0 ? margin : 0) - (right < w ? margin : 0)),
                                            height: max(1, box.height - (top > 0 ? margin : 0) - (bottom < h ? margin : 0)))
    }

    /// Pixels per inch of paper, from the height of printed characters:
    /// the 80th percentile of plausible ink-component heights, taken as
    /// the glyph height of 10.5 pt text (≈ 9.5 pt ≈ 3.35 mm).
    func estimateDPI(_ binary: Raster, fallback: Double = 200) -> Double {
        guard let boxes = try? Leptonica.components(binary: binary) else { return fallback }
        let maxHeight = binary.height / 8
        let heights = boxes.filter { $0.height >= 6 && $0.height <= maxHeight && $0.width <= 3 * $0.height && $0.width * 4 >= $0.height }
            .map(\.height).sorted()
        guard heights.count >= 20 else { return fallback }
        let glyph = Double(heights[heights.count * 8 / 10])
        return min(600, max(70, glyph / (9.5 / 72)))
    }
}
