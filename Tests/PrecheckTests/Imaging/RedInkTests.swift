import Foundation
import Precheck
import PrecheckCorpus
import PrecheckNative
import Testing

@Suite("Red ink separation")
struct RedInkTests {
    static let line = "登记机关杭州市拱墅区市场监督管理局"

    /// Black text with a red seal stamped across it; returns the page and the seal.
    func sealOverText() throws -> (Raster, cx: Double, cy: Double, radius: Double, textBox: PixelBox) {
        var canvas = Canvas(width: 1400, height: 900, background: RGB.paper)
        try canvas.text("统一社会信用代码 91330105MA2CFX8N5D", x: 120, y: 150, points: 12, dpi: 200)
        let textBox = try canvas.text(Self.line, x: 120, y: 420, points: 12, dpi: 200)
        try canvas.text("2021年06月17日", x: 600, y: 560, points: 12, dpi: 200)
        var random = SeededRandom(seed: 3)
        var seal = SealStyle(ringText: "杭州市拱墅区市场监督管理局", radius: 160)
        seal.rotationDegrees = 5
        try SealRenderer.stamp(seal, on: &canvas, cx: 560, cy: 450, random: &random)
        return (canvas.raster, 560, 450, 160, textBox)
    }

    @Test func maskHoldsTheSealAndNotTheText() throws {
        let (raster, cx, cy, radius, _) = try sealOverText()
        let mask = RedInkSeparator().mask(of: raster)
        var outside = 0
        for y in 0..<mask.height {
            for x in 0..<mask.width where mask[x, y] != 0 {
                let dx = Double(x) - cx, dy = Double(y) - cy
                if (dx * dx + dy * dy).squareRoot() > radius + 3 { outside += 1 }
            }
        }
        #expect(outside == 0, "red-ink pixels away from the seal: \(outside)")
        // The ring is in the mask all the way round.
        var onRing = 0
        for step in 0..<72 {
            let angle = Double(step) * 5 * .pi / 180
            let r = radius - radius * 0.065 / 2
            if mask[Int(cx + r * cos(angle)), Int(cy + r * sin(angle))] != 0 { onRing += 1 }
        }
        #expect(onRing >= 68, "ring points in the mask: \(onRing)/72")
        // Black text far from the seal is not red ink.
        #expect(mask.cropped(to: PixelBox(x: 120, y: 150, width: 300, height: 40)).pixels.allSatisfy { $0 == 0 })
    }

    @Test func textUnderTheSealReadsOnceRedIsDropped() throws {
        let (raster, _, _, _, textBox) = try sealOverText()
        let decoded = try ImageIntake().decode(try VipsImage(raster).encoded(as: .png))
        var options = CleanupOptions()
        options.detectOrientation = false
        let page = try PageCleaner(options: options).clean(decoded)
        #expect(page.transform.scale == 1)
        let engine = try TesseractEngine()
        let region = textBox.expanded(by: 12, within: (page.ocrGrey.width, page.ocrGrey.height))
        let text = try engine.recognize(page.ocrGrey, RecognitionRequest(region: region, segmentation: .singleLine, dpi: page.dpi))
        #expect(text.text.withoutSpaces == Self.line)
        // Under the seal the black strokes stay black in the OCR image.
        #expect(page.redInk.pixels.contains(255))
    }
}

@Suite("Mask dilation")
struct MaskDilationTests {
    @Test func growsByTheRadiusAndHandlesTheEdges() {
        var mask = Raster(width: 10, height: 6, channels: 1, fill: 0)
        mask[9, 0] = 255; mask[8, 0] = 255; mask[0, 5] = 255; mask[4, 3] = 255
        let grown = QualityMeter.dilated(mask, radius: 2)
        func on(_ x: Int, _ y: Int) -> Bool { grown[y * 10 + x] != 0 }
        // Squares of side 5 around each pixel, clipped to the raster:
        // x 6-9 × y 0-2 (12), x 0-2 × y 3-5 (9), x 2-6 × y 1-5 (25), overlapping in 2 + 3 cells.
        #expect(on(9, 0) && on(6, 2) && !on(5, 0))
        #expect(on(0, 3) && on(2, 5) && on(3, 5))
        #expect(!on(1, 2) && !on(7, 3) && !on(9, 5))
        #expect(grown.filter { $0 != 0 }.count == 12 + 9 + 25 - 2 - 3)
    }
}
