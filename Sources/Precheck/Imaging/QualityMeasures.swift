import Foundation
import PrecheckNative

/// Numbers that describe how usable a scan is. Later rules set thresholds;
/// this stage only measures.
public struct QualityMeasures: Sendable, Equatable, Codable {
    /// Size of the uploaded image, as the user sees it.
    public var width: Int
    public var height: Int
    /// Resolution stated in the file (72 when the file says nothing).
    public var headerDPI: Double
    /// Resolution estimated from the height of printed characters, in
    /// working-image pixels per inch of paper (assumes 10.5 pt body text).
    public var estimatedDPI: Double
    /// Variance of the Laplacian of the working grey image (higher = sharper).
    public var sharpness: Double
    /// Mean grey level, 0-255.
    public var brightness: Double
    /// Standard deviation of the grey level.
    public var contrast: Double
    /// Fraction of pixels at the top of the range (≥ 250 in every channel
    /// while the page's paper is darker): glare.
    public var clippedHighlights: Double
    /// Fraction of pixels at the bottom of the range (≤ 5).
    public var clippedShadows: Double
    /// Fraction of ink in a thin strip along each edge (top, right, bottom,
    /// left): text running into an edge means the document is cut off.
    public var edgeInk: [Double]
    /// Colourfulness (Hasler & Süsstrunk 2003): ~0 for grey, > 15 for a colour scan.
    public var colourfulness: Double
    /// Fraction of pixels that are not red ink and have a chroma (max − min
    /// channel) above 45: clearly coloured print.
    public var nonRedColourFraction: Double
    /// Mean chroma of the pixels that are not red ink.
    public var nonRedMeanChroma: Double
    /// Fraction of the document's pixels away from red ink (more than 4 px)
    /// that carry a tint (chroma ≥ 12); in a photo only the document counts
    /// (``QualityMeter/documentBox(grey:colour:)``): ~0 on a B&W copy (JPEG noise stays below, and the
    /// pink rim of a seal stamped on the copy is excluded), more on a colour
    /// scan even when its tints are pale.
    public var nonRedTintedFraction: Double
    /// Fraction of pixels that are red ink.
    public var redInkFraction: Double
    /// Among the pixels that are printed on (darker than paper) and away
    /// from red ink: the share whose colour differs from the paper's by at
    /// least 5 levels in some channel difference. A colour ID card printed
    /// small on a white A4 page tints too few of the page's pixels for
    /// ``nonRedTintedFraction`` (0.02-0.05%) but a fifth or more of its ink
    /// (0.21-0.52 on seeds 2028 and 2029); B&W copies stay at or below
    /// 0.10. Measured against the paper's own colour, so a scanner's colour
    /// cast does not make a copy look coloured. `nil` in verdicts made
    /// before it was measured.
    public var inkTintedShare: Double?
    /// Whether the image is a photo of the document with something else
    /// around it (see ``QualityMeter/documentBox(grey:colour:)``); then the
    /// light may tint the whole page (a grey copy under warm light measured
    /// 0.77 tinted, its ink 0.51 against the page's own paper), so that a
    /// copy cannot be told from a colour original. `nil` in verdicts made
    /// before it was measured.
    public var isPhotographed: Bool?
    /// How coloured the light on the page is: the chroma (highest minus
    /// lowest channel) of the paper's median colour, the paper being the
    /// pixels within 93% of the page's bright level. A scanner lights paper
    /// white (0-3 on generated A4 scans; up to 12 where an ID card scanned
    /// alone gives its pale ground for paper); a lamp or daylight tints it
    /// (7-37 on generated phone photos). `nil` in verdicts made before it
    /// was measured.
    public var paperTint: Double?
    /// Share of the image cut away as dark surroundings before the page was
    /// measured (``PageCleaner``: a scanner's black lid, or the dark table
    /// under a photographed page). `nil` in verdicts made before it was
    /// measured.
    public var darkSurroundShare: Double?
    /// Among the document's printed pixels (darker than 80% of its bright
    /// level): the share lying at least ``minOffGreyDistance`` levels away
    /// from the grey axis, the line in RGB through black and the paper's
    /// colour. Coloured light scales each channel by its own factor, which
    /// keeps every pixel of a grey copy on that line whatever the light's
    /// colour; printed colours leave it (the ID card's blue labels, the red
    /// emblem, a red seal). Only the page counts: in a photo, the pixels of
    /// each row between the first and the last paper (the table at the
    /// corners of a tilted page does not). Measured on phone photos: grey
    /// copies of ID cards and licences 0-0.025, colour ones 0.30-0.77; on
    /// colour scans 0.35-0.78; the colour ID specimens and real licences in
    /// `../shared/real` 0.39-0.72 (session 10, see the README). `nil`
    /// when the page has too little ink, and in verdicts made before it was
    /// measured.
    public var offGreyInkShare: Double?
    /// ``offGreyInkShare`` with the pixels of the red seals found on the
    /// page left out (each seal's ellipse grown by a tenth), measured by the
    /// seal stage when a page that is not taken for a copy bears red seals.
    /// A black-and-white copy stamped with the company's seal counts the
    /// seal's red as printed colour, and photographed such a copy is not
    /// told by its tinted pixels either; without the seal its ink is grey
    /// again. `nil` when not measured.
    public var offGreyInkShareOutsideSeals: Double? = nil

