import Foundation
@testable import Precheck
import PrecheckCorpus
import PrecheckNative
import Testing

/// How a ring cell's glyph is taken from the page: a long name's condensed
/// characters, the cell's own ink level, the neighbours' slivers, and the
/// print a black-and-white copy leaves darker than its grey seal.
@Suite("Ring cells", .serialized)
struct RingCellTests {
    /// A letter page with a company seal whose long name the seal maker
    /// condensed (19 characters over 230°: each glyph about 0.6 of its height wide).
    func condensedSealPage() throws -> CleanedPage {
        var canvas = Canvas(width: 1240, height: 1754)
        var random = SeededRandom(seed: 11)
        for line in 0..<10 {
            _ = try canvas.text("兹授权我单位员工办理数字证书申请事宜，特此证明。", x: 120, y: 900 + line * 60, points: 14, dpi: 150)
        }
        var style = SealStyle(ringText: Self.longName, radius: 150)
        style.rotationDegrees = -6
        try SealRenderer.stamp(style, on: &canvas, cx: 840, cy: 1180, random: &random)
        return try PageCleaner().clean(try ImageIntake().decode(try VipsImage(canvas.raster).encoded(as: .png)))
    }
    static let longName = "常德鼎城区华泰五金机电设备制造有限公司"

    @Test("a long, condensed seal name is confirmed glyph by glyph, and a name with another trade name is not")
    func condensedLongNameIsConfirmed() throws {
        #expect(Self.longName.count == 19)
        let page = try condensedSealPage()
        let seal = try #require(SealDetector().detect(in: page).first)
        let engine = try TesseractEngine()
        let judge = { (name: String) throws -> (CompanySealCheck.Finding, RingGlyphCheck?) in
            let reading = try SealRingReader().read(seal, in: page, engine: engine, expectedName: name)
            var evidence = SealEvidence(kind: .company, text: reading.text, readings: reading.readings, box: seal.box, color: seal.colour, score: seal.score)
            evidence.constrainedReadings = reading.constrainedReadings
            evidence.constrainedConfidences = reading.constrainedConfidences
            evidence.glyphCheck = reading.glyphCheck
            return (CompanySealCheck(policy: .default).judge(evidence, company: name).finding, reading.glyphCheck)
        }
        let (own, ownGlyphs) = try judge(Self.longName)
        #expect(own == .confirmed)
        #expect(try #require(ownGlyphs).share(of: "华泰", maxRivals: 3) == 1)
        let impostor = Self.longName.replacingOccurrences(of: "华泰", with: "恒达")
        let (other, otherGlyphs) = try judge(impostor)
        #expect(other != .confirmed)
        #expect(try #require(otherGlyphs).share(of: "恒达", maxRivals: 3) == 0)
    }

    @Test("a glyph patch of a ring cell holds the character upright, centred, not the polar strip's trapezoid")
    func glyphPatchIsUpright() throws {
        let page = try condensedSealPage()
        let seal = try #require(SealDetector().detect(in: page).first)
        let ink = SealInkImage(seal: seal, page: page)
        let unwrapper = RingUnwrapper()
        let ring = unwrapper.strip(of: seal, ink: ink, band: 0.6...0.92, span: unwrapper.textSpan(of: seal, ink: ink))
        let columns = Double(ring.margin)...Double(ring.margin + ring.textWidth)
        // The whole text band as one patch is as tall as the strip's band and as wide as its columns.
        let patch = ring.glyphPatch(columns: columns)
        #expect(patch.height == ring.raster.height - 2 * ring.margin)
        #expect(patch.width == ring.textWidth)
        // A patch and the strip show the same ink at the patch's centre column
        // (the tangent point); a strip column is sampled at its centre.
        let middle = Double(ring.margin + ring.textWidth / 2) + 0.5
        let narrow = ring.glyphPatch(columns: (middle - 0.5)...(middle + 0.5))
        #expect(narrow.width == 1)
        let stripColumn = (0..<narrow.height).map { row in
            Float(255 - Int(ring.raster.pixels[(row + ring.margin) * ring.raster.width + Int(middle)])) / 255
        }
        let difference = zip(narrow.darkness, stripColumn).map { abs($0 - $1) }.reduce(0, +) / Float(narrow.height)
        #expect(difference < 0.02)
        #expect(narrow.darkness.contains { $0 > 0.5 } == stripColumn.contains { $0 > 0.5 })
    }

