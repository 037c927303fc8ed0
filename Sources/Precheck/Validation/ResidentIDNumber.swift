import Foundation

/// A resident identity card number (公民身份号码), GB 11643-1999.
///
/// ```swift
/// let id = try ResidentIDNumber.validate("11010519491231002X")
/// id.birthDate  // 1949-12-31
/// id.isMale     // false
/// ```
///
/// Layout: division code (6, GB/T 2260, as valid when the number was
/// issued) · birth date (8) · sequence (3, odd for men) · check (1, ISO 7064
/// MOD 11-2, `X` for 10).
public struct ResidentIDNumber: Sendable, Hashable, CustomStringConvertible {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432")

    /// Why a text is not a valid ID number.
    public enum Problem: String, Error, Sendable, Codable {
        case length, character, region, birthDate, checkCharacter
    }

    /// The 18 characters, normalised (`x` → `X`, spaces removed).
    public let value: String
    public var description: String { value }
    public var divisionCode: String { String(value.prefix(6)) }
    /// `YYYY-MM-DD`
    public var birthDate: String {
        let digits = Array(value)
        return "\(String(digits[6..<10]))-\(String(digits[10..<12]))-\(String(digits[12..<14]))"
    }
    /// Odd 17th digit: male; even: female.
    public var isMale: Bool { (Array(value)[16].wholeNumberValue ?? 0) % 2 == 1 }

    /// Validates `text` against the structure, the place of issue (see
    /// `isKnownRegion`), the birth date (a real date, not after `today`) and
    /// the check digit. First-generation 15-digit numbers (GB 11643-1989) are
    /// refused: cards carrying them have not been valid since 2013.
    public static func validate(_ text: String, divisions: AdministrativeDivisions = .shared,
                                today: Date = Date()) throws(Problem) -> ResidentIDNumber {
        let normalized = CodeText.normalized(text)
        let characters = Array(normalized)
        guard characters.count == 18 else { throw .length }
        guard characters[0..<17].allSatisfy(\.isASCIIDigit), characters[17].isASCIIDigit || characters[17] == "X" else {
            throw .character
        }
        guard checkCharacter(for: String(characters[0..<17])) == characters[17] else { throw .checkCharacter }
        let number = ResidentIDNumber(value: normalized)
        guard isKnownRegion(number.divisionCode, divisions: divisions) else { throw .region }
        guard let birth = CalendarDate(iso: number.birthDate), birth.year >= 1880,
              birth <= CalendarDate(date: today) else { throw .birthDate }
        return number
    }

    /// Whether a number's first six digits can be a place of issue: a
    /// province that GB/T 2260 knows (the county part is not required, since
    /// statistical codes such as 511771 达州经济开发区 appear on real cards),
    /// 81/82/83 (residence permits of Hong Kong, Macao and Taiwan residents,
    /// GB 11643 numbers), or 9 followed by a province (foreigners' permanent-residence ID, 2023).
    static func isKnownRegion(_ code: String, divisions: AdministrativeDivisions) -> Bool {
        if ["81", "82", "83"].contains(String(code.prefix(2))) { return true }
        // Foreigners' numbers: 9, then the issuing province's two digits.
        let province = code.hasPrefix("9") ? String(code.dropFirst().prefix(2)) : String(code.prefix(2))
        return divisions.division(province + "0000")?.level == .province
    }

    /// The check character for the first 17 digits, or `nil` when they are not 17 digits.
    public static func checkCharacter(for prefix: String) -> Character? {
        let digits = prefix.compactMap(\.wholeNumberValue)
        guard digits.count == 17, prefix.count == 17 else { return nil }
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    public static func isValid(_ text: String) -> Bool {
        (try? validate(text)) != nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
