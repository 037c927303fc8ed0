import PrecheckNative

/// The word between a building's number and a room's in an address
/// (…路603号15幢1421室): one of a few characters, which the recogniser
/// reads as others of similar shape (幢 as 峡, 尽, 贱, 蛋 — 51 of the
/// licence addresses missed on seeds 2044 and 2045).
///
/// Where an address reads 号, digits, one other Han character, digits and
/// 室, that character is replaced by the building word its glyph looks
/// most like (render and compare, as for capital amounts). A character
/// that already is a building word is never changed.
struct BuildingWord {
    static let words: Set<Character> = ["幢", "栋", "楼", "座"]

    /// The page the address is printed on.
    let page: PrintedCharacters

    /// `value`'s text with its building word chosen by shape, or the text
    /// unchanged when the pattern does not hold or the glyph cannot be
    /// compared (its symbol unknown).
    func corrected(_ value: LabelledValue) -> String {
        let characters = Array(value.text)
        guard characters.count == value.symbols.count, let index = Self.buildingWordIndex(in: characters),
              let word = page.closest(of: Self.words, to: value.symbols[index].box) else { return value.text }
        var fixed = characters
        fixed[index] = word
        return String(fixed)
    }

    /// Where the building word of `号<digits>?<digits>室` stands in
    /// `characters`, when it is a Han character that is not already one.
    static func buildingWordIndex(in characters: [Character]) -> Int? {
        guard let number = characters.lastIndex(of: "号") else { return nil }
        var index = number + 1
        let buildingDigits = index
        while index < characters.count, characters[index].isASCIIDigit { index += 1 }
        guard index > buildingDigits, index < characters.count else { return nil }
        let word = index
        index += 1
        let roomDigits = index
        while index < characters.count, characters[index].isASCIIDigit { index += 1 }
        guard index > roomDigits, index == characters.count - 1, characters[index] == "室",
              characters[word].isHanCharacter, !words.contains(characters[word]) else { return nil }
        return word
    }
}
