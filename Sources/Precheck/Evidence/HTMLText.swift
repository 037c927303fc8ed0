/// Escaping for text placed in HTML (element content and quoted
/// attributes), shared by the pages that show evidence to reviewers (the
/// batch report, the review service): data from uploads, forms or OCR never
/// becomes markup.
public enum HTMLText {
    /// `text` with the five HTML-significant characters (`&<>"'`) escaped.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
