/// Normalises text for character-for-character comparison: full-width
/// letters, digits and brackets folded to half-width, spaces removed.
public enum TextNormalization {
    public static func normalized(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if value == 0x3000 { continue }                              // ideographic space
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }     // full-width ASCII
            guard let folded = Unicode.Scalar(value), !folded.properties.isWhitespace else { continue }
            result.unicodeScalars.append(folded)
        }
        return result
    }

    /// The letters and digits of `text` (Han characters are letters),
    /// without the marks and punctuation OCR puts around them.
    static func lettersAndDigits(_ text: String) -> String {
        text.filter { $0.isLetter || $0.isNumber }
    }
}

extension Character {
    /// A CJK unified ideograph (basic block, U+4E00-U+9FFF).
    var isHanCharacter: Bool { unicodeScalars.count == 1 && (0x4E00...0x9FFF).contains(unicodeScalars.first!.value) }
}