    /// Paper at least this tinted (see ``paperTint``), on a page cut out of
    /// dark surroundings, was lit by coloured light: a photo whose table
    /// went with the dark borders (seed 2041's APP-0112, a photographed B&W
    /// copy of a licence on a dark table, measured as a colour scan).
    public static let minTintedLightPaperTint = 10.0
    /// See ``minTintedLightPaperTint``: at least this share of the image cut
    /// away as dark surroundings.
    public static let minDarkSurroundShare = 0.02

    /// Whether the page was photographed (see ``isPhotographed``), or cut
    /// out of dark surroundings and lit by coloured light (see
    /// ``minTintedLightPaperTint``): then a copy may look coloured, and only
    /// a copy verdict is to be trusted.
    public var isUnderAmbientLight: Bool {
        isPhotographed == true
            || ((darkSurroundShare ?? 0) >= Self.minDarkSurroundShare && (paperTint ?? 0) >= Self.minTintedLightPaperTint)
    }

    /// See ``offGreyInkShare``: how far, in grey levels, a pixel must lie
    /// from the grey axis to count as coloured (JPEG and sensor noise keep
    /// a photographed grey copy's ink within it).
    public static let minOffGreyDistance = 10.0
    /// See ``offGreyInkShare``: at least this share of coloured ink shows
    /// a colour original under any light.
    public static let minColourOffGreyInkShare = 0.2
    /// See ``offGreyInkShare``: below this share the ink is grey under any
    /// light: a black-and-white copy even where the light tints the page.
    public static let maxCopyOffGreyInkShare = 0.05

    /// Whether the ink shows printed colours that no light gives a grey
    /// copy (see ``offGreyInkShare``): a colour original, even on a photo.
    public var showsPrintedColour: Bool { (offGreyInkShare ?? 0) >= Self.minColourOffGreyInkShare }

    /// Whether the page's ink is grey under whatever light it had (see
    /// ``offGreyInkShare``, or ``offGreyInkShareOutsideSeals`` where a
    /// stamped seal is the only colour): a black-and-white copy, told even
    /// on a photo.
    public var showsOnlyGreyInk: Bool {
        (offGreyInkShare ?? 1) < Self.maxCopyOffGreyInkShare || (offGreyInkShareOutsideSeals ?? 1) < Self.maxCopyOffGreyInkShare
    }

    /// Whether ink runs into any image edge.
    public var touchesEdge: Bool { edgeInk.contains { $0 > 0.02 } }

