import PrecheckNative

/// A value found after its label on a page.
struct LabelledValue {
    var text: String
    var symbols: [RecognizedSymbol]
    var confidence: Double {
        symbols.meanConfidence
    }
    var box: PixelBox? {
        symbols.dropFirst().reduce(symbols.first?.box) { $0?.union($1.box) }
    }

    /// The value without symbols at its ends that hold less than `ratio`
    /// of the ink of its typical symbol on `binary` (0 = ink): a colon or
    /// bracket after a label that the recogniser took for a Han character
    /// (`：石华凯` read as 三石华凯). Ink is counted on the page rather than
    /// judged by the symbol boxes, which Tesseract's LSTM places only
    /// roughly. At least two symbols are kept; unchanged when symbols and
    /// characters do not pair one to one.
    func droppingFaintEnds(on binary: Raster, ratio: Double = 0.25) -> LabelledValue {
        guard symbols.count == text.count, symbols.count > 2 else { return self }
        func ink(_ box: PixelBox) -> Int {
            let clipped = box.clipped(to: (binary.width, binary.height))
            var count = 0
            for y in clipped.y..<clipped.maxY {
                for x in clipped.x..<clipped.maxX where binary.pixels[y * binary.width + x] == 0 { count += 1 }
            }
            return count
        }
        let inks = symbols.map { ink($0.box) }
        let typical = Double(inks.sorted()[inks.count / 2])
        guard typical > 0 else { return self }
        var characters = Array(text), kept = Array(zip(symbols, inks))
        while kept.count > 2, let first = kept.first, Double(first.1) < ratio * typical { kept.removeFirst(); characters.removeFirst() }
        while kept.count > 2, let last = kept.last, Double(last.1) < ratio * typical { kept.removeLast(); characters.removeLast() }
        return LabelledValue(text: String(characters), symbols: kept.map(\.0))
    }
}

/// Finds labels in read lines and cuts out the values that follow them.
struct LabelledFields {
    let catalogue: [LabelCatalogue.Entry]

    /// Characters that are never part of a value's ends.
    static let strays: Set<Character> = [":", "：", "·", ".", ",", "，", "“", "”", "\"", "'", "‘", "’", "|", "、", "。", "_", "-", "—", "~", "`", "^", "*", "/", "\\", ";", "；", "!", "<", ">"]

    /// A label occurrence in a line: the character range it covers.
    struct Hit {
        let entry: LabelCatalogue.Entry
        let start: Int
        let end: Int
    }

    /// Field key → value, the first occurrence of each label with a value.
    /// A line found twice (a photo's slightly bent line can be traced as two
    /// overlapping lines, one cut short) gives the fuller of its values (see
    /// ``isFuller(_:than:)``), or the value of the trace that shows more of
    /// its label (受托人(代理人):姜文 rather than 人《代理人):半 from a
    /// garbled trace, where only 代理人 matched).
    func extract(from page: PageText) -> [String: LabelledValue] {
        // Per key: the value kept, the line it was read on, and how many
        // characters of its label matched there.
        var found: [String: (value: LabelledValue, line: PixelBox, labelLength: Int)] = [:]
        // Each key is read once; only its line traced again (an overlapping
        // line, not the same one) may replace a reading it holds more of.
        func mayRead(_ key: String, on box: PixelBox) -> Bool {
            guard let earlier = found[key]?.line else { return true }
            return earlier != box && Self.sameLine(earlier, box)
        }
        var index = 0
        let lines = page.lines
        while index < lines.count {
            let line = lines[index]
            var characters = characterSymbols(line)
            // Stray marks before the first label (|”姓名…) would hide it.
            while let first = characters.first, Self.strays.contains(first.character) { characters.removeFirst() }
            characters = Self.closingLabelGaps(characters)
            let hits = findLabels(in: characters.map(\.character), allowingLostFirstCharacter: true)
            for (position, hit) in hits.enumerated() where mayRead(hit.entry.key, on: line.box) {
                let end = position + 1 < hits.count ? hits[position + 1].start : characters.count
                var slice = Array(characters[hit.end..<max(hit.end, end)])
                slice = dropLabelEcho(slice, entry: hit.entry)
                // OCR puts stray quotes, bars and colons around values.
                while let first = slice.first, Self.strays.contains(first.character) { slice.removeFirst() }
                while let last = slice.last, Self.strays.contains(last.character) { slice.removeLast() }
                var value = LabelledValue(text: String(slice.map(\.character)), symbols: slice.compactMap(\.symbol))
                if hit.entry.multiline, position == hits.count - 1 {
                    // Continuation lines: below, starting at the value column, without labels.
                    // Passed over: specks read as a character elsewhere on the row or lower
                    // than half a line, and a second trace of a row already joined.
                    let valueX = value.box?.x ?? line.box.x
                    var next = index + 1
                    var joined: PixelBox?
                    while next < lines.count, next <= index + 3 {
                        let candidate = lines[next]
                        next += 1
                        let gap = candidate.box.y - (value.box?.maxY ?? line.box.maxY)
                        let candidateCharacters = characterSymbols(candidate)
                        guard gap < line.box.height * 2, candidate.box.x >= valueX - line.box.height,
                              findLabels(in: candidateCharacters.map(\.character)).isEmpty else { break }
                        guard candidate.box.x <= valueX + line.box.height, 2 * candidate.box.height >= line.box.height,
                              !(joined.map { Self.sameLine($0, candidate.box) } ?? false) else { continue }
                        value.text += candidate.text
                        value.symbols += candidateCharacters.compactMap(\.symbol)
                        joined = candidate.box
                    }
                }
                let labelLength = hit.end - hit.start
                if let earlier = found[hit.entry.key], !Self.isFuller(value.text, than: earlier.value.text),
                   labelLength <= earlier.labelLength || value.text.isEmpty { continue }
                found[hit.entry.key] = (value, line.box, labelLength)
            }
            index += 1
        }
        return found.mapValues(\.value)
    }

