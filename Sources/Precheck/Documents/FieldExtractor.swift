import PrecheckNative

/// Turns the read lines of a classified page into the contract's fields.
struct FieldExtractor {
    let page: PageText
    let cleaned: CleanedPage
    let engine: any OCREngine

    func fields(for kind: DocumentKind) throws -> [String: FieldReading] {
        switch kind {
        case .businessLicense, .creditCodeCertificate: try license()
        case .idCardFront: try idCardFront()
        case .idCardBack: idCardBack()
        case .authorizationLetter: try letter()
        case .unknown: [:]
        }
    }

    /// A reading from a labelled value, its box mapped to the upload.
    func reading(_ value: LabelledValue?, transform: (String) -> String? = { $0.isEmpty ? nil : $0 }) -> FieldReading? {
        guard let value, let text = transform(value.text), let box = value.box else { return nil }
        return FieldReading(value: text, confidence: value.confidence, box: cleaned.sourceBox(box), workingBox: box)
    }

    /// Re-reads a value's region restricted to `characters` and returns the
    /// reading when `accept` takes it (e.g. it parses as a date).
    func reread(_ value: LabelledValue?, characters: String, accept: (String) -> String?) throws -> FieldReading? {
        guard let value, let box = value.box else { return nil }
        let region = box.expanded(by: max(4, box.height / 4), within: (cleaned.ocrGrey.width, cleaned.ocrGrey.height))
        let text = try engine.recognize(cleaned.ocrGrey, RecognitionRequest(region: region, segmentation: .singleLine,
                                                                            dpi: cleaned.dpi, whitelist: characters))
        guard !text.symbols.isEmpty, let accepted = accept(text.unspacedText) else { return nil }
        return FieldReading(value: accepted, confidence: text.symbols.meanConfidence, box: cleaned.sourceBox(box), workingBox: box)
    }

    /// The constrained re-read and the free reading, whichever is
    /// acceptable. When both are and they differ, the surer of the two with
    /// the lower confidence: readings that contradict each other make
    /// neither sure. (The restricted re-read is not always the better one:
    /// on a clean card it read 1995年12月31日 as 1995-02-03, which the page
    /// had read right.)
    func constrained(_ value: LabelledValue?, characters: String, accept: @escaping (String) -> String?) throws -> FieldReading? {
        let free = reading(value, transform: accept)
        guard let restricted = try reread(value, characters: characters, accept: accept) else { return free }
        guard let free, free.value != restricted.value else { return restricted }
        var surer = free.confidence > restricted.confidence ? free : restricted
        surer.confidence = min(free.confidence, restricted.confidence)
        return surer
    }

    func code(_ kind: CodeKind) throws -> FieldReading? {
        guard let code = try CodeReader(kind: kind).read(page: page, cleaned: cleaned, engine: engine) else { return nil }
        return FieldReading(value: code.value, confidence: code.confidence, box: cleaned.sourceBox(code.box), workingBox: code.box,
                            correctedFrom: code.correctedFrom)
    }

    func license() throws -> [String: FieldReading] {
        let values = LabelledFields(catalogue: LabelCatalogue.license).extract(from: page)
        var fields: [String: FieldReading] = [:]
        for key in ["name", "organizationType", "registrationAuthority"] {
            fields[key] = reading(values[key])
        }
        fields["legalRepresentative"] = personName(values["legalRepresentative"])
        fields["creditCode"] = try code(.creditCode)
        // The code's division is the registering authority's, mostly the address's county too.
        let division = fields["creditCode"].flatMap { CreditCode.isValid($0.value) ? String($0.value.dropFirst(2).prefix(6)) : nil }
        fields["address"] = address(values["address"], division: division)
        // Kept as printed, but characters outside the capital numerals are
        // compared by shape (see CapitalAmount). (Re-reading with the
        // capital-numeral set was measured worse: Tesseract then reads 仟
        // as 人 and drops 捌.)
        if let capital = values["registeredCapital"]?.droppingFaintEnds(on: cleaned.binary) {
            let amount = CapitalAmount(page: cleaned.printedCharacters).corrected(capital)
            fields["registeredCapital"] = reading(capital) { _ in amount.isEmpty ? nil : amount }
        }
        fields["establishedOn"] = try constrained(values["establishedOn"], characters: ValueCharacterSets.date, accept: DateText.normalize)
        fields["issuedOn"] = try issueDate()
        return fields
    }