    /// A share of tinted non-red pixels below this marks a black-and-white
    /// copy (a red seal stamped on the copy does not count).
    public static let maxCopyTintedFraction = 0.0005

    /// A share of tinted ink at or above this marks a colour document even
    /// when little of the page is tinted (see ``inkTintedShare``).
    public static let maxCopyInkTintedShare = 0.15

    /// Whether the page is a black-and-white copy: hardly any tinted pixel
    /// (see ``maxCopyTintedFraction``) and its ink as grey as its paper
    /// (see ``maxCopyInkTintedShare``), or, under whatever light, its ink
    /// on the grey axis (``showsOnlyGreyInk``: a photographed copy, which
    /// the light tints). A "not a copy" verdict is not proof of a colour
    /// original: the rules ask for ``showsPrintedColour`` as well.
    public var isBlackAndWhiteCopy: Bool {
        (nonRedTintedFraction < Self.maxCopyTintedFraction && (inkTintedShare ?? 0) < Self.maxCopyInkTintedShare)
            || showsOnlyGreyInk
    }
}

/// Computes ``QualityMeasures`` for a working image.
public struct QualityMeter {
    let separator: RedInkSeparator

    /// The measures of a working image; `document` is its
    /// ``documentBox(grey:colour:)``; `darkSurroundShare` the share of the
    /// image cropped away before (see ``QualityMeasures/darkSurroundShare``).
    func measure(colour: Raster, grey: Raster, binary: Raster, redMask: Raster, source: DecodedImage,
                 estimatedDPI: Double, document: (box: PixelBox, paperLevel: Int), darkSurroundShare: Double = 0) -> QualityMeasures {
        let n = Double(grey.pixelCount)
        var sum = 0.0, sumSquares = 0.0, shadows = 0
        for value in grey.pixels {
            let v = Double(value)
            sum += v; sumSquares += v * v
            if value <= 5 { shadows += 1 }
        }
        let mean = sum / n
        let variance = max(0, sumSquares / n - mean * mean)

        // Colour statistics on the RGB pixels.
        var rgSum = 0.0, rgSquares = 0.0, ybSum = 0.0, ybSquares = 0.0
        var coloured = 0, red = 0, highlights = 0
        var chromaSum = 0.0, tinted = 0
        // Pixels left out of the tint measures: red ink and its rim (8
        // pixels: the pink fringe of a seal's thin ring characters reaches
        // past 4, and on the sample APP-0008 ID copy made its tint 0.00084,
        // over the copy limit; 0.00010 without it), and, in a photo,
        // everything around the document (a table or wall around a grey
        // copy is not the copy's colour).
        var excluded = Self.dilated(redMask, radius: 8)
        let (document, paperLevel) = document
        if document.area < colour.pixelCount {
            for y in 0..<colour.height where y < document.y || y >= document.maxY {
                for x in 0..<colour.width { excluded[y * colour.width + x] = 255 }
            }
            for y in document.y..<document.maxY {
                for x in 0..<colour.width where x < document.x || x >= document.maxX { excluded[y * colour.width + x] = 255 }
            }
        }
        colour.pixels.withUnsafeBufferPointer { p in
            for index in 0..<colour.pixelCount {
                let r = Int(p[index * 3]), g = Int(p[index * 3 + 1]), b = Int(p[index * 3 + 2])
                let rg = Double(r - g), yb = 0.5 * Double(r + g) - Double(b)
                rgSum += rg; rgSquares += rg * rg; ybSum += yb; ybSquares += yb * yb
                if redMask.pixels[index] != 0 { red += 1 }
                else {
                    let chroma = max(r, g, b) - min(r, g, b)
                    chromaSum += Double(chroma)
                    if chroma > 45 { coloured += 1 }
                    if chroma >= 12 && excluded[index] == 0 { tinted += 1 }
                }
                if r >= 250 && g >= 250 && b >= 250 { highlights += 1 }
            }
        }
        let rgMean = rgSum / n, ybMean = ybSum / n
        let rgStd = sqrt(max(0, rgSquares / n - rgMean * rgMean))
        let ybStd = sqrt(max(0, ybSquares / n - ybMean * ybMean))
        let colourfulness = sqrt(rgStd * rgStd + ybStd * ybStd) + 0.3 * sqrt(rgMean * rgMean + ybMean * ybMean)

        return QualityMeasures(
            width: source.sourceWidth, height: source.sourceHeight, headerDPI: source.headerDPI,
            estimatedDPI: estimatedDPI, sharpness: laplacianVariance(grey), brightness: mean,
            contrast: sqrt(variance), clippedHighlights: Double(highlights) / n,
            clippedShadows: Double(shadows) / n, edgeInk: edgeInk(binary),
            colourfulness: colourfulness, nonRedColourFraction: Double(coloured) / n,
            nonRedMeanChroma: chromaSum / max(1, n - Double(red)),
            nonRedTintedFraction: Double(tinted) / Double(max(1, document.area)),
            redInkFraction: Double(red) / n,
            inkTintedShare: Self.inkTintedShare(colour: colour, excluding: excluded, paperLevel: paperLevel),
            isPhotographed: document.area < colour.pixelCount,
            paperTint: Self.paperTint(colour: colour, grey: grey, excluding: excluded), darkSurroundShare: darkSurroundShare,
            offGreyInkShare: Self.offGreyInkShare(colour: colour, grey: grey, document: document))
    }