    /// The characters without stray marks between two Han characters at
    /// the line's start (`类,型` for 类型): labels are printed spaced out
    /// (类　　型) and OCR reads marks in the spaces. Not the middle dot,
    /// which a short label's transliterated name may hold (姓名阿·木).
    static func closingLabelGaps<Symbol>(_ characters: [(character: Character, symbol: Symbol)]) -> [(character: Character, symbol: Symbol)] {
        var result = characters
        var index = 1
        while index + 1 < min(result.count, labelGapReach) {
            let mark = result[index].character
            if mark != "·", strays.contains(mark), result[index - 1].character.isHanCharacter, result[index + 1].character.isHanCharacter {
                result.remove(at: index)
            } else {
                index += 1
            }
        }
        return result
    }

    /// Marks or letters that may stand before a two-character label's second
    /// character when its first was lost.
    static let maxLostLabelMarks = 2

    /// How far into a line (characters) marks between a label's characters are dropped.
    static let labelGapReach = 5

    /// Whether `later`, read where `earlier` was (the same line traced
    /// twice), is the fuller reading of the same value: an empty `earlier`,
    /// or the same first two letters or digits and more of them. Marks do
    /// not count, and a different opening is another reading, not a fuller
    /// one (廖俊超 stays against ，座伏 from a garbled trace).
    static func isFuller(_ later: String, than earlier: String) -> Bool {
        let fuller = TextNormalization.lettersAndDigits(later), shorter = TextNormalization.lettersAndDigits(earlier)
        if shorter.isEmpty { return !fuller.isEmpty }
        return fuller.count > shorter.count && shorter.count >= 2 && fuller.prefix(2) == shorter.prefix(2)
    }

    /// Whether two line boxes share most of their height (one printed line).
    static func sameLine(_ a: PixelBox, _ b: PixelBox) -> Bool {
        let overlap = min(a.maxY, b.maxY) - max(a.y, b.y)
        return Double(overlap) >= 0.5 * Double(min(a.height, b.height))
    }

    /// A value that opens with the rest of a longer form of its label
    /// (受托人“〈人代理人)之许佳 matched as 受托人: the marks OCR added kept
    /// 受托人(代理人) from matching): the value starts after another of the
    /// entry's labels found within its first few characters, and a closing
    /// bracket after it.
    func dropLabelEcho(_ slice: [(character: Character, symbol: RecognizedSymbol?)],
                       entry: LabelCatalogue.Entry) -> [(character: Character, symbol: RecognizedSymbol?)] {
        let characters = slice.map(\.character)
        let head = Array(characters.prefix(Self.maxLabelEchoOffset + 4))
        var cut: Int?
        for label in entry.labels.map({ Array(TextNormalization.normalized($0)) }) where label.count >= 2 {
            guard let start = locateExactly(label, in: head), start <= Self.maxLabelEchoOffset else { continue }
            cut = max(cut ?? 0, start + label.count)
        }
        guard var end = cut, end < characters.count else { return slice }
        while end < characters.count - 1, ")）".contains(characters[end]) { end += 1 }
        return Array(slice[end...])
    }