    /// An address: its building word chosen by shape (``BuildingWord``),
    /// its place names snapped to real ones, towards `division` (the code
    /// the document's own number names; see ``PlaceNames/snap(_:hint:)``).
    func address(_ value: LabelledValue?, division: String?) -> FieldReading? {
        guard let value else { return nil }
        let text = BuildingWord(page: cleaned.printedCharacters).corrected(value)
        return reading(value) { _ in text.isEmpty ? nil : PlaceNames.shared.snap(text, hint: division) }
    }

    /// The licence's 登记机关 line (the last, in case the words recur), also
    /// when its last character was misread.
    var authorityLabelLine: ReadLine? {
        page.lines.last { $0.text.contains("登记机关") || $0.text.contains("登记机") }
    }

    /// The issue date: the short date-like line nearest below 登记机关 (or
    /// the last one on the page), re-read with the date character set (the
    /// authority's seal is stamped over it).
    func issueDate() throws -> FieldReading? {
        let labelLine = authorityLabelLine
        let dated = page.lines.filter { line in
            line.text.filter(\.isASCIIDigit).count >= 6 && line.text.count <= 16 && !line.text.contains("至")
                && (line.text.contains("年") || line.text.contains("月"))
        }
        let belowLabel = labelLine.map { label in dated.filter { $0.box.y > label.box.y } } ?? []
        guard let line = belowLabel.first ?? dated.last else { return nil }
        let value = LabelledValue(text: line.text, symbols: line.symbols)
        return try constrained(value, characters: ValueCharacterSets.date, accept: DateText.normalize)
    }

    /// The issue date of a black-and-white copy, read again without the
    /// grey authority seal over it (``PrintUnderGreySeal``): of the lines
    /// below 登记机关 that meet the seal and hold a digit, those with the
    /// most digits first, each re-read restricted to the date's characters
    /// until one gives a date that can be an issue date: not before
    /// `establishedOn` (a licence is issued at or after its company's
    /// founding) and not after `today`.
    func issueDate(under seal: DetectedSeal, establishedOn: CalendarDate?, today: CalendarDate) throws -> FieldReading? {
        let label = authorityLabelLine
        let candidates = page.lines.filter { line in
            line.box.intersection(seal.box) != nil && line.text.contains(where: \.isASCIIDigit)
                && label.map { line.box.y > $0.box.y } ?? true
        }
        let print = PrintUnderGreySeal(page: cleaned, seal: seal)
        let bounds = PixelBox(x: 0, y: 0, width: cleaned.grey.width, height: cleaned.grey.height)
        for line in candidates.sorted(by: { $0.text.filter(\.isASCIIDigit).count > $1.text.filter(\.isASCIIDigit).count }) {
            // Wider than the line by its height each side: the garbled line
            // often lost its first or last character.
            let margin = max(4, line.box.height / 4)
            let region = PixelBox(x: line.box.x - line.box.height, y: line.box.y - margin,
                                  width: line.box.width + 2 * line.box.height, height: line.box.height + 2 * margin)
            guard let region = region.intersection(bounds) else { continue }
            let text = try engine.recognize(print.grey(in: region), RecognitionRequest(segmentation: .singleLine, dpi: cleaned.dpi,
                                                                      whitelist: ValueCharacterSets.date))
            if !text.symbols.isEmpty, let date = DateText.firstDate(in: text.unspacedText),
               date >= establishedOn ?? date, date <= today {
                return FieldReading(value: date.iso, confidence: text.symbols.meanConfidence, box: cleaned.sourceBox(line.box),
                                    workingBox: line.box)
            }
        }
        return nil
    }

    func idCardFront() throws -> [String: FieldReading] {
        let values = LabelledFields(catalogue: LabelCatalogue.idCardFront).extract(from: page)
        var fields: [String: FieldReading] = [:]
        fields["name"] = personName(values["name"])
        fields["sex"] = try constrained(values["sex"], characters: ValueCharacterSets.sex) { text in
            text.first.map(String.init).flatMap { ["男", "女"].contains($0) ? $0 : nil }
        } ?? shaped(values["sex"], among: ["男", "女"], count: 1)
        fields["ethnicity"] = try constrained(values["ethnicity"], characters: ValueCharacterSets.ethnicity) { text in
            ValueCharacterSets.ethnicGroups.contains(text) ? text : nil
        } ?? shaped(values["ethnicity"], among: ValueCharacterSets.ethnicGroups)
        fields["birthDate"] = try constrained(values["birthDate"], characters: ValueCharacterSets.date, accept: DateText.normalize)
        fields["idNumber"] = try code(.idNumber)
        // Where the number was issued; the address is often still there.
        let division = fields["idNumber"].flatMap { ResidentIDNumber.isValid($0.value) ? String($0.value.prefix(6)) : nil }
        fields["address"] = address(values["address"], division: division)
        return fields
    }