    /// The document in a photo: the bounding box of the largest connected
    /// area of paper-like pixels (bright for the picture: at least 3/4 of
    /// its 95th-percentile grey, and not strongly coloured), shrunk by 2%
    /// to leave the page's edge out, and the grey level from which a pixel
    /// counts as paper (235, or 93% of the bright level in a photo). A scan
    /// is paper to its borders, so there it is the whole image, as it is
    /// when no such area covers a fifth of the picture.
    static func documentBox(grey: Raster, colour: Raster) -> (box: PixelBox, paperLevel: Int) {
        let whole = (PixelBox(x: 0, y: 0, width: grey.width, height: grey.height), 235)
        var histogram = [Int](repeating: 0, count: 256)
        for value in grey.pixels { histogram[Int(value)] += 1 }
        let bright = brightLevel(histogram, total: grey.pixelCount)
        let threshold = bright * 3 / 4
        // The paper mask at a quarter of the resolution (every fourth pixel
        // of every fourth row): the document's extent needs no more.
        let step = 4
        let maskWidth = (grey.width + step - 1) / step, maskHeight = (grey.height + step - 1) / step
        var mask = [UInt8](repeating: 255, count: maskWidth * maskHeight)
        colour.pixels.withUnsafeBufferPointer { p in
            for my in 0..<maskHeight {
                for mx in 0..<maskWidth {
                    let index = my * step * grey.width + mx * step
                    guard Int(grey.pixels[index]) >= threshold else { continue }
                    let r = p[index * 3], g = p[index * 3 + 1], b = p[index * 3 + 2]
                    if max(r, g, b) - min(r, g, b) <= 40 { mask[my * maskWidth + mx] = 0 }
                }
            }
        }
        let paper = Raster(width: maskWidth, height: maskHeight, channels: 1, pixels: mask)
        guard let small = (try? Leptonica.components(binary: paper))?.max(by: { $0.width * $0.height < $1.width * $1.height }),
              small.width * small.height * 5 >= paper.pixelCount else { return whole }
        let largest = PixelBox(x: small.x * step, y: small.y * step, width: min(grey.width - small.x * step, small.width * step),
                               height: min(grey.height - small.y * step, small.height * step))
        // Paper to (nearly) every border: a scan, measured whole as before.
        if largest.width * 100 >= grey.width * 97 && largest.height * 100 >= grey.height * 97 { return whole }
        let marginX = largest.width / 50, marginY = largest.height / 50
        // A photographed page is darker than scanned paper: its paper starts lower.
        return (PixelBox(x: largest.x + marginX, y: largest.y + marginY,
                         width: largest.width - 2 * marginX, height: largest.height - 2 * marginY), min(235, bright * 93 / 100))
    }

