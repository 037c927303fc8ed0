import Foundation
import Precheck
import PrecheckNative
import Testing

@Suite("Image intake")
struct ImageIntakeTests {
    let intake = ImageIntake()
    let small = Raster(width: 40, height: 30, channels: 3, fill: 200)

    @Test func zeroByteFileIsATypedError() throws {
        #expect(throws: IntakeError.self) { try intake.decode([]) }
        do { _ = try intake.decode([]) } catch let error as IntakeError { #expect(error.code == .empty) }
    }

    @Test func truncatedJPEGIsCorruptNotACrash() throws {
        let page = try TestImages.licensePage()
        let jpeg = try TestImages.jpeg(page.canvas.raster)
        let truncated = Array(jpeg.prefix(jpeg.count / 3))
        do {
            _ = try intake.decode(truncated)
            Issue.record("a truncated JPEG decoded without error")
        } catch let error as IntakeError {
            #expect(error.code == .corrupt)
            #expect(error.underlying != nil)
        }
    }

    @Test func corruptPNGAndUnknownBytesAreTypedErrors() throws {
        var png = try VipsImage(small).encoded(as: .png)
        for index in 40..<png.count - 12 { png[index] = 0x5A }
        do { _ = try intake.decode(png); Issue.record("damaged PNG decoded") } catch let error as IntakeError {
            #expect(error.code == .corrupt)
        }
        do { _ = try intake.decode(Array("not an image at all".utf8)); Issue.record("text decoded") } catch let error as IntakeError {
            #expect(error.code == .unsupportedFormat)
        }
    }

    @Test(arguments: ["png", "tiff", "webp", "bmp", "jpeg"])
    func decodesEachAcceptedFormat(_ name: String) throws {
        let bytes: [UInt8] = switch name {
        case "png": try VipsImage(small).encoded(as: .png)
        case "tiff": try VipsImage(small).encoded(as: .tiff)
        case "webp": try VipsImage(small).encoded(as: .webp(quality: 100))
        case "bmp": TestImages.bmp(small)
        default: try VipsImage(small).encoded(as: .jpeg(quality: 95))
        }
        let image = try intake.decode(bytes)
        #expect(image.format.rawValue == name)
        #expect(image.raster.width == 40 && image.raster.height == 30 && image.raster.channels == 3)
        let centre = (15 * 40 + 20) * 3
        #expect(abs(Int(image.raster.pixels[centre]) - 200) <= 3)
    }

    @Test func decodesFirstPDFPageAtWorkingResolution() throws {
        let image = try intake.decode(TestImages.minimalPDF(widthPoints: 200, heightPoints: 100))
        #expect(image.format == .pdf)
        // 200 pt long side rendered at the largest dpi ≤ 300 under decodeLongSide: 300 dpi → 833 px.
        #expect(image.raster.width == 833)
        #expect(image.raster.height == 417)
        // The blue rectangle (20..100 pt from the left, 20..60 pt from the bottom).
        let x = 60 * 300 / 72, y = (100 - 40) * 300 / 72
        let index = (y * image.raster.width + x) * 3
        #expect(image.raster.pixels[index + 2] > 200 && image.raster.pixels[index] < 60)
    }

    @Test func appliesEXIFOrientation() throws {
        // 40×30 stored, orientation 6 (turn 90° clockwise to view): the user sees 30×40.
        var marked = small
        for y in 0..<5 { for x in 0..<5 { marked.pixels[(y * 40 + x) * 3] = 0 } }  // dark top-left corner
        let jpeg = try VipsImage(marked).withEXIFOrientation(6).encoded(as: .jpegKeepingMetadata(quality: 95))
        let image = try intake.decode(jpeg)
        #expect(image.sourceWidth == 30 && image.sourceHeight == 40)
        #expect(image.raster.width == 30 && image.raster.height == 40)
        // The stored top-left corner is now top-right.
        #expect(image.raster.pixels[(1 * 30 + 28) * 3] < 60)
    }

    @Test func refusesTooManyPixelsAndTooManyBytes() throws {
        var limits = IntakeLimits()
        limits.maxPixels = 1_000
        do { _ = try ImageIntake(limits: limits).decode(try VipsImage(small).encoded(as: .png)); Issue.record("accepted") }
        catch let error as IntakeError { #expect(error.code == .tooManyPixels) }
        limits = IntakeLimits()
        limits.maxBytes = 100
        do { _ = try ImageIntake(limits: limits).decode(try VipsImage(small).encoded(as: .tiff)); Issue.record("accepted") }
        catch let error as IntakeError { #expect(error.code == .tooLarge) }
    }

    @Test func shrinksLargeJPEGWhileDecoding() throws {
        let large = try VipsImage(small).resized(by: 200)  // 8000×6000
        let jpeg = try large.encoded(as: .jpeg(quality: 70))
        let image = try intake.decode(jpeg)
        #expect(image.sourceWidth == 8000 && image.sourceHeight == 6000)
        #expect(image.raster.width == 4000)  // shrink 2 keeps the long side ≥ 2600
        #expect(abs(image.scaleFromSource - 0.5) < 1e-9)
    }
}