    func idCardBack() -> [String: FieldReading] {
        let values = LabelledFields(catalogue: LabelCatalogue.idCardBack).extract(from: page)
        var fields: [String: FieldReading] = [:]
        fields["issuingAuthority"] = reading(values["issuingAuthority"]) { $0.isEmpty ? nil : PoliceAuthorityNames.shared.snap($0) }
        // When the 有效期限 label was misread, the validity is the one line
        // holding a date range (or a date and 长期).
        let labelled = values["validity"].flatMap { DateText.dates(in: $0.text).isEmpty ? nil : $0 }
        guard let validity = labelled ?? validityLine(), let box = validity.box else { return fields }
        let period = Self.validity(validity.text)
        let sourceBox = cleaned.sourceBox(box)
        if let from = period.from {
            fields["validFrom"] = FieldReading(value: from.iso, confidence: validity.confidence, box: sourceBox)
        }
        if let until = period.until {
            fields["validUntil"] = FieldReading(value: until, confidence: validity.confidence, box: sourceBox)
        }
        return fields
    }

    /// The start and end of an ID card's validity in `text`: two dates, or
    /// a date and 长期 (`long-term`; also when 长 follows the date's range
    /// mark, its 期 misread: 2018.07.12-长其).
    static func validity(_ text: String) -> (from: CalendarDate?, until: String?) {
        let dates = DateText.dates(in: text)
        let normalized = TextNormalization.normalized(text)
        if normalized.contains("长期") || normalized.range(of: #"[0-9][-—－~至]长"#, options: .regularExpression) != nil {
            return (dates.first, "long-term")
        }
        if dates.count >= 2 { return (dates.first, dates[1].iso) }
        return (dates.first, dates.first.flatMap { periodEnd(from: $0, in: normalized)?.iso })
    }

    /// A validity's end that did not read as a date (2013.04.09.2033040g):
    /// an ID card is valid for 5, 10 or 20 years to the day, so the end is
    /// the one of those three whose digits are within one character of what
    /// follows the start (letters OCR gives for digits counted as the
    /// digits, as for an ID number, and the lower-case shapes of 9 and 6),
    /// while the other two are farther. (A correct reading of the
    /// wrong end is as likely as for a date read whole; the expiry rule
    /// checks the end it gets either way.)
    static func periodEnd(from start: CalendarDate, in text: String) -> CalendarDate? {
        let lowerCaseShapes: [Character: Character] = ["g": "9", "q": "9", "b": "6", "|": "1"]
        let compact = String(text.compactMap { lowerCaseShapes[$0] ?? CodeKind.idNumber.fold($0) }.filter(\.isASCIIDigit))
        let startDigits = start.iso.filter(\.isASCIIDigit)
        guard compact.hasPrefix(startDigits) else { return nil }
        let rest = String(compact.dropFirst(startDigits.count))
        guard rest.count >= 6 else { return nil }
        let ends = [5, 10, 20].map { start.adding(years: $0) }
        let distances = ends.map { TextSimilarity.distance($0.iso.filter(\.isASCIIDigit), rest) }
        guard let best = distances.min(), best <= 1, distances.filter({ $0 == best }).count == 1 else { return nil }
        return ends[distances.firstIndex(of: best)!]
    }

    /// The line holding the card's validity when its label was misread: a
    /// date range, or a date with 长期 (or 长 after its range mark).
    func validityLine() -> LabelledValue? {
        let line = page.lines.first { line in
            let period = Self.validity(line.text)
            return period.from != nil && period.until != nil
        }
        return line.map { LabelledValue(text: $0.text, symbols: $0.symbols) }
    }

    /// A value with the rest of its label in front, as left when the label
    /// was read only in part (`(代理人):肖国晓`, `时:江芳志`): what follows a
    /// colon among the first six characters. (Not a bracket: names such as
    /// 中铁(北京)… hold one.)
    static func droppingLabelRest(_ text: String) -> String? {
        let head = text.prefix(6)
        guard let cut = head.lastIndex(where: { ":：".contains($0) }) else { return text }
        let rest = String(text[text.index(after: cut)...])
        return rest.isEmpty ? nil : rest
    }