    /// See ``QualityMeasures/inkTintedShare``: the paper's colour is the
    /// median red−green and blue−green difference of the paper pixels (grey
    /// ≥ `paperLevel`), and an ink pixel (grey below) is tinted when one of its
    /// channel differences departs from the paper's by 5 or more; `excluded`
    /// pixels (non-zero) are left out.
    static func inkTintedShare(colour: Raster, excluding excluded: [UInt8], paperLevel: Int = 235) -> Double? {
        var redGreen = [Int](repeating: 0, count: 511), blueGreen = [Int](repeating: 0, count: 511)
        var paper = 0
        func isPaper(_ r: Int, _ g: Int, _ b: Int) -> Bool { r * 299 + g * 587 + b * 114 >= paperLevel * 1000 }
        colour.pixels.withUnsafeBufferPointer { p in
            for index in 0..<colour.pixelCount where excluded[index] == 0 {
                let r = Int(p[index * 3]), g = Int(p[index * 3 + 1]), b = Int(p[index * 3 + 2])
                guard isPaper(r, g, b) else { continue }
                paper += 1
                redGreen[r - g + 255] += 1
                blueGreen[b - g + 255] += 1
            }
        }
        let paperRG = paper > 0 ? medianIndex(redGreen, total: paper) - 255 : 0
        let paperBG = paper > 0 ? medianIndex(blueGreen, total: paper) - 255 : 0
        var ink = 0, tinted = 0
        colour.pixels.withUnsafeBufferPointer { p in
            for index in 0..<colour.pixelCount where excluded[index] == 0 {
                let r = Int(p[index * 3]), g = Int(p[index * 3 + 1]), b = Int(p[index * 3 + 2])
                guard !isPaper(r, g, b) else { continue }
                ink += 1
                let rg = r - g - paperRG, bg = b - g - paperBG
                if max(abs(rg), abs(bg), abs(rg - bg)) >= 5 { tinted += 1 }
            }
        }
        return ink > 0 ? Double(tinted) / Double(ink) : nil
    }

    /// See ``QualityMeasures/paperTint``; `excluded` pixels (non-zero: red
    /// ink, and what lies around a photographed document) are left out.
    /// Every `step`-th pixel is looked at: medians need no more.
    static func paperTint(colour: Raster, grey: Raster, excluding excluded: [UInt8], step: Int = 7) -> Double? {
        let sampled = stride(from: 0, to: grey.pixelCount, by: step)
        var levels = [Int](repeating: 0, count: 256), counted = 0
        for index in sampled where excluded[index] == 0 { levels[Int(grey.pixels[index])] += 1; counted += 1 }
        guard counted > 0 else { return nil }
        let paperLevel = brightLevel(levels, total: counted) * 93 / 100
        var paper = ChannelMedians()
        colour.pixels.withUnsafeBufferPointer { p in
            for index in sampled where excluded[index] == 0 && Int(grey.pixels[index]) >= paperLevel { paper.add(p, pixel: index) }
        }
        guard let medians = paper.medians else { return nil }
        return Double(medians.max()! - medians.min()!)
    }

