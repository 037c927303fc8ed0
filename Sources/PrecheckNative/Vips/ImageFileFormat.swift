/// The encoded image formats Precheck accepts, recognised by their first
/// bytes (never by the file name, which applicants get wrong).
public enum ImageFileFormat: String, Sendable, Codable, CaseIterable {
    case jpeg, png, tiff, webp, bmp, pdf

    /// Recognises the format from the leading bytes, or returns `nil`.
    public static func sniff<Bytes: Collection>(_ bytes: Bytes) -> ImageFileFormat? where Bytes.Element == UInt8 {
        let head = Array(bytes.prefix(1024))
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + magic.count && Array(head[offset..<offset + magic.count]) == magic
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts([0x42, 0x4D]) && head.count >= 26 { return .bmp }
        // PDF allows junk before the header within the first 1024 bytes.
        let pdfMagic = Array("%PDF-".utf8)
        if head.count >= pdfMagic.count {
            for start in 0...(head.count - pdfMagic.count) where Array(head[start..<start + pdfMagic.count]) == pdfMagic {
                return .pdf
            }
        }
        return nil
    }
}