    @Test("slivers of the neighbours, cut off by a blank column in the outer quarter, are removed; the glyph is kept")
    func isolatedRemovesNeighbourSlivers() {
        // 12 columns × 2 rows: a sliver in column 0, blank column 1, the glyph in 4…7, a sliver in 11.
        let row: [Float] = [0.9, 0, 0, 0, 0.8, 0.8, 0.8, 0.8, 0, 0, 0, 0.5]
        let cell = row + row
        let cleaned = RingGlyphChecker.isolated(cell, width: 12, height: 2)
        let expected: [Float] = [0, 0, 0, 0, 0.8, 0.8, 0.8, 0.8, 0, 0, 0, 0]
        #expect(cleaned == expected + expected)
        // Ink with no blank column between (overlapping characters) stays whole.
        let joined: [Float] = [0.9, 0.9, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 0, 0, 0, 0]
        #expect(RingGlyphChecker.isolated(joined, width: 12, height: 1) == joined)
        let wide: [Float] = [0.9, 0.9, 0.9, 0, 0.8, 0.8, 0.8, 0, 0, 0, 0, 0]
        #expect(RingGlyphChecker.isolated(wide, width: 12, height: 1) == wide, "an edge run with over a quarter of the ink is a glyph part")
        let faint: [Float] = [0.3, 0, 0, 0, 0.8, 0.8, 0.8, 0.8, 0, 0, 0, 0]
        #expect(RingGlyphChecker.isolated(faint, width: 12, height: 1) == faint, "ink under the threshold is no run")
    }

    @Test("a faint cell is levelled to its own ink; a blank cell stays blank")
    func levelledScalesToTheCellsOwnInk() {
        let faint: [Float] = Array(repeating: 0, count: 80) + Array(repeating: 0.5, count: 20)
        #expect(RingGlyphChecker.levelled(faint) == Array(repeating: 0, count: 80) + Array(repeating: 1, count: 20))
        let weak: [Float] = Array(repeating: 0, count: 90) + Array(repeating: 0.2, count: 10)
        #expect(RingGlyphChecker.levelled(weak) == Array(repeating: 0, count: 90) + Array(repeating: 0.5, count: 10),
                "full ink is never taken below minCellFullInk (0.4)")
        let blank: [Float] = Array(repeating: 0.05, count: 100)
        #expect(RingGlyphChecker.levelled(blank) == blank)
    }

    /// A grey seal (level 140) crossed by a black date bar (level 235), as a
    /// black-and-white copy shows the licence's issue date over the
    /// authority's seal; and the same seal as dark as the bar.
    func greySeal(level: Float) -> (raw: [Float], seal: DetectedSeal, region: PixelBox) {
        let seal = DetectedSeal(centreX: 50, centreY: 50, radiusX: 40, radiusY: 40, colour: .grey, score: 1)
        let region = PixelBox(x: 0, y: 0, width: 100, height: 100)
        var raw = [Float](repeating: 0, count: 100 * 100)
        for y in 0..<100 {
            for x in 0..<100 {
                let distance = ((Double(x) + 0.5 - 50) * (Double(x) + 0.5 - 50) + (Double(y) + 0.5 - 50) * (Double(y) + 0.5 - 50)).squareRoot()
                if distance >= 36 && distance <= 40 { raw[y * 100 + x] = level }
                if (62..<68).contains(y) && (20..<80).contains(x) { raw[y * 100 + x] = 235 }
            }
        }
        return (raw, seal, region)
    }

    @Test("black print over a grey seal is cleared with its edges; the seal's ring stays")
    func printOverAGreySealIsCleared() {
        let (raw, seal, region) = greySeal(level: 140)
        let cleared = SealInkImage.withoutPrint(raw, seal: seal, region: region)
        // The bar, grown by two pixels, is gone…
        for y in 60..<70 { for x in 18..<82 { #expect(cleared[y * 100 + x] == 0) } }
        // …the ring away from it is whole.
        #expect(cleared[50 * 100 + 12] == 140 && cleared[50 * 100 + 87] == 140 && cleared[12 * 100 + 50] == 140)
        #expect(cleared.filter { $0 == 140 }.count > raw.filter { $0 == 140 }.count * 9 / 10)
    }

    @Test("a grey seal as dark as the print over it is left whole")
    func darkGreySealIsLeftWhole() {
        let (raw, seal, region) = greySeal(level: 220)
        #expect(SealInkImage.withoutPrint(raw, seal: seal, region: region) == raw)
    }
}
