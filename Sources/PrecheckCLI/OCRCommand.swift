import ArgumentParser
import Foundation
import Precheck
import PrecheckNative

/// `precheck ocr FILE`: decode, clean and OCR one scan; prints what was read.
struct OCRCommand: AsyncCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocr",
        abstract: "Clean up one scan and print the text Tesseract reads from it.")

    @Argument(help: "An image or PDF file.")
    var file: String

    @Flag(help: "Print the quality measures too.")
    var quality = false

    @Option(help: "Write the cleanup variants (colour, ocr-grey, binary, red-ink) as PNGs into this folder.")
    var saveVariants: String?

    func execute() async throws {
        let image = try InputFile.decode(file)
        let engine = try TesseractEngine()
        let page = try PageCleaner().clean(image, engine: engine)
        if let folder = saveVariants {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (name, raster) in [("colour", page.colour), ("ocr-grey", page.ocrGrey), ("binary", page.binary), ("red-ink", page.redInk)] {
                try Data(try VipsImage(raster).encoded(as: .png)).write(to: URL(fileURLWithPath: folder).appendingPathComponent("\(name).png"))
            }
        }
        let text = try engine.recognize(page.ocrGrey, RecognitionRequest(segmentation: .automatic, dpi: page.dpi))
        print(text.text)
        if quality {
            print("turn: \(page.transform.turn.rawValue)°  skew: \(String(format: "%.2f", page.transform.rotationDegrees))°  dpi: \(page.dpi)")
            print(page.quality)
        }
    }
}
