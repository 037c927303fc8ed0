/// A unified social credit code (统一社会信用代码), GB 32100-2015.
///
/// ```swift
/// let code = try CreditCode.validate("91350100M000100Y43")
/// code.divisionCode   // "350100"
/// code.isIndividualBusiness  // false
/// ```
///
/// Layout: registration department (1) · organisation category (1) ·
/// administrative division of the registering authority (6, GB/T 2260) ·
/// organisation code (9) · check character (1).
public struct CreditCode: Sendable, Hashable, CustomStringConvertible {
    /// The 31 characters of the code alphabet: digits and capitals without I, O, S, V, Z.
    public static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Why a text is not a valid credit code.
    public enum Problem: String, Error, Sendable, Codable {
        case length, character, registrationDepartment, category, division, checkCharacter
    }

    /// The 18 characters, normalised (upper case, ASCII, no spaces).
    public let value: String
    public var description: String { value }

    /// Registration department (登记管理部门): `9` = market regulation (工商).
    public var department: Character { Array(value)[0] }
    /// Organisation category within the department: for `9`, `1` = enterprise,
    /// `2` = individual business, `3` = farmers' cooperative.
    public var category: Character { Array(value)[1] }
    /// The GB/T 2260 division of the registering authority (characters 3-8).
    public var divisionCode: String { String(Array(value)[2..<8]) }
    /// Whether the code names an individual business (个体工商户, `92…`).
    public var isIndividualBusiness: Bool { department == "9" && category == "2" }

    /// Validates `text` (spaces, lower case and full-width characters allowed).
    public static func validate(_ text: String) throws(Problem) -> CreditCode {
        let normalized = CodeText.normalized(text)
        let characters = Array(normalized)
        guard characters.count == 18 else { throw .length }
        guard characters.allSatisfy({ alphabet.contains($0) }) else { throw .character }
        guard "123456789ABCDEFGNY".contains(characters[0]) else { throw .registrationDepartment }
        // Market regulation (9) registers companies (1), individual
        // businesses (2) and farmers' cooperatives (3) only.
        guard characters[0] != "9" || "123".contains(characters[1]) else { throw .category }
        guard checkCharacter(for: String(characters[0..<17])) == characters[17] else { throw .checkCharacter }
        let code = CreditCode(value: normalized)
        // The division is six digits and must at least name a province
        // GB/T 2260 knows (some real codes carry development-zone codes
        // outside the table).
        guard code.divisionCode.allSatisfy(\.isASCIIDigit), AdministrativeDivisions.shared.division(String(code.divisionCode.prefix(2)) + "0000")?.level == .province else {
            throw .division
        }
        return code
    }

    /// The check character for the first 17 characters, or `nil` when they
    /// are not 17 characters of the alphabet.
    public static func checkCharacter(for prefix: String) -> Character? {
        let characters = Array(prefix)
        guard characters.count == 17 else { return nil }
        var sum = 0
        for (index, character) in characters.enumerated() {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            sum += value * weights[index]
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// Whether `text` is a valid credit code.
    public static func isValid(_ text: String) -> Bool {
        (try? validate(text)) != nil
    }
}
