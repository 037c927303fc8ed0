import Foundation
import Precheck
import PrecheckCorpus
import PrecheckNative
import Testing

/// Seal detection, ring reading and the letter's seal box on the committed
/// samples and on a rendered faded seal.
@Suite("Seal detection and reading", .serialized)
struct SealDetectorTests {
    func page(_ application: String, _ slot: String, engine: any OCREngine) throws -> CleanedPage {
        try PageCleaner().clean(try ImageIntake().decode(contentsOf: try Samples.file(application, slot)), engine: engine)
    }

    @Test func licenceAuthoritySealOverTextIsFoundAndReadCloserToItsAuthority() throws {
        let engine = try TesseractEngine()
        let licence = try page("APP-0001", "businessLicense", engine: engine)
        let seals = SealDetector().detect(in: licence)
        #expect(seals.count == 1)
        let seal = try #require(seals.first)
        #expect(seal.colour == .red)
        // Lower right, over the issue date; not the red emblem at the top.
        #expect(seal.centreX > Double(licence.colour.width) / 2 && seal.centreY > Double(licence.colour.height) * 0.7)
        #expect(abs(seal.radiusX - seal.radiusY) < 0.05 * seal.radiusX)

        let reading = try SealRingReader().read(seal, in: licence, engine: engine)
        let truth = try Samples.truth("APP-0001").fields["businessLicense"]!["registrationAuthority"]!
        #expect(truth == "临城县市场监督管理局")
        let neighbour = "内丘县市场监督管理局"
        #expect(TextSimilarity.similarity(reading.text, truth) > TextSimilarity.similarity(reading.text, neighbour))
        #expect(reading.readings.count == 3)
        #expect(reading.readings.contains(reading.text))
    }

    @Test func fadedSealIsFound() throws {
        var canvas = Canvas(width: 1240, height: 1754)
        var random = SeededRandom(seed: 7)
        for line in 0..<12 {
            _ = try canvas.text("本授权书自签署之日起生效，特此证明。", x: 120, y: 900 + line * 60, points: 14, dpi: 150)
        }
        var style = SealStyle(ringText: "石门县市场监督管理局", radius: 118)
        style.inkStrength = 0.45
        style.rotationDegrees = 12
        try SealRenderer.stamp(style, on: &canvas, cx: 820, cy: 1100, random: &random)
        let decoded = try ImageIntake().decode(try VipsImage(canvas.raster).encoded(as: .png))
        let cleaned = try PageCleaner().clean(decoded)
        let seals = SealDetector().detect(in: cleaned)
        #expect(seals.count == 1)
        let seal = try #require(seals.first)
        #expect(seal.colour == .red)
        #expect(abs(seal.centreX - 820) < 6 && abs(seal.centreY - 1100) < 6)
        #expect(abs(seal.radiusX - 118) < 6 && abs(seal.radiusY - 118) < 6)
    }

    /// A phone photo of a page on a reddish table: the table, all round
    /// the page, is red ink to the mask, solid or as streaks of wood grain,
    /// and must not swallow the seal (seed 2035 APP-0022 and APP-0287, seed
    /// 2036 APP-0194 lost their letter seals so).
    @Test(arguments: [false, true]) func sealOnAPageLyingOnARedTableIsFound(grained: Bool) throws {
        var canvas = Canvas(width: 1400, height: 1900, background: grained ? RGB(118, 92, 74) : RGB(150, 72, 62))
        var random = SeededRandom(seed: 11)
        if grained {
            for _ in 0..<2500 {
                let x = Int.random(in: 0...1380, using: &random), y = Int.random(in: 0...1895, using: &random)
                canvas.paint(PixelBox(x: x, y: y, width: Int.random(in: 20...160, using: &random), height: Int.random(in: 2...4, using: &random)), colour: RGB(170, 72, 60))
            }
        }
        canvas.paint(PixelBox(x: 90, y: 80, width: 1220, height: 1740), colour: .paper)
        for line in 0..<12 {
            _ = try canvas.text("本授权书自签署之日起生效，特此证明。", x: 200, y: 900 + line * 60, points: 14, dpi: 150)
        }
        try SealRenderer.stamp(SealStyle(ringText: "南京秦淮区云溪五金店", radius: 118), on: &canvas, cx: 900, cy: 1150, random: &random)
        let cleaned = try PageCleaner().clean(try ImageIntake().decode(try VipsImage(canvas.raster).encoded(as: .png)))
        let seals = SealDetector().detect(in: cleaned)
        #expect(seals.count == 1)
        let seal = try #require(seals.first)
        #expect(seal.colour == .red)
        #expect(abs(seal.centreX - 900) < 6 && abs(seal.centreY - 1150) < 6)
    }

