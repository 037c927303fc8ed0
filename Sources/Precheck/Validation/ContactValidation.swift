/// Checks of the applicant's contact details on the form.
public enum ContactValidation {
    /// A mainland mobile number: 11 digits starting 13-19, optionally with
    /// +86 / 0086 in front and spaces or hyphens between groups.
    public static func isMobile(_ text: String) -> Bool {
        var digits = text.filter { $0 != " " && $0 != "-" }
        if digits.hasPrefix("+86") { digits.removeFirst(3) } else if digits.hasPrefix("0086") { digits.removeFirst(4) }
        let characters = Array(digits)
        return characters.count == 11 && characters.allSatisfy(\.isASCIIDigit) && characters[0] == "1"
            && "3456789".contains(characters[1])
    }

    /// An e-mail address of the usual shape: one `@`, a local part of
    /// letters, digits and `._%+-`, a domain of dot-separated labels ending
    /// in a letter-only top-level label of at least two letters.
    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, text.count <= 254 else { return false }
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
        guard parts[0].allSatisfy(localAllowed.contains), !parts[0].hasPrefix("."), !parts[0].hasSuffix("."),
              !parts[0].contains("..") else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter), top.allSatisfy(\.isASCII) else {
            return false
        }
        let labelAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        return labels.allSatisfy { !$0.isEmpty && $0.count <= 63 && $0.allSatisfy(labelAllowed.contains) && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }
}