    /// See ``QualityMeasures/offGreyInkShare``; every `step`-th pixel of
    /// every `step`-th row of `document` is looked at, except those inside
    /// the ellipses of `seals` grown by a tenth (see
    /// ``QualityMeasures/offGreyInkShareOutsideSeals``).
    static func offGreyInkShare(colour: Raster, grey: Raster, document: PixelBox, step: Int = 2,
                                excluding seals: [DetectedSeal] = []) -> Double? {
        let rows = Array(stride(from: document.y, to: document.maxY, by: step))
        var levels = [Int](repeating: 0, count: 256), counted = 0
        for y in rows {
            for x in stride(from: document.x, to: document.maxX, by: step) { levels[Int(grey.pixels[y * grey.width + x])] += 1; counted += 1 }
        }
        guard counted > 0 else { return nil }
        let bright = brightLevel(levels, total: counted)
        let spans = rows.map { pageSpan(grey: grey, row: $0, within: document, step: step, threshold: bright * 3 / 4) }
        /// Calls `body` with the index of every sampled pixel of the page.
        func forEachPagePixel(_ body: (Int) -> Void) {
            for (y, span) in zip(rows, spans) {
                for x in stride(from: span.lowerBound, to: span.upperBound, by: step)
                where !seals.contains(where: { $0.contains(x: Double(x), y: Double(y), scale: 1.1) }) {
                    body(y * grey.width + x)
                }
            }
        }

        // The paper's colour: each channel's median over the paper pixels.
        var paper = ChannelMedians()
        let paperLevel = bright * 93 / 100, inkLevel = bright * 8 / 10
        colour.pixels.withUnsafeBufferPointer { p in
            forEachPagePixel { index in if Int(grey.pixels[index]) >= paperLevel { paper.add(p, pixel: index) } }
        }
        guard let medians = paper.medians else { return nil }
        let axis = medians.map(Double.init)
        let length = (axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]).squareRoot()
        guard length >= 1 else { return nil }
        let u = axis.map { $0 / length }