    /// How far into a value a label echo may start (marks in front of it).
    static let maxLabelEchoOffset = 3

    /// The line's characters, each with the symbol it came from.
    func characterSymbols(_ line: ReadLine) -> [(character: Character, symbol: RecognizedSymbol?)] {
        var result: [(Character, RecognizedSymbol?)] = []
        for symbol in line.symbols {
            for character in TextNormalization.normalized(symbol.text) { result.append((character, symbol)) }
        }
        return result
    }

    /// Non-overlapping label hits, left to right; longer labels win.
    ///
    /// - Parameter allowingLostFirstCharacter: whether a two-character label
    ///   may show only its second character (see ``locate(_:in:allowingLostFirstCharacter:)``).
    ///   Not for deciding that a line continues a value: an address wraps
    ///   before 族自治州 or 生态路 as readily as anywhere.
    func findLabels(in characters: [Character], allowingLostFirstCharacter: Bool = false) -> [Hit] {
        var hits: [Hit] = []
        let candidates = catalogue.flatMap { entry in entry.labels.map { (entry, Array(TextNormalization.normalized($0))) } }
            .sorted { $0.1.count > $1.1.count }
        for (entry, label) in candidates {
            guard let range = locate(label, in: characters, allowingLostFirstCharacter: allowingLostFirstCharacter) else { continue }
            if hits.contains(where: { $0.start < range.upperBound && range.lowerBound < $0.end }) { continue }
            if hits.contains(where: { $0.entry.key == entry.key }) { continue }
            hits.append(Hit(entry: entry, start: range.lowerBound, end: range.upperBound))
        }
        // A two-character label (名称, 性别, 日期 …) inside a line counts only
        // after another label: otherwise it is more likely part of a value.
        var kept: [Hit] = []
        for hit in hits.sorted(by: { $0.start < $1.start }) {
            if hit.end - hit.start <= 2 && hit.start > 1 && kept.isEmpty { continue }
            kept.append(hit)
        }
        return kept
    }

    /// Where `label` stands in `characters`: exactly, or for labels of four
    /// or more characters with one character misread. A two-character label
    /// at the very start of a line may have one character misread (类列 for
    /// 类型), also as a letter or digit (类3) but not as a mark, or, when
    /// `allowingLostFirstCharacter`, be lost, its second character opening
    /// the line after at most ``maxLostLabelMarks`` other marks (型…, =型…,
    /// ES型…): labels open their lines. (The classifier does not allow a
    /// lost character: 名称 on a licence would count as the ID card's 姓名.)
    func locate(_ label: [Character], in characters: [Character], allowingLostFirstCharacter: Bool = false) -> Range<Int>? {
        guard characters.count >= label.count, !label.isEmpty else { return nil }
        if label.count == 2, characters.count > 2, characters[0] == label[0] || characters[1] == label[1],
           characters[0] != label[0] || characters[1] != label[1],
           !characters[0..<2].contains(where: { $0.isASCII && !($0.isLetter || $0.isNumber) }) {
            if locateExactly(label, in: characters) == nil { return 0..<2 }
        }
        if allowingLostFirstCharacter, label.count == 2, let second = characters.prefix(Self.maxLostLabelMarks + 1).firstIndex(of: label[1]),
           !characters[..<second].contains(where: \.isHanCharacter), second + 1 < characters.count,
           locateExactly(label, in: characters) == nil {
            return 0..<(second + 1)
        }
        let allowed = label.count >= 4 ? 1 : 0
        for start in 0...(characters.count - label.count) {
            var mismatches = 0
            for offset in 0..<label.count where characters[start + offset] != label[offset] {
                mismatches += 1
                if mismatches > allowed { break }
            }
            if mismatches <= allowed { return start..<(start + label.count) }
        }
        return nil
    }

    func locateExactly(_ label: [Character], in characters: [Character]) -> Int? {
        guard characters.count >= label.count else { return nil }
        return (0...(characters.count - label.count)).first { Array(characters[$0..<$0 + label.count]) == label }
    }
}
