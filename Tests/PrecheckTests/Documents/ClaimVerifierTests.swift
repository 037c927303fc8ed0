import Foundation
@testable import Precheck
import PrecheckCorpus
import PrecheckNative
import Testing

/// Support for a claim when the recogniser read a different number of
/// characters than the claim has (seed 2036 APP-0168: 茂名信宜市宏图便利店
/// read as 成名信和家市宏图便利店, one character split in two, and rejected).
@Suite("Claim support by shape", .serialized)
struct ClaimVerifierTests {
    let printed = "茂名信宜市宏图便利店"

    /// A page with the name printed once, cleaned, and the name's box on it.
    func page() throws -> (CleanedPage, PixelBox) {
        var canvas = Canvas(width: 2480, height: 800)
        let drawn = try canvas.text(printed, x: 300, y: 300, points: 14, dpi: 300)
        let cleaned = try PageCleaner().clean(try ImageIntake().decode(try VipsImage(canvas.raster).encoded(as: .png)))
        let scale = Double(cleaned.ocrGrey.width) / Double(canvas.width)
        let box = PixelBox(x: Int(Double(drawn.x) * scale), y: Int(Double(drawn.y) * scale),
                           width: Int(Double(drawn.width) * scale), height: Int(Double(drawn.height) * scale))
        return (cleaned, box)
    }

    func support(_ claim: String, read: String, in page: (CleanedPage, PixelBox), engine: any OCREngine) throws -> Double {
        let reading = FieldReading(value: read, confidence: 0.9, box: page.1, workingBox: page.1)
        return try ClaimVerifier(cleaned: page.0, engine: engine).verify(claim, reading: reading).support
    }

    @Test func everyClaimedCharacterCutOutByItsInkSupportsTheClaim() throws {
        let engine = try TesseractEngine()
        let page = try page()
        #expect(try support(printed, read: "成名信和家市宏图便利店", in: page, engine: engine) == 1)
        // A character lost at the start: the claim's extent reaches past the reading's box.
        let lost = PixelBox(x: page.1.x + page.1.width / 10, y: page.1.y, width: page.1.width * 9 / 10, height: page.1.height)
        #expect(try support(printed, read: "名信宜市宏图便利店", in: (page.0, lost), engine: engine) == 1)
    }

    @Test func aClaimThePageDoesNotShowIsNotSupported() throws {
        let engine = try TesseractEngine()
        let page = try page()
        let minimum = CheckPolicy.default.minSupport
        #expect(try support("茂名信宜市宏途便利店", read: "成名信和家市宏图便利店", in: page, engine: engine) < minimum)
        #expect(try support("茂名信宜市宏图商贸便利店", read: "成名信和家市宏图便利店", in: page, engine: engine) < minimum)
        #expect(try support("茂名信宜宏图便利店", read: "成名信和家市宏图便利店", in: page, engine: engine) < minimum)
    }
}