    /// A person's name without the marks OCR leaves at its ends (`)郑晨`,
    /// `孙平|`): Chinese names are Han characters, with a middle dot
    /// between the parts of a transliterated name. Marks never stand inside
    /// a name, so where they split the text, the longest part is the name
    /// (the last of equally long ones: the rest of a garbled label comes
    /// first, `和信)。，段吴杰` on seed 2046's APP-0082, which had rejected a
    /// clean application). Letters and digits do not split: inside a name
    /// they are the recogniser's noise, for the rules to weigh (`兹谷1华`).
    static func personName(_ text: String) -> String? {
        func isNamePart(_ character: Character) -> Bool { character.isHanCharacter || character == "·" }
        func isMark(_ character: Character) -> Bool { !isNamePart(character) && !character.isLetter && !character.isNumber }
        let parts = text.split(whereSeparator: isMark).compactMap { part -> Substring? in
            guard let first = part.firstIndex(where: isNamePart), let last = part.lastIndex(where: isNamePart) else { return nil }
            return part[first...last]
        }
        return parts.reversed().max { $0.count < $1.count }.map(String.init)
    }

    /// A person's name as read after its label: faint marks at its ends
    /// dropped by their ink (``LabelledValue/droppingFaintEnds(on:ratio:)``),
    /// then, when asked, a label rest before a colon, then anything that is
    /// not part of a name (``personName(_:)``).
    func personName(_ value: LabelledValue?, droppingLabelRest: Bool = false) -> FieldReading? {
        reading(value?.droppingFaintEnds(on: cleaned.binary)) { text in
            (droppingLabelRest ? Self.droppingLabelRest(text) : text).flatMap(Self.personName)
        }
    }

    /// A value with a closed set of texts that neither reading matched
    /// (女 read as 妆, 彝 as 莱): the text of `candidates` whose characters
    /// look most like those printed, as many as were read (or `count`).
    /// Its confidence is the shape likeness, so a poor fit stays unsure.
    func shaped(_ value: LabelledValue?, among candidates: [String], count: Int? = nil) -> FieldReading? {
        guard let value, let box = value.box, !value.text.isEmpty,
              let choice = cleaned.printedCharacters.closest(of: candidates, count: count ?? value.text.count, in: box) else { return nil }
        return FieldReading(value: choice.text, confidence: max(0, choice.likeness), box: cleaned.sourceBox(box), workingBox: box)
    }

    /// The two ends of a term (`自2026年01月09日至2027年01月08日止`): the
    /// dates before and after 至 (or 到). Without that word, two dates are
    /// the start and the end; a lone date could be either and gives neither.
    static func termDates(_ text: String) -> (start: CalendarDate?, end: CalendarDate?) {
        if let split = text.firstIndex(where: { $0 == "至" || $0 == "到" }) {
            return (DateText.dates(in: String(text[..<split])).last, DateText.dates(in: String(text[text.index(after: split)...])).first)
        }
        let dates = DateText.dates(in: text)
        return dates.count >= 2 ? (dates[0], dates[1]) : (nil, nil)
    }

    func letter() throws -> [String: FieldReading] {
        let values = LabelledFields(catalogue: LabelCatalogue.letter).extract(from: page)
        var fields: [String: FieldReading] = [:]
        fields["principalName"] = reading(values["principalName"]) { text in
            // 委托单位（盖章）： is the signature line, not the principal.
            text.isEmpty || text.hasPrefix("(盖章)") || text.hasPrefix("(公章)") ? nil : Self.droppingLabelRest(text)
        }
        fields["agentName"] = personName(values["agentName"], droppingLabelRest: true)
        fields["agentIdNumber"] = try code(.idNumber)
        if let term = values["term"], let box = term.box {
            let (start, end) = Self.termDates(term.text)
            let dated = { (date: CalendarDate) in FieldReading(value: date.iso, confidence: term.confidence, box: cleaned.sourceBox(box)) }
            fields["termStart"] = start.map(dated)
            fields["termEnd"] = end.map(dated)
        }
        fields["signedOn"] = reading(values["signedOn"], transform: DateText.normalize)
        return fields
    }
}
