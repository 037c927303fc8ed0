import Foundation

/// Wraps a JPEG as the single page of a PDF (an image XObject with
/// DCTDecode), so the corpus has PDF uploads. libvips 8.14 writes no PDF.
public enum PDFWrapper {
    /// A PDF whose one page shows `jpeg` (`width`×`height` pixels) at `dpi`.
    public static func wrap(jpeg: [UInt8], width: Int, height: Int, dpi: Int) -> [UInt8] {
        let pageWidth = Double(width) * 72 / Double(dpi), pageHeight = Double(height) * 72 / Double(dpi)
        let content = String(format: "q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", pageWidth, pageHeight)
        var pdf: [UInt8] = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        func object(_ body: [UInt8]) {
            offsets.append(pdf.count)
            pdf += Array("\(offsets.count) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        object(Array("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        object(Array("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8))
        object(Array(String(format: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
                            pageWidth, pageHeight).utf8))
        object(Array("<< /Type /XObject /Subtype /Image /Width \(width) /Height \(height) /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length \(jpeg.count) >>\nstream\n".utf8)
               + jpeg + Array("\nendstream".utf8))
        object(Array("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream".utf8))
        let xref = pdf.count
        var trailer = "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { trailer += String(format: "%010d 00000 n \n", offset) }
        trailer += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return pdf + Array(trailer.utf8)
    }
}
