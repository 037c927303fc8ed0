import PrecheckNative

/// The two checksummed codes Precheck reads: how to find them in text, how
/// to re-read them, and how to validate them.
public enum CodeKind: Sendable {
    case creditCode, idNumber

    var length: Int { 18 }
    /// Characters Tesseract may return when re-reading the code.
    var whitelist: String {
        switch self {
        case .creditCode: String(CreditCode.alphabet)
        case .idNumber: "0123456789X"
        }
    }
    func isValid(_ text: String) -> Bool {
        switch self {
        case .creditCode: CreditCode.isValid(text)
        case .idNumber: ResidentIDNumber.checkCharacter(for: String(text.prefix(17))) == text.last && text.count == 18
        }
    }
    /// Maps a character OCR produced onto the code alphabet (O → 0, I → 1, …).
    func fold(_ character: Character) -> Character? {
        let upper = Character(character.uppercased())
        switch self {
        case .creditCode:
            if CreditCode.alphabet.contains(upper) { return upper }
            return ["O": "0", "I": "1", "Z": "2", "S": "5", "V": "U"][upper]
        case .idNumber:
            if upper.isASCIIDigit || upper == "X" { return upper }
            return ["O": "0", "D": "0", "Q": "0", "I": "1", "L": "1", "Z": "2", "S": "5", "B": "8", "G": "6"][upper]
        }
    }
    /// Readings each character is commonly confused with.
    func confusions(of character: Character) -> [Character] {
        let groups: [[Character]] = [["0", "D", "Q", "U"], ["1", "7", "T", "L"], ["2", "Z"], ["5", "6", "8", "B", "3"],
                                     ["6", "G", "8", "0"], ["8", "B", "3", "9"], ["4", "A"], ["X", "K", "Y"], ["M", "N", "H"], ["C", "G", "0"]]
        return groups.filter { $0.contains(character) }.flatMap { $0 }.filter { $0 != character && whitelist.contains($0) }
    }
}

/// A code read from a scan.
public struct CodeReading: Sendable, Equatable {
    public var value: String
    public var confidence: Double
    /// Working-image box.
    public var box: PixelBox
    /// The raw reading, when checksum-guided correction changed it.
    public var correctedFrom: String?
    /// Whether the value passes its check character.
    public var isValid: Bool
}

/// Finds, re-reads and (when exactly one candidate validates) corrects a
/// credit code or ID number.
struct CodeReader {
    let kind: CodeKind

    /// The best code-like run of 18 characters in the page's lines. Up to
    /// ``maxUnfoldable`` of them may be characters outside the code's
    /// alphabet (a code letter read as a Han character: H → 匡), so that the
    /// code is still found and re-read; such runs must hold at least
    /// ``minDigitsWhenUnfoldable`` digits and rank below complete runs.
    func locate(in page: PageText) -> (line: ReadLine, start: Int)? {
        var best: (line: ReadLine, start: Int, score: Int)?
        for line in page.lines {
            let characters = Array(line.text)
            guard characters.count >= kind.length else { continue }
            for start in 0...(characters.count - kind.length) {
                let window = characters[start..<start + kind.length]
                let folded = window.compactMap(kind.fold)
                let unfoldable = kind.length - folded.count
                let digits = window.filter(\.isASCIIDigit).count
                guard unfoldable == 0 || unfoldable <= maxUnfoldable && digits >= minDigitsWhenUnfoldable else { continue }
                let score = digits - 5 * unfoldable + (unfoldable == 0 && kind.isValid(String(folded)) ? 100 : 0)
                if best == nil || score > best!.score { best = (line, start, score) }
            }
        }
        return best.map { ($0.line, $0.start) }
    }

    /// Characters outside the code's alphabet a located run may hold.
    var maxUnfoldable: Int { 2 }
    /// Digits a run with such characters must hold (a credit code has at
    /// least 8, the division and the registration characters; an ID number 17).
    var minDigitsWhenUnfoldable: Int { 8 }

    /// Reads the code: locate it, re-read its region with the code's
    /// character set, then correct by checksum if needed.
    func read(page: PageText, cleaned: CleanedPage, engine: any OCREngine) throws -> CodeReading? {
        guard let (line, start) = locate(in: page) else { return nil }
        let symbols = Array(line.symbols.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty })
        var box = line.box
        if symbols.count == line.text.count, start + kind.length <= symbols.count {
            // The run, and up to `maxInserted` code characters after it: when
            // OCR split a character in two (F → EF, W → UW) the 18 symbols
            // end one early, and the re-read must still see the last one.
            var end = start + kind.length
            while end < symbols.count, end < start + kind.length + maxInserted,
                  symbols[end].text.count == 1, symbols[end].text.first.flatMap(kind.fold) != nil { end += 1 }
            let run = symbols[start..<end]
            box = run.dropFirst().reduce(run.first!.box) { $0.union($1.box) }
        }
        let region = box.expanded(by: max(6, box.height / 3), within: (cleaned.ocrGrey.width, cleaned.ocrGrey.height))
        let reread = try engine.recognize(cleaned.ocrGrey, RecognitionRequest(region: region, segmentation: .singleLine, dpi: cleaned.dpi,
                                                                              whitelist: kind.whitelist, withAlternatives: true))
        let reSymbols = reread.symbols
        let rereadText = String(reSymbols.map(\.text).joined().compactMap(kind.fold))
        let freeText = String(Array(line.text)[start..<start + kind.length].compactMap(kind.fold))
        // The Chinese model reads some Latin faces poorly (1 as L, 03 as
        // O0O); a Latin model reads the same region once more.
        let latin = try engine.recognize(cleaned.ocrGrey, RecognitionRequest(region: region, segmentation: .singleLine, dpi: cleaned.dpi,
                                                                             whitelist: kind.whitelist, script: .latin))
        let latinText = String(latin.symbols.map(\.text).joined().compactMap(kind.fold))

