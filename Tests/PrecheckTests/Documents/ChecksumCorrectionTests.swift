import Foundation
import Precheck
import PrecheckCorpus
import PrecheckNative
import Testing

/// A scripted engine: answers every recognition with the given line; the
/// characters at `unsure` positions come with low confidence and the
/// alternatives given.
final class ScriptedEngine: OCREngine {
    let answer: (RecognitionRequest) -> String
    let unsure: [Int: [String]]
    init(unsure: [Int: [String]] = [:], _ answer: @escaping (RecognitionRequest) -> String) {
        self.answer = answer
        self.unsure = unsure
    }

    func recognize(_ image: Raster, _ request: RecognitionRequest) throws -> RecognizedText {
        let text = answer(request)
        let symbols = text.enumerated().map { index, character in
            let alternatives = request.whitelist == nil ? nil : unsure[index]
            return RecognizedSymbol(text: String(character), confidence: alternatives == nil ? 0.95 : 0.55,
                                    box: PixelBox(x: 100 + 20 * index, y: 100, width: 18, height: 30), alternatives: alternatives ?? [])
        }
        let word = RecognizedWord(text: text, confidence: 0.9, box: PixelBox(x: 100, y: 100, width: 20 * text.count, height: 30), symbols: symbols)
        return RecognizedText(lines: text.isEmpty ? [] : [RecognizedLine(words: [word], box: word.box)])
    }
    func textLines(_ image: Raster, dpi: Int) throws -> [PixelBox] { [] }
    func detectOrientation(_ image: Raster, dpi: Int) throws -> OrientationEstimate? { nil }
}

@Suite("Checksum-guided correction")
struct ChecksumCorrectionTests {
    /// The rendered licence page, encoded and decoded once for every test.
    static let licencePage = Result {
        try ImageIntake().decode(try VipsImage(try TestImages.licensePage().canvas.raster).encoded(as: .jpeg(quality: 90)))
    }

    /// The licence page read with a scripted engine.
    static func readLicencePage(with engine: ScriptedEngine) throws -> DocumentReading {
        try DocumentReader().read(try licencePage.get(), engine: engine)
    }

    /// A licence page whose every line the engine "reads" as the credit
    /// code with one character misread (B for 8): the reader must fix it by
    /// checksum and say so.
    @Test func misreadCreditCodeIsCorrectedByItsCheckCharacter() throws {
        let truth = "91130522MA8G8T5ML4"
        let misread = "91130522MA8G BT5ML4".replacingOccurrences(of: " ", with: "")  // 8 → B at position 13
        #expect(!CreditCode.isValid(misread) && CreditCode.isValid(truth))
        let engine = ScriptedEngine(unsure: [12: ["3"]]) { request in
            request.whitelist == nil ? "统一社会信用代码\(misread)" : misread
        }
        let page = try Self.readLicencePage(with: engine)
        let code = try #require(page.fields["creditCode"])
        #expect(code.value == truth)
        #expect(code.correctedFrom == misread)
    }

    @Test func confidentCharactersAreNeverCorrected() throws {
        // Read with full confidence but invalid: substitutions at confident
        // positions would find valid codes by chance (here 5 → B at position
        // 5 validates), so nothing is changed and the rules will ask for review.
        let misread = "9113O522MA8GBT5ML4"
        let engine = ScriptedEngine { request in request.whitelist == nil ? "统一社会信用代码\(misread)" : "91130522MA8GBT5MLA" }
        let page = try Self.readLicencePage(with: engine)
        let code = try #require(page.fields["creditCode"])
        #expect(!CreditCode.isValid(code.value))
        #expect(code.correctedFrom == nil)
        #expect(code.confidence < 0.5)
    }

    /// The free reading split one character in two (F → EF), so its first
    /// 18 characters stop one short of the code's end: the re-read region
    /// must reach the last printed character (here the engine reads the
    /// code right only when the region covers it).
    @Test func reReadCoversACodeWhoseFreeReadingGainedACharacter() throws {
        let truth = "91210203MAFFJLU0WD"
        let label = "统一社会信用代码", split = "91210203MAFEFJLU0WD"
        // The scripted engine sets symbol i at x = 100 + 20 i, 18 wide.
        let lastCharacterRight = 100 + 20 * (label.count + split.count - 1) + 18
        let engine = ScriptedEngine { request in
            guard request.whitelist != nil else { return label + split }
            return (request.region?.maxX ?? 0) >= lastCharacterRight ? truth : String(split.prefix(18))
        }
        let page = try Self.readLicencePage(with: engine)
        let code = try #require(page.fields["creditCode"])
        #expect(code.value == truth)
        #expect(code.correctedFrom == nil)
    }

    /// A code letter read as a Han character (H → 匡) must not hide the
    /// code: the run is still located and re-read with the code's alphabet.
    @Test func codeWithAHanMisreadIsStillLocatedAndReRead() throws {
        let truth = "91130529MAXTF5WLQH"
        let engine = ScriptedEngine { request in
            request.whitelist == nil ? "统一社会信用代码91130529MAXTF5WLQ匡" : truth
        }
        let page = try Self.readLicencePage(with: engine)
        let code = try #require(page.fields["creditCode"])
        #expect(code.value == truth)
    }
}