    @Test func blackAndWhiteCopyHasRedCompanySealAndGreyAuthoritySeal() throws {
        let truth = try Samples.truth("APP-0008")
        #expect(truth.presentation["businessLicense"]!.blackAndWhiteCopy && truth.presentation["businessLicense"]!.companySealOnCopy)
        let copy = try page("APP-0008", "businessLicense", engine: try TesseractEngine())
        let seals = SealDetector().detect(in: copy)
        #expect(seals.filter { $0.colour == .red }.count == 1)
        #expect(seals.filter { $0.colour == .grey }.count == 1)
    }

    /// Seed 2044's APP-0023: a phone photo of a B&W licence copy stamped with
    /// the company's seal. The seal's red is printed colour, so the page's
    /// ink is not all grey and it was taken for a colour original, its
    /// company seal for the authority's. Measured again without its red
    /// seal it is the copy it is; a colour original keeps its colour.
    @Test func photographedSealedCopyIsACopyWithoutItsSeal() throws {
        let application = try DocumentReaderTests.generated(seed: 2044, 23)
        let presentation = try #require(application.truth.presentation["businessLicense"])
        #expect(presentation.blackAndWhiteCopy && presentation.companySealOnCopy && presentation.degradations == ["phonePhoto"])
        let engine = try TesseractEngine()
        let image = try ImageIntake().decode(try #require(application.files[presentation.file]))
        let copy = try DocumentReader().read(image, engine: engine)
        #expect(try #require(copy.quality.offGreyInkShare) >= QualityMeasures.maxCopyOffGreyInkShare, "the seal's red counts as colour")
        #expect(try #require(copy.quality.offGreyInkShareOutsideSeals) < 0.01)
        #expect(copy.isBlackAndWhiteCopy)
        #expect(copy.seals.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.company, .registrationAuthority])
        #expect(copy.seals.first { $0.kind == .company }?.color == .red)
        #expect(copy.seals.first { $0.kind == .registrationAuthority }?.color == .grey)

        let original = try DocumentReader().read(try ImageIntake().decode(contentsOf: try Samples.file("APP-0001", "businessLicense")),
                                                 engine: engine)
        #expect(!original.isBlackAndWhiteCopy)
        #expect(try #require(original.quality.offGreyInkShareOutsideSeals) >= QualityMeasures.minColourOffGreyInkShare)
    }

    @Test func copyWithoutCompanySealHasOnlyTheGreySeal() throws {
        #expect(try Samples.truth("APP-0013").defect == .copyWithoutSeal)
        let copy = try page("APP-0013", "businessLicense", engine: try TesseractEngine())
        let seals = SealDetector().detect(in: copy)
        // The emblem, grey on the copy, is no seal either.
        #expect(seals.map(\.colour) == [.grey])
    }

    @Test func letterSealInsideAndOutsideTheDashedBox() throws {
        let engine = try TesseractEngine()
        let inside = try page("APP-0001", "authorizationLetter", engine: engine)
        let insideBox = try #require(DashedBoxFinder().find(in: inside))
        let insideSeals = SealDetector().detect(in: inside)
        #expect(insideSeals.count == 1)
        #expect(try #require(insideSeals.first).fractionInside(insideBox) > 0.5)

        #expect(try Samples.truth("APP-0029").defect == .letterSealOutsideBox)
        let outside = try page("APP-0029", "authorizationLetter", engine: engine)
        let outsideBox = try #require(DashedBoxFinder().find(in: outside))
        let outsideSeals = SealDetector().detect(in: outside)
        #expect(outsideSeals.count == 1)
        #expect(try #require(outsideSeals.first).fractionInside(outsideBox) < 0.5)
    }

    @Test func pagesWithoutSeals() throws {
        let engine = try TesseractEngine()
        #expect(try Samples.truth("APP-0028").defect == .letterWithoutSeal)
        #expect(SealDetector().detect(in: try page("APP-0028", "authorizationLetter", engine: engine)).isEmpty)
        #expect(SealDetector().detect(in: try page("APP-0001", "idCardFront", engine: engine)).isEmpty)
        #expect(SealDetector().detect(in: try page("APP-0001", "idCardBack", engine: engine)).isEmpty)
    }

    @Test func fractionInsideMeasuresTheEllipseArea() {
        let seal = DetectedSeal(centreX: 100, centreY: 100, radiusX: 50, radiusY: 40, colour: .red, score: 1)
        #expect(seal.box == PixelBox(x: 50, y: 60, width: 100, height: 80))
        #expect(seal.fractionInside(PixelBox(x: 0, y: 0, width: 300, height: 300)) == 1)
        #expect(seal.fractionInside(PixelBox(x: 200, y: 200, width: 50, height: 50)) == 0)
        #expect(abs(seal.fractionInside(PixelBox(x: 0, y: 0, width: 100, height: 300)) - 0.5) < 0.01)
    }
}