        // Each printed pixel's distance from the line through black and the paper's colour.
        var ink = 0, off = 0
        let minSquared = QualityMeasures.minOffGreyDistance * QualityMeasures.minOffGreyDistance
        colour.pixels.withUnsafeBufferPointer { p in
            forEachPagePixel { index in
                guard Int(grey.pixels[index]) < inkLevel else { return }
                let r = Double(p[index * 3]), g = Double(p[index * 3 + 1]), b = Double(p[index * 3 + 2])
                let along = r * u[0] + g * u[1] + b * u[2]
                ink += 1
                if r * r + g * g + b * b - along * along >= minSquared { off += 1 }
            }
        }
        return ink >= 100 ? Double(off) / Double(ink) : nil
    }

    /// The part of `row` inside `document` between its first and its last
    /// run of paper (three samples at or above `threshold`), less 2% at
    /// each end: the page's own pixels, without the table a tilted page
    /// leaves in its box's corners. The pure white that deskewing fills in
    /// at the image's edges is passed over first. Empty when the row holds
    /// no paper.
    static func pageSpan(grey: Raster, row y: Int, within document: PixelBox, step: Int, threshold: Int) -> Range<Int> {
        let base = y * grey.width
        let empty = document.x..<document.x
        guard let start = stride(from: document.x, to: document.maxX, by: step).first(where: { grey.pixels[base + $0] < 255 }),
              let end = stride(from: document.maxX - 1, through: start, by: -step).first(where: { grey.pixels[base + $0] < 255 })
        else { return empty }
        // Whether the run of three samples from `x` towards `end` is paper.
        func isPaperRun(_ x: Int, _ direction: Int) -> Bool {
            (0..<3).allSatisfy { k in
                let xx = x + direction * k * step
                return xx >= start && xx <= end && Int(grey.pixels[base + xx]) >= threshold
            }
        }
        guard let first = stride(from: start, through: end, by: step).first(where: { isPaperRun($0, 1) }),
              let last = stride(from: end, through: first, by: -step).first(where: { isPaperRun($0, -1) })
        else { return empty }
        let margin = (last - first) / 50
        return (first + margin)..<max(first + margin, last - margin)
    }

    /// Each colour channel's median over the RGB pixels added: the paper's
    /// colour, for ``paperTint(colour:grey:excluding:step:)`` and
    /// ``offGreyInkShare(colour:grey:document:step:)``.
    struct ChannelMedians {
        private var histograms = [[Int]](repeating: [Int](repeating: 0, count: 256), count: 3)
        private var count = 0

        /// Adds the pixel at `pixel` of the RGB buffer `pixels`.
        mutating func add(_ pixels: UnsafeBufferPointer<UInt8>, pixel: Int) {
            for channel in 0..<3 { histograms[channel][Int(pixels[pixel * 3 + channel])] += 1 }
            count += 1
        }

        /// The three medians (red, green, blue); `nil` when nothing was added.
        var medians: [Int]? { count > 0 ? histograms.map { QualityMeter.medianIndex($0, total: count) } : nil }
    }

    /// The bright level of a grey histogram holding `total` values: the
    /// highest level with a twentieth of them at or above it.
    static func brightLevel(_ histogram: [Int], total: Int) -> Int {
        var seen = 0
        for level in stride(from: histogram.count - 1, through: 0, by: -1) {
            seen += histogram[level]
            if seen * 20 >= total { return level }
        }
        return histogram.count - 1
    }

    /// The median's index in a histogram holding `total` values: the first
    /// index whose running count reaches half of them.
    static func medianIndex(_ histogram: [Int], total: Int) -> Int {
        var seen = 0
        for (index, count) in histogram.enumerated() {
            seen += count
            if seen * 2 >= total { return index }
        }
        return histogram.count - 1
    }

    /// A mask grown by `radius` pixels (separable max filter).
    public static func dilated(_ mask: Raster, radius: Int) -> [UInt8] {
        let w = mask.width, h = mask.height
        var rows = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h {
            var last = -radius - 1
            for x in 0..<w where mask.pixels[y * w + x] != 0 {
                // Pixels up to last + radius are already set; the range may be empty.
                for xx in stride(from: max(last + radius + 1, x - radius), through: min(w - 1, x + radius), by: 1) {
                    rows[y * w + xx] = 255
                }
                last = x
            }
        }
        var out = rows
        for x in 0..<w {
            for y in 0..<h where rows[y * w + x] != 0 {
                for yy in max(0, y - radius)...min(h - 1, y + radius) { out[yy * w + x] = 255 }
            }
        }
        return out
    }

    /// Variance of the 4-neighbour Laplacian.
    func laplacianVariance(_ grey: Raster) -> Double {
        let w = grey.width, h = grey.height
        guard w > 2, h > 2 else { return 0 }
        var sum = 0.0, sumSquares = 0.0
        grey.pixels.withUnsafeBufferPointer { p in
            for y in 1..<(h - 1) {
                let row = y * w
                for x in 1..<(w - 1) {
                    let i = row + x
                    let lap = Double(Int(p[i - 1]) + Int(p[i + 1]) + Int(p[i - w]) + Int(p[i + w]) - 4 * Int(p[i]))
                    sum += lap; sumSquares += lap * lap
                }
            }
        }
        let count = Double((w - 2) * (h - 2))
        let mean = sum / count
        return sumSquares / count - mean * mean
    }

    /// Ink fraction in a strip 0.6% of the short side wide along each edge.
    func edgeInk(_ binary: Raster) -> [Double] {
        let w = binary.width, h = binary.height
        let strip = max(2, min(w, h) * 6 / 1000)
        func fraction(_ xs: Range<Int>, _ ys: Range<Int>) -> Double {
            var ink = 0
            for y in ys { for x in xs where binary.pixels[y * w + x] < 128 { ink += 1 } }
            return Double(ink) / Double(max(1, xs.count * ys.count))
        }
        return [fraction(0..<w, 0..<strip), fraction((w - strip)..<w, 0..<h),
                fraction(0..<w, (h - strip)..<h), fraction(0..<strip, 0..<h)]
    }
}
