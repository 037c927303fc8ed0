import Foundation

/// Turns an archive entry's stored name (bytes in an unknown encoding) into
/// text without losing the ability to tell names apart.
///
/// Zip files made by Chinese Windows tools store names in GBK/GB 18030 with
/// no flag saying so; tar files store whatever bytes the maker's locale had.
/// The order tried: UTF-8, GB 18030 (a superset of GBK, through glibc's
/// iconv), and last the bytes that are not ASCII written as `%XX`, so every
/// name becomes some text and different names stay different.
public enum EntryNameText {
    public static func decode(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if let text = gb18030(bytes) { return text }
        return escaped(bytes)
    }

    /// `%XX` for every byte outside printable ASCII (and for `%` itself).
    static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes {
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "%") {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                text += String(format: "%%%02X", byte)
            }
        }
        return text
    }

    /// The bytes read as GB 18030, or `nil` when they are not valid GB 18030
    /// (or contain control characters, which no real file name has).
    static func gb18030(_ bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty, bytes.count < 4096 else { return nil }
        let converter = iconv_open("UTF-8", "GB18030")
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 4)
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress, outPointer = outBuffer.baseAddress
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let converted else { return nil }
        let text = String(decoding: output.prefix(converted).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        return text
    }
}
