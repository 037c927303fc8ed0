import Foundation
import Precheck
import PrecheckCorpus
import PrecheckNative

/// Images rendered for tests: real pixels from the corpus renderer, with
/// the values drawn on them known exactly.
enum TestImages {
    /// The sample licence page (A4 at 200 dpi) and what is printed on it.
    static func licensePage(seed: UInt64 = 7) throws -> RenderedDocument {
        var random = SeededRandom(seed: seed)
        return try LicenseRenderer().render(SampleContent.license, random: &random)
    }

    static func jpeg(_ raster: Raster, quality: Int = 92) throws -> [UInt8] {
        try VipsImage(raster).encoded(as: .jpeg(quality: quality))
    }

    /// A one-page PDF drawing a filled rectangle (vector, no fonts), built by hand.
    static func minimalPDF(widthPoints: Int = 200, heightPoints: Int = 100) -> [UInt8] {
        let content = "0 0 1 rg 20 20 80 40 re f"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(widthPoints) \(heightPoints)] /Contents 4 0 R >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(pdf.utf8)
    }

    /// A 24-bit BMP of a raster, built by hand (libvips cannot write BMP).
    static func bmp(_ raster: Raster) -> [UInt8] {
        let rgb = raster.channels == 3 ? raster : Raster(width: raster.width, height: raster.height, channels: 3,
                                                         pixels: raster.pixels.flatMap { [$0, $0, $0] })
        let rowSize = (rgb.width * 3 + 3) / 4 * 4
        let dataSize = rowSize * rgb.height
        func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
        func le16(_ value: Int) -> [UInt8] { (0..<2).map { UInt8((value >> (8 * $0)) & 0xFF) } }
        var bytes: [UInt8] = [0x42, 0x4D] + le32(54 + dataSize) + le32(0) + le32(54)
        bytes += le32(40) + le32(rgb.width) + le32(rgb.height) + le16(1) + le16(24) + le32(0) + le32(dataSize)
        bytes += le32(2835) + le32(2835) + le32(0) + le32(0)
        for y in (0..<rgb.height).reversed() {
            var row: [UInt8] = []
            for x in 0..<rgb.width {
                let index = (y * rgb.width + x) * 3
                row += [rgb.pixels[index + 2], rgb.pixels[index + 1], rgb.pixels[index]]
            }
            row += [UInt8](repeating: 0, count: rowSize - row.count)
            bytes += row
        }
        return bytes
    }
}

extension String {
    /// The text without any white space (Tesseract inserts spaces into Chinese).
    var withoutSpaces: String { filter { !$0.isWhitespace } }
}