        // Prefer a valid reading; the constrained re-reads first. OCR also
        // inserts characters, so any valid 18-character run counts. A check
        // character passes by chance once in 31 (11): readings that validate
        // to different codes settle nothing, and the first is kept unsure.
        let fullFree = String(line.text.compactMap(kind.fold))
        let valid = [(rereadText, reSymbols.meanConfidence), (latinText, latin.symbols.meanConfidence), (fullFree, line.confidence)]
            .compactMap { candidate, confidence in uniqueValidRun(in: candidate).map { (value: $0, confidence: confidence) } }
        if let first = valid.first {
            let agreed = valid.allSatisfy { $0.value == first.value }
            return CodeReading(value: first.value, confidence: agreed ? first.confidence : 0.3 * first.confidence, box: box,
                               correctedFrom: nil, isValid: true)
        }
        let raw = rereadText.count == kind.length ? rereadText : freeText
        if let corrected = correct(raw, symbols: rereadText == raw ? reSymbols : []) ?? correctByDeletion(in: [rereadText, fullFree]) {
            return CodeReading(value: corrected, confidence: 0.75 * reSymbols.meanConfidence, box: box, correctedFrom: rereadText, isValid: true)
        }
        return CodeReading(value: raw, confidence: 0.3 * reSymbols.meanConfidence, box: box, correctedFrom: nil, isValid: false)
    }

    /// The one valid 18-character run in `text`, if exactly one exists.
    func uniqueValidRun(in text: String) -> String? {
        let characters = Array(text)
        guard characters.count >= kind.length else { return nil }
        let valid = Set((0...(characters.count - kind.length)).map { String(characters[$0..<$0 + kind.length]) }.filter(kind.isValid))
        return valid.count == 1 ? valid.first : nil
    }

    /// A reading with one inserted character (OCR doubles strokes into an
    /// extra character): the single deletion, in any 19-character run of
    /// the readings, that validates — if exactly one does.
    func correctByDeletion(in readings: [String]) -> String? {
        var valid: Set<String> = []
        for reading in readings {
            let characters = Array(reading)
            guard characters.count > kind.length else { continue }
            for start in 0...(characters.count - kind.length - 1) {
                let run = Array(characters[start..<start + kind.length + 1])
                for index in run.indices {
                    var copy = run
                    copy.remove(at: index)
                    if kind.isValid(String(copy)) { valid.insert(String(copy)) }
                }
            }
        }
        return valid.count == 1 ? valid.first : nil
    }

    /// Single substitutions at the characters Tesseract was unsure of (low
    /// confidence or alternatives offered): its own alternatives there, and
    /// the common confusions only when just one character is unsure; kept
    /// only when exactly one candidate validates.
    ///
    /// A check character carries ~5 bits (mod 31) or ~3.5 (mod 11): every
    /// extra candidate is a chance of a valid but wrong code, so the search
    /// stays as narrow as the evidence. (Measured: trying the confusions at
    /// up to three unsure characters "corrected" a code whose real error was
    /// an inserted character elsewhere into another valid code.)
    func correct(_ raw: String, symbols: [RecognizedSymbol]) -> String? {
        let characters = Array(raw)
        guard characters.count == kind.length, symbols.count == kind.length else { return nil }
        let unsure = characters.indices.filter { symbols[$0].confidence < unsureBelow || !symbols[$0].alternatives.isEmpty }
        guard !unsure.isEmpty, unsure.count <= 2 else { return nil }
        var valid: Set<String> = []
        for position in unsure {
            var options = symbols[position].alternatives.compactMap { $0.first.flatMap(kind.fold) }
            if unsure.count == 1 { options += kind.confusions(of: characters[position]) }
            for option in Set(options) where option != characters[position] {
                var candidate = characters
                candidate[position] = option
                let text = String(candidate)
                if kind.isValid(text) { valid.insert(text) }
            }
        }
        return valid.count == 1 ? valid.first : nil
    }

    /// A character read with less confidence than this may be corrected.
    var unsureBelow: Double { 0.85 }
    /// Extra characters the located run may be followed by and still be
    /// re-read with it (inserted characters; see ``correctByDeletion(in:)``).
    var maxInserted: Int { 2 }
}
