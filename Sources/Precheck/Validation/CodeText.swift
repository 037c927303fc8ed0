/// Normalisation shared by the code validators.
enum CodeText {
    /// Upper-cased, spaces and hyphens removed, full-width forms (０-９, Ａ-Ｚ,
    /// ａ-ｚ) folded to ASCII.
    static func normalized(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }  // full-width ASCII block
            guard let folded = Unicode.Scalar(value) else { continue }
            if folded == " " || folded == "-" || folded == "\u{3000}" || folded.properties.isWhitespace { continue }
            result.unicodeScalars.append(folded)
        }
        return result.uppercased()
    }
}
