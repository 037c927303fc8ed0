import PrecheckNative

/// A registered capital in capital numerals (人民币壹仟万元整): a closed
/// alphabet under a strict grammar, which the recogniser still misreads
/// with characters outside it (仟 → 什, 捌 → 拥, 叁 → 参, 整 → 束).
///
/// Each character outside the alphabet is replaced by the character its
/// glyph looks most like (render and compare, ``GlyphTemplates``) among
/// those the grammar allows at that place — a numeral after a unit, a unit
/// or 万 / 元 after a numeral. The result is kept only when it is a
/// well-formed amount; characters inside the alphabet are never changed.
struct CapitalAmount {
    static let numerals: Set<Character> = Set("壹贰叁肆伍陆柒捌玖")
    static let units: Set<Character> = Set("拾佰仟")
    static let magnitudes: Set<Character> = Set("万亿")
    static let currency: Set<Character> = Set("元圆")
    static let endings: Set<Character> = Set("整正")
    static let prefix = "人民币"
    /// Every character an amount may hold after its prefix.
    static let alphabet = numerals.union(units).union(magnitudes).union(currency).union(endings).union(["零"])

    /// The page the amount is printed on.
    let page: PrintedCharacters

    /// What may follow `previous` (`nil`: the start of the amount).
    static func allowed(after previous: Character?) -> Set<Character> {
        guard let previous else { return numerals.union(["拾"]) }
        if previous == "零" { return numerals }
        if numerals.contains(previous) { return units.union(magnitudes).union(currency) }
        if units.contains(previous) || magnitudes.contains(previous) { return numerals.union(magnitudes).union(currency).union(["零"]) }
        if currency.contains(previous) { return endings }
        return []
    }

    /// Whether `text` is a well-formed amount: 人民币 optional, at least one
    /// numeral (or a leading 拾, as in 拾万元), and ending in a magnitude,
    /// 元 or 整.
    static func isWellFormed(_ text: String) -> Bool {
        let body = text.hasPrefix(prefix) ? text.dropFirst(prefix.count) : Substring(text)
        guard let last = body.last, body.first == "拾" || body.contains(where: numerals.contains),
              magnitudes.contains(last) || currency.contains(last) || endings.contains(last) else { return false }
        var previous: Character?
        for character in body {
            guard allowed(after: previous).contains(character) else { return false }
            previous = character
        }
        return true
    }

    /// `value`'s text with its out-of-alphabet characters replaced as
    /// described above; the text unchanged when it already is an amount,
    /// when its characters cannot be told apart on the page, or when no
    /// replacement makes it well-formed.
    func corrected(_ value: LabelledValue) -> String {
        let text = value.text
        let characters = Array(text)
        guard !Self.isWellFormed(text), let box = value.box,
              let cells = page.cells(in: box, count: characters.count) else { return text }
        let start = text.hasPrefix(Self.prefix) ? Self.prefix.count : 0
        var result = Array(characters[..<start])
        var previous: Character?
        for index in start..<characters.count {
            var character = characters[index]
            if !Self.alphabet.contains(character), let closest = page.closest(of: Self.allowed(after: previous), to: cells[index]) {
                character = closest
            }
            result.append(character)
            previous = character
        }
        let candidate = String(result)
        return Self.isWellFormed(candidate) ? candidate : text
    }
}
