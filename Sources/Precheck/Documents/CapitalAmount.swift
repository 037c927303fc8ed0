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

    /// The cleaned page: grey for the glyphs, binary (0 = ink) to find them.
    let grey: Raster
    let binary: Raster
    var templates = GlyphTemplates.shared

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

    static func isInAlphabet(_ character: Character) -> Bool {
        numerals.contains(character) || units.contains(character) || magnitudes.contains(character)
            || currency.contains(character) || endings.contains(character) || character == "零"
    }

    /// `value`'s text with its out-of-alphabet characters replaced as
    /// described above; the text unchanged when it already is an amount,
    /// when its characters cannot be told apart on the page, or when no
    /// replacement makes it well-formed.
    func corrected(_ value: LabelledValue) -> String {
        let text = value.text
        let characters = Array(text)
        guard !Self.isWellFormed(text), let box = value.box,
              let cells = characterCells(in: box, count: characters.count) else { return text }
        let start = text.hasPrefix(Self.prefix) ? Self.prefix.count : 0
        var result = Array(characters[..<start])
        var previous: Character?
        for index in start..<characters.count {
            var character = characters[index]
            if !Self.isInAlphabet(character), let closest = closest(of: Self.allowed(after: previous), to: cells[index]) {
                character = closest
            }
            result.append(character)
            previous = character
        }
        let candidate = String(result)
        return Self.isWellFormed(candidate) ? candidate : text
    }

    /// The boxes of `count` characters printed in `box`, from the inked
    /// columns: runs of ink separated by blank columns, neighbouring runs
    /// joined while they fit in one square character body (亻 and 千 make
    /// 仟). The recogniser's own symbol boxes are placed too roughly to
    /// compare shapes in. `nil` unless exactly `count` characters are found.
    func characterCells(in box: PixelBox, count: Int) -> [PixelBox]? {
        // Symbol boxes may fall short of the ink at either end: look a third
        // of a character further, and drop a narrow mark picked up there (a
        // colon after the label, a stroke of the next field).
        // Han characters are set on square bodies with a fixed advance: the
        // value's width per character measures them (its height, from the
        // recogniser's boxes, can be well off).
        let advance = Double(box.width) / Double(max(1, count))
        let reach = Int(advance / 3), margin = max(2, box.height / 6)
        let band = PixelBox(x: box.x - reach, y: box.y - margin, width: box.width + 2 * reach, height: box.height + 2 * margin)
            .clipped(to: (binary.width, binary.height))
        guard band.area > 0, count > 0, advance >= 6 else { return nil }
        // A column is inked with two ink pixels or more (a speck of noise is not a stroke).
        var inked = [Bool](repeating: false, count: band.width)
        for x in 0..<band.width {
            var ink = 0
            for y in band.y..<band.maxY where binary.pixels[y * binary.width + band.x + x] == 0 { ink += 1 }
            inked[x] = ink >= 2
        }
        var runs: [(start: Int, end: Int)] = []
        for x in inked.indices where inked[x] {
            if let last = runs.last, last.end == x - 1 { runs[runs.count - 1].end = x } else { runs.append((x, x)) }
        }
        runs.removeAll { Double($0.end - $0.start + 1) < max(2, advance / 12) }
        let body = advance * 1.15
        var cells: [(start: Int, end: Int)] = []
        for run in runs {
            if let last = cells.last, Double(run.end - last.start + 1) <= body {
                cells[cells.count - 1].end = run.end
            } else {
                cells.append(run)
            }
        }
        let narrow = advance * 0.45
        while cells.count > count, let first = cells.first, let last = cells.last {
            let firstWidth = first.end - first.start, lastWidth = last.end - last.start
            guard Double(min(firstWidth, lastWidth)) < narrow else { break }
            if firstWidth <= lastWidth { cells.removeFirst() } else { cells.removeLast() }
        }
        // Blur can join two characters into one run: then the characters
        // are taken as evenly spaced over the inked stretch.
        if cells.count != count, let first = cells.first, let last = cells.last {
            let pitch = Double(last.end + 1 - first.start) / Double(count)
            guard pitch >= advance * 0.7, pitch <= advance * 1.4 else { return nil }
            cells = (0..<count).map { index in
                (first.start + Int(Double(index) * pitch), first.start + Int(Double(index + 1) * pitch) - 1)
            }
        }
        guard cells.count == count else { return nil }
        return cells.map { PixelBox(x: band.x + $0.start, y: band.y, width: $0.end - $0.start + 1, height: band.height) }
    }

    /// The character of `candidates` whose rendering looks most like the
    /// glyph in `box`.
    func closest(of candidates: Set<Character>, to box: PixelBox) -> Character? {
        guard let glyph = GlyphShape(grey: grey, box: box) else { return nil }
        return candidates.sorted().max { templates.similarity(of: glyph, to: $0) < templates.similarity(of: glyph, to: $1) }
    }
}
