/// Masks personal data for logs and progress lines (contract §3: logs
/// never hold ID or phone numbers unmasked).
public enum PersonalData {
    /// `330103198507120018` → `330103********0018`.
    public static func maskedIDNumber(_ text: String) -> String {
        let characters = Array(text)
        guard characters.count > 10 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(6)) + String(repeating: "*", count: characters.count - 10) + String(characters.suffix(4))
    }

    /// `15600001234` → `156****1234`.
    public static func maskedPhone(_ text: String) -> String {
        let characters = Array(text)
        guard characters.count > 7 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(3)) + String(repeating: "*", count: characters.count - 7) + String(characters.suffix(4))
    }

    /// Masks what looks like personal numbers inside a free text: runs of
    /// 18 characters of an ID number (17 digits and a digit or X) and
    /// 11-digit mobile numbers (starting with 1). Other numbers (application
    /// ids, amounts) stay as they are.
    public static func masked(_ text: String) -> String {
        var result = "", run = ""
        func flush() {
            if run.count == 18 && run.dropLast().allSatisfy(\.isASCIIDigit) {
                result += maskedIDNumber(run)
            } else if run.count == 11 && run.hasPrefix("1") && run.allSatisfy(\.isASCIIDigit) {
                result += maskedPhone(run)
            } else {
                result += run
            }
            run = ""
        }
        for character in text {
            if character.isASCIIDigit || (character == "X" && run.count == 17) { run.append(character) } else { flush(); result.append(character) }
        }
        flush()
        return result
    }
}
